//! The window, driven like a user would through egui_kittest: by accessible labels, no GPU.
//! One module per panel, around a shared support module.

mod support;

mod cards;
mod compare;
mod editor;
mod files;
mod glyphs;
mod presentation;
mod start;
mod tracking;
mod uncertainty;
