//! Every integration test of roi-planner, in one test binary so it links once (typst, eframe,
//! plotters and the xlsx writer are linked into each test binary; fifteen binaries spent most
//! of an incremental test run linking). One module per subject; `support` holds what tests
//! that need a program outside Rust (LibreOffice, poppler, Xvfb) share.

mod analysis;
mod architecture;
mod bad_input;
mod cli;
mod edge_cases;
mod ledger;
mod legacy;
mod metrics;
mod properties;
mod report;
mod scenarios;
mod spreadsheet;
mod staffing;
mod support;
mod tracking;
mod ui;
mod variance;
mod window;
mod years;
