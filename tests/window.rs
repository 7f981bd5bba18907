//! The real binary in a virtual display: it starts, keeps running and draws.
//!
//! Needs Xvfb, ImageMagick's `import`/`convert` and a software OpenGL driver (Mesa); `.ci/run`
//! installs them (see the README).

use std::process::{Child, Command, Stdio};
use std::time::Duration;

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

#[test]
fn the_binary_opens_a_window_that_keeps_running_and_draws() {
    let display = free_display();
    let xvfb = Command::new("Xvfb")
        .arg(format!(":{display}"))
        .args(["-screen", "0", "1280x800x24"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb must be installed (the README lists what the tests need)");
    let _xvfb = Guard(xvfb);
    std::thread::sleep(Duration::from_millis(700));

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
    std::thread::sleep(Duration::from_secs(6));
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

    let shot = data.path().join("shot.png");
    let import = Command::new("import")
        .env("DISPLAY", format!(":{display}"))
        .args(["-window", "root"])
        .arg(&shot)
        .status()
        .expect("ImageMagick's import must be installed");
    assert!(import.success());
    let stats = Command::new("convert")
        .arg(&shot)
        .args(["-format", "%[fx:standard_deviation] %k", "info:"])
        .output()
        .unwrap();
    let stats = String::from_utf8_lossy(&stats.stdout).to_string();
    let mut parts = stats.split_whitespace();
    let deviation: f64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let colours: u32 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    // An empty or black screen has one colour; the planner draws text, charts and panels.
    assert!(
        colours > 50 && deviation > 0.05,
        "the screen looks empty: {stats}"
    );
    assert!(
        app.0.try_wait().unwrap().is_none(),
        "the window should still be running"
    );
}
