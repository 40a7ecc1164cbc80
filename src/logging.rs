//! Logging to stderr with tracing. Default level `warn` (a successful cron run prints
//! nothing); `-v` info, `-vv` debug, `-vvv` trace, `-q` errors only; `AWXM_LOG` (EnvFilter
//! syntax) overrides them. `--profile-sql` turns on the `awxm::sql` target.
//!
//! Lines carry no time stamp (journald and cron mail add their own). Under systemd (stderr is
//! the journal: `JOURNAL_STREAM` is set) each line starts with its syslog priority (`<3>`
//! error, `<4>` warning, `<6>` info, `<7>` debug and trace), which journald reads as the
//! message's priority (`journalctl -p warning` works).

use std::fmt;

use tracing::{Event, Level, Subscriber};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// `<prio>LEVEL message`, the sd-daemon(3) convention journald understands.
struct Journal;

fn priority(level: &Level) -> u8 {
    match *level {
        Level::ERROR => 3,
        Level::WARN => 4,
        Level::INFO => 6,
        _ => 7,
    }
}

impl<S, N> FormatEvent<S, N> for Journal
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(&self, ctx: &FmtContext<'_, S, N>, mut w: Writer<'_>, event: &Event<'_>) -> fmt::Result {
        let level = event.metadata().level();
        write!(w, "<{}>{level} ", priority(level))?;
        ctx.field_format().format_fields(w.by_ref(), event)?;
        writeln!(w)
    }
}

/// `ansi`: colour the log lines (`output::use_color` for stderr).
pub fn init(verbose: u8, quiet: bool, profile_sql: bool, ansi: bool) {
    let level = if quiet {
        "error"
    } else {
        match verbose {
            0 => "warn",
            1 => "info",
            2 => "debug",
            _ => "trace",
        }
    };
    let mut filter = match crate::config::env_var("AWXM_LOG") {
        Some(spec) => EnvFilter::try_new(spec).unwrap_or_else(|_| EnvFilter::new(level)),
        None => EnvFilter::new(format!("{level},postgres=warn,tokio_postgres=warn,rustls=warn,ureq=warn")),
    };
    if profile_sql && let Ok(d) = "awxm::sql=info".parse() {
        filter = filter.add_directive(d);
    }
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if crate::config::env_var("JOURNAL_STREAM").is_some() {
        builder.with_ansi(false).event_format(Journal).try_init()
    } else {
        builder.with_ansi(ansi).with_target(false).without_time().try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syslog_priorities() {
        assert_eq!([Level::ERROR, Level::WARN, Level::INFO, Level::DEBUG, Level::TRACE].map(|l| priority(&l)), [3, 4, 6, 7, 7]);
    }
}
