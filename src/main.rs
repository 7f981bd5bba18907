//! The `roi-planner` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use roi_planner::cli::{self, Args};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Ctrl+C in the middle of a write: remove its temporary file, then stop as an interrupted
    // program does (exit status 130).
    let _ = ctrlc::set_handler(|| {
        roi_planner::files::remove_in_flight();
        std::process::exit(130);
    });
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                cli::EXIT_USAGE
            } else {
                cli::EXIT_OK
            });
        }
    };
    if args.command.is_none()
        && let Some(message) = cli::misused_files(&args)
    {
        eprintln!("{message}");
        return ExitCode::from(cli::EXIT_USAGE);
    }
    match &args.command {
        Some(command) => {
            let status = cli::run(
                command,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(status)
        }
        None => ExitCode::from(roi_planner::ui::run(args.files, started)),
    }
}
