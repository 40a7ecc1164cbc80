//! awxm: AWX's awx-manage as one binary. See ARCHITECTURE.md for the map.

pub mod analytics;
pub mod catalog;
pub mod cleanup;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod complete;
pub mod config;
pub mod context;
pub mod crypto;
pub mod db;
pub mod deep_copy;
pub mod error;
pub mod inventory;
pub mod jobs;
pub mod jq;
pub mod launch;
pub mod license;
pub mod logging;
pub mod metrics;
pub mod notifications;
pub mod output;
pub mod pynum;
pub mod rbac;
pub mod resources;
pub mod runner;
pub mod schedule;
pub mod settings;
pub mod signals;
pub mod ssh;
pub mod taskmanager;
pub mod time;
pub mod workflow;
pub mod yaml;

use std::process::ExitCode;

use clap::FromArgMatches;

use crate::cli::{Cli, Command};
use crate::config::{Config, Overrides};
use crate::context::Ctx;
use crate::error::Error;
use crate::output::{Format, Output};

/// Parse arguments, run the command, map the outcome to an exit code (the one place that does).
pub fn main() -> ExitCode {
    // The shell's completion hook (`COMPLETE=bash awxm -- WORDS`): answer and exit.
    complete::handle_request();
    // A bare `awxm` prints the help; options without a command are a usage error that shows
    // it too (clap's own message would list the internal commands and the aliases).
    if std::env::args_os().len() == 1 {
        let out = Output::plain(Format::Human, false);
        let help = cli::command().render_help().to_string();
        return match out.raw(help.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(74),
        };
    }
    let matches = match cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) if e.kind() == clap::error::ErrorKind::MissingSubcommand => {
            let out = Output::plain(Format::Human, false);
            out.error(&Error::usage(format!("no command given\n\n{}", cli::command().render_help())));
            return ExitCode::from(2);
        }
        Err(e) => e.exit(),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // `--format` typed on the command line (not AWXM_FORMAT, not the config file).
    let format_given = cli::format_on_command_line(&matches).then_some(cli.global.format).flatten();
    let g = cli.global.clone();
    let color_env = output::ColorEnv::from_process();
    let choice = g.color_choice();
    logging::init(g.verbose, g.quiet, g.profile_sql, output::use_color(choice, &color_env, output::stderr_is_terminal()));

    // `--jq` is checked before anything runs: a bad filter must not find out after the work.
    let jq = match g.jq.as_deref().map(|src| jq_filter(src, format_given, &cli.command)).transpose() {
        Ok(jq) => jq,
        Err(e) => {
            Output::plain(Format::Human, g.quiet).error(&e);
            return ExitCode::from(e.exit_code());
        }
    };

    if let Command::Completions(args) = &cli.command {
        // The script itself, unless a structured format was typed on the command line (an
        // AWXM_FORMAT=json in the environment must not turn `completions bash > FILE` into JSON).
        let format = format_given.unwrap_or(if jq.is_some() { Format::Json } else { Format::Human });
        let out = Output { jq, ..Output::plain(format, g.quiet) };
        let report = commands::completions::Script::new(args.shell);
        return match out.emit(&report) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                out.error(&e);
                ExitCode::from(e.exit_code())
            }
        };
    }

    let overrides = Overrides {
        config: g.config.clone(),
        database: g.database.clone(),
        format: None,
        lock_timeout: g.lock_timeout,
        known_hosts: g.known_hosts.clone(),
        host_key_policy: g.host_key_policy.clone(),
    };
    let fallback = Output::plain(g.format.unwrap_or_default(), g.quiet);
    let config = match Config::resolve(&overrides) {
        Ok(c) => c,
        Err(e) => {
            fallback.error(&e);
            // A monitoring plugin that cannot tell says UNKNOWN, whatever went wrong.
            if let Command::CheckLicense(a) = &cli.command
                && a.nagios
            {
                let _ = fallback.stream(&commands::check_license::nagios_unknown(&e.message));
                return ExitCode::from(commands::check_license::PluginState::Unknown as u8);
            }
            return ExitCode::from(e.exit_code());
        }
    };
    let format = match (g.format, config.format.as_deref()) {
        // --jq filters JSON: JSON Lines stay lines (each filtered), anything else is JSON.
        _ if jq.is_some() => {
            if g.format == Some(Format::Jsonl) || (g.format.is_none() && config.format.as_deref() == Some("jsonl")) {
                Format::Jsonl
            } else {
                Format::Json
            }
        }
        (Some(f), _) => f,
        (None, Some(s)) => match Format::parse(s) {
            Some(f) => f,
            None => {
                let e = Error::config(format!("format {s:?} in the config file is not one of human, json, yaml"));
                fallback.error(&e);
                return ExitCode::from(e.exit_code());
            }
        },
        (None, None) => Format::Human,
    };
    let progress =
        !g.no_progress && !g.quiet && g.verbose == 0 && crate::config::env_var("AWXM_LOG").is_none() && output::stderr_is_terminal();
    let out = Output {
        format,
        quiet: g.quiet,
        progress,
        color_choice: choice,
        color: output::use_color(choice, &color_env, output::stdout_is_terminal()),
        jq,
    };
    let ctx = Ctx::new(config, out.clone(), g.profile_sql, g.verbose).with_access(cli.command.access());
    match commands::run(&ctx, cli.command) {
        Ok(report) => {
            if let Err(e) = out.emit(report.as_ref()) {
                out.error(&e);
                return ExitCode::from(e.exit_code());
            }
            // A command stopped by a signal says so the shell's way (130 SIGINT, 143 SIGTERM),
            // whatever its report would otherwise exit with. A --jq filter that failed (said
            // on stderr) makes a successful run exit 1, as gh does.
            match (report.exit_code(), signals::received()) {
                (0, None) if out.jq_failures() > 0 => ExitCode::from(1),
                (0, _) => ExitCode::SUCCESS,
                (_, Some(_)) => ExitCode::from(signals::interrupted_exit_code()),
                (code, None) => ExitCode::from(code),
            }
        }
        Err(e) => {
            out.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// Compile `--jq` for `command`: a usage error (exit 2) when the filter does not parse or
/// compile, when `--format human|yaml` was typed with it, or when the command prints text.
fn jq_filter(source: &str, format_given: Option<Format>, command: &Command) -> Result<std::sync::Arc<jq::Jq>, Error> {
    if let Some(f @ (Format::Human | Format::Yaml)) = format_given {
        let name = if f == Format::Human { "human" } else { "yaml" };
        return Err(Error::usage(format!("--jq filters JSON output; it cannot be used with --format {name}")));
    }
    if let Some(why) = command.jq_refusal() {
        return Err(Error::usage(format!("--jq cannot be used here: {why}")));
    }
    Ok(std::sync::Arc::new(jq::Jq::compile(source)?))
}
