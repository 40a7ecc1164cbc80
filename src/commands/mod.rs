//! One module per subcommand. Each owns its clap `Args` and a `run` that returns a report;
//! commands never print data themselves (see `output`).

pub mod ad_hoc;
pub mod apply;
pub mod approval;
pub mod check_license;
pub mod cleanup_jobs;
pub mod cleanup_stdout;
pub mod completions;
pub mod config;
pub mod deep_copy;
pub mod delete;
pub mod dispatcher;
pub mod export;
pub mod gather_analytics;
pub mod heartbeat;
pub mod instance;
pub mod inventory;
pub mod inventory_export;
pub mod inventory_import;
pub mod inventory_update;
pub mod isolated_heartbeat;
pub mod job;
pub mod job_guard;
pub mod launch;
pub mod license;
pub mod list;
pub mod metrics;
pub mod notification;
pub mod ping;
pub mod project_update;
pub mod run_job;
pub mod run_workflow;
pub mod schedule;
pub mod scheduler;
pub mod settings;
pub mod show;
pub mod task_manager;
pub mod test_isolated_connection;

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
        Command::DeepCopy(a) => deep_copy::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Settings(a) => settings::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::RunJob(a) => run_job::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::AdHoc(a) => ad_hoc::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Launch(a) => launch::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Dispatcher(a) => dispatcher::run(ctx, a),
        Command::Schedule(a) => schedule::run(ctx, a),
        Command::Scheduler(a) => scheduler::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::TaskManager(a) => task_manager::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::ProjectUpdate(a) => project_update::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Job(a) => job::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::JobGuard(a) => job_guard::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::CheckLicense(a) if a.nagios => check_license::run_nagios(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::CheckLicense(a) if a.data => check_license::run_data(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::CheckLicense(a) => check_license::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::License(a) => license::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Notification(a) => notification::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::GatherAnalytics(a) => gather_analytics::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::CleanupStdout(a) => cleanup_stdout::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::CleanupJobs(a) => cleanup_jobs::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Config(a) => config::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Completions(a) => completions::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::InventoryImport(a) => inventory_import::run(ctx, *a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::InventoryUpdate(a) => inventory_update::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::InventoryExport(a) => inventory_export::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Inventory(a) => inventory::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Instance(a) => instance::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Heartbeat(a) => heartbeat::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::IsolatedHeartbeat(a) => isolated_heartbeat::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Metrics(a) => metrics::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Ping(a) => ping::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::TestIsolatedConnection(a) => test_isolated_connection::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::RunWorkflow(a) => run_workflow::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
        Command::Approval(a) => approval::run(ctx, a).map(|r| Box::new(r) as Box<dyn Report>),
    }
}
