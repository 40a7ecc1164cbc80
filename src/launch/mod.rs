//! Launching unified jobs: prompts and surveys.

pub mod survey;
