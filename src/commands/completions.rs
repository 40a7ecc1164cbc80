//! `awxm completions SHELL`: print a completion script (also checked in under completions/).

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::output::{Human, Report};

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm completions bash > /etc/bash_completion.d/awxm
  awxm completions zsh > \"${fpath[1]}/_awxm\"
  awxm completions fish > ~/.config/fish/completions/awxm.fish

The script asks awxm itself for the words as you type, so object names come from the database.

JSON OUTPUT (--format json typed on the command line; AWXM_FORMAT does not apply here, so that
`awxm completions bash > FILE` always writes the script):
  {\"format_version\": 1, \"shell\": \"bash\", \"script\": \"_clap_complete_awxm() {…\"}")]
pub struct Args {
    /// Shell to generate for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Render the completion script for `shell`: the hook that asks `awxm` itself for the words
/// (`COMPLETE=SHELL awxm` prints the same), so object names come from the database.
pub fn render(shell: clap_complete::Shell) -> Vec<u8> {
    crate::complete::registration(shell)
}

/// The completion script of one shell: printed as is, or inside a JSON/YAML document.
#[derive(Debug, Serialize)]
pub struct Script {
    pub shell: String,
    pub script: String,
}

impl Script {
    pub fn new(shell: clap_complete::Shell) -> Script {
        Script { shell: shell.to_string(), script: String::from_utf8_lossy(&render(shell)).into_owned() }
    }
}

impl Report for Script {
    fn human(&self, out: &mut Human) -> std::io::Result<()> {
        out.write_raw(self.script.as_bytes())
    }
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<Script> {
    Ok(Script::new(args.shell))
}
