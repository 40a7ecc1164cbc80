//! `awxm completions SHELL`: print a completion script (also checked in under completions/).

use crate::context::Ctx;
use crate::error::Result;
use crate::output::Streamed;

#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
EXAMPLES:
  awxm completions bash > /etc/bash_completion.d/awxm
  awxm completions zsh > \"${fpath[1]}/_awxm\"
  awxm completions fish > ~/.config/fish/completions/awxm.fish")]
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

pub fn run(ctx: &Ctx, args: Args) -> Result<Streamed> {
    ctx.out.raw(&render(args.shell)).map_err(|e| crate::error::Error::io(format!("writing to stdout: {e}")))?;
    Ok(Streamed(0))
}
