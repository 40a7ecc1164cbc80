//! `awxm project_update PROJECT`: sync a git project's checkout (AWX's project update).

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::jobs::{self, JobKind, JobStatus};
use crate::output::{Human, Report};
use crate::resources::{self, types};
use crate::runner::project::{self, UpdateOutcome};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm project_update demo
  awxm project_update demo --format json

Clones the project's scm_url into its local_path (default <projects_root>/_<id>__<name>) on the
first run, fetches afterwards, and checks out scm_branch (a branch, tag or commit; empty: the
remote's default branch). scm_refspec is fetched too; scm_clean removes untracked files;
scm_delete_on_update starts from a fresh clone. The project's SCM credential (username and
password, or an SSH key with its passphrase) is handed to git through an askpass helper reading
0600 files, never through argv, the environment or .git/config; a password written in the URL
is treated the same way: stored encrypted, shown as $encrypted$ everywhere. The update is
recorded as a project_update job (status, output, revision); `awxm delete project` removes the
checkout. Two updates of one project never run at once (AWX's rule): the second waits in the
queue for the first to end, then runs.

EXIT STATUS:
  0 the checkout is up to date; 1 the update failed.

JSON OUTPUT (--format json):
  {\"format_version\": 1, \"id\": 4, \"project\": \"demo\", \"status\": \"successful\",
   \"scm_revision\": \"3f2a…\", \"local_path\": \"/var/lib/awxm/projects/_1__demo\",
   \"job_explanation\": \"\", \"elapsed\": 0.42}")]
pub struct Args {
    /// Project (name, or id)
    #[arg(value_name = "PROJECT", add = clap_complete::ArgValueCompleter::new(crate::complete::project))]
    pub project: String,
}

#[derive(Debug, Serialize)]
pub struct ProjectUpdateReport(pub UpdateOutcome);

impl Report for ProjectUpdateReport {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        let o = &self.0;
        if o.status == JobStatus::Successful {
            out.line(format!("project {} updated to {} in {} ({:.2}s)", o.project, o.scm_revision, o.local_path, o.elapsed))
        } else {
            out.line(format!("project {} update {}: {}", o.project, o.status, o.job_explanation))
        }
    }
    fn exit_code(&self) -> u8 {
        if self.0.status == JobStatus::Successful { 0 } else { 1 }
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ProjectUpdateReport> {
    let mut db = ctx.db()?;
    let node = ctx.config.node_name.clone();
    let (id, _) = db.write(|tx| {
        jobs::reap_local_orphans(tx, JobKind::ProjectUpdate, &node)?;
        resources::resolve(tx, &types::PROJECT, &args.project)
    })?;
    ctx.cancel_on_signals()?;
    // Through the queue: it waits while another update of the project runs (one at a time,
    // AWX's rule), then runs here.
    let projects_root = db.read(|tx| crate::runner::projects_root(ctx, tx))?;
    let update = db.write(|tx| project::create_update(tx, &projects_root, id, "manual"))?;
    let turn = crate::taskmanager::run::wait_turn(ctx, &mut db, JobKind::ProjectUpdate, update, false)?;
    match turn {
        crate::taskmanager::run::Turn::Run => Ok(ProjectUpdateReport(project::run_update(ctx, &mut db, update)?)),
        crate::taskmanager::run::Turn::Done(_) => Ok(ProjectUpdateReport(project::outcome(&mut db, update)?)),
    }
}
