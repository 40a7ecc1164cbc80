//! One module per subcommand. Each owns its clap `Args` and a `run` that returns a report;
//! commands never print data themselves (see `output`).

pub mod apply;
pub mod completions;
pub mod delete;
pub mod export;
pub mod inventory_export;
pub mod inventory_import;
pub mod inventory_update;
pub mod list;
pub mod settings;
pub mod show;

use crate::cli::Command;
use crate::context::Ctx;
use crate::error::Result;
use crate::output::Report;

pub fn run(ctx: &Ctx, cmd: Command) -> Result<Box<dyn Report>> {
    match cmd {
        Command::Apply(a) => apply::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Export(a) => export::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::List(a) => list::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Show(a) => show::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Delete(a) => delete::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Settings(a) => settings::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Completions(a) => completions::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::InventoryImport(a) => inventory_import::run(ctx, *a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::InventoryUpdate(a) => inventory_update::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::InventoryExport(a) => inventory_export::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
    }
}
