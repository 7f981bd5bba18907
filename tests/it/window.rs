//! The real binary in a virtual display: it starts, keeps running and draws.
//!
//! Needs Xvfb, ImageMagick's `import`/`convert` and a software OpenGL driver (Mesa); `.ci/run`
//! installs them (see the README). It waits for the display and for the window to draw (up to
//! a minute, far above the need), never for a fixed time.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::require;

/// Kills the child when the test ends, pass or fail.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_display() -> u32 {
    (150..250)
        .find(|d| !std::path::Path::new(&format!("/tmp/.X{d}-lock")).exists())
        .expect("a free X display number")
}

/// Polls `ready` every 100 ms for up to a minute; the time it took, or none.
fn wait_until(mut ready: impl FnMut() -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if ready() {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

/// How many colours the screen shows and how much they vary (ImageMagick).
fn screen_stats(display: u32, shot: &std::path::Path) -> Option<(u32, f64)> {
    let import = Command::new(require("import", "imagemagick"))
        .env("DISPLAY", format!(":{display}"))
        .args(["-window", "root"])
        .arg(shot)
        .stderr(Stdio::null())
        .status()
        .ok()?;
    if !import.success() {
        return None;
    }
    let stats = Command::new(require("convert", "imagemagick"))
        .arg(shot)
        .args(["-format", "%k %[fx:standard_deviation]", "info:"])
        .output()
        .ok()?;
    let stats = String::from_utf8_lossy(&stats.stdout).to_string();
    let mut parts = stats.split_whitespace();
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

#[test]
fn the_binary_opens_a_window_that_keeps_running_and_draws() {
    let display = free_display();
    let xvfb = Command::new(require("Xvfb", "xvfb"))
        .arg(format!(":{display}"))
        .args(["-screen", "0", "1280x800x24"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let _xvfb = Guard(xvfb);
    let socket = format!("/tmp/.X11-unix/X{display}");
    assert!(
        wait_until(|| std::path::Path::new(&socket).exists()).is_some(),
        "the virtual display did not come up"
    );

    let data = tempfile::tempdir().unwrap();
    let app = Command::new(env!("CARGO_BIN_EXE_roi-planner"))
        .env("DISPLAY", format!(":{display}"))
        .env_remove("WAYLAND_DISPLAY")
        .env("ROI_PLANNER_DATA_DIR", data.path())
        .env("XDG_RUNTIME_DIR", data.path())
        .env("LANG", "en_GB.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut app = Guard(app);
    let shot = data.path().join("shot.png");
    // An empty or black screen has one colour; the planner draws text, charts and panels.
    let mut last = None;
    let drawn = wait_until(|| {
        if app.0.try_wait().ok().flatten().is_some() {
            return true;
        }
        last = screen_stats(display, &shot);
        last.is_some_and(|(colours, deviation)| colours > 50 && deviation > 0.05)
    });
    if let Some(status) = app.0.try_wait().unwrap() {
        let out = std::mem::replace(&mut app.0, Command::new("true").spawn().unwrap())
            .wait_with_output()
            .unwrap();
        panic!(
            "the window exited early with {status}:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(drawn.is_some(), "the screen stayed empty: {last:?}");
    assert!(
        app.0.try_wait().unwrap().is_none(),
        "the window should still be running"
    );
}
