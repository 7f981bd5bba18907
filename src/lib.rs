//! roi-planner: business cases for customer-service investments.
//!
//! The core ([`model`], [`sim`]) is pure: plain data in, plain data out, no I/O and no
//! egui. Around it: [`files`] reads and writes scenario files, [`export`] turns projections
//! into tables, CSV and JSON, [`cli`] is the command line and [`ui`] the window.

pub mod analysis;
pub mod bundled;
pub mod cli;
pub mod export;
pub mod files;
pub mod format;
pub mod i18n;
pub mod model;
pub mod report;
pub mod sim;
pub mod text;
pub mod ui;
pub mod view;
