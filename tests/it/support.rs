//! What the tests share: finding a program outside Rust, failing with the package to install
//! when it is missing (CI installs them all in `.ci/run`); a bundled scenario and its plan.

use std::path::{Path, PathBuf};

/// The path of `program` on `PATH`; fails the test naming the Debian package that provides
/// it when it is not there, so a missing tool is never mistaken for a broken export.
pub fn require(program: &str, package: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| is_executable(p))
    });
    found.unwrap_or_else(|| {
        panic!(
            "this test needs `{program}`, which is not installed: on Debian or Ubuntu run `sudo apt-get install {package}` (.ci/run installs it)"
        )
    })
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// A bundled scenario, as shipped.
pub fn bundled_scenario(name: &str) -> roi_planner::model::Scenario {
    roi_planner::bundled::find(name)
        .expect("bundled")
        .load()
        .expect("parses")
        .into_inner()
}

/// The plan of a scenario: its exact projection.
pub fn plan(s: &roi_planner::model::Scenario) -> roi_planner::sim::Projection {
    roi_planner::sim::simulate(&s.clone().validate().expect("valid")).expect("computes")
}
