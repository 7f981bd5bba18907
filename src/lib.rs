//! roi-planner: business cases for customer-service investments.
//!
//! The core ([`model`], [`sim`], [`analysis`]) is pure: plain data in, plain data out, no
//! I/O, no egui and no words (keys and numbers only). At the bottom of the house, [`i18n`]
//! (the two languages) and [`format`] (numbers and money as text); [`text`] words what the
//! core reports (line titles, warnings, problems). Around the core: [`view`] turns results into
//! what a face shows (cards, rows, bands, the tracking standing), [`files`] reads and writes
//! scenario and actuals files, [`bundled`] holds the example scenarios, [`export`] writes the
//! command line's contracts (tables, CSV, JSON), [`report`] what goes to a client (PDF, HTML,
//! spreadsheet, CSV, charts), [`cli`] is the command line and [`ui`] the window. A test holds
//! the parts to no import cycles and the core to reaching none of the faces.

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
