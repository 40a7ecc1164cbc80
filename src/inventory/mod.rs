//! Inventories: an in-memory model with Ansible's rules, native loaders that read INI, YAML,
//! `--list` JSON, executable scripts and directories exactly as `ansible-inventory --list
//! --export` does, the fallback through `ansible-inventory` for everything else, the import
//! into the database (AWX's `inventory_import` algorithm, set-based), and the export back to
//! `--list` JSON.

pub mod checks;
pub mod counts;
pub mod export;
pub mod fxhash;
pub mod import;
pub mod ini;
pub mod loader;
pub mod model;
pub mod pattern;
pub mod process;
pub mod pyast;
pub mod run;
pub mod script;
pub mod smart;
pub mod source;
pub mod vars_files;
pub mod yaml_inv;
