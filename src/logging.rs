//! Logging to stderr with tracing. Default level `warn` (a successful cron run prints
//! nothing); `-v` info, `-vv` debug, `-vvv` trace, `-q` errors only; `AWXM_LOG` (EnvFilter
//! syntax) overrides them. `--profile-sql` turns on the `awxm::sql` target.

use tracing_subscriber::EnvFilter;

pub fn init(verbose: u8, quiet: bool, profile_sql: bool) {
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
    let ansi = crate::output::stderr_is_terminal() && crate::config::env_var("NO_COLOR").is_none();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .with_target(false)
        .without_time()
        .try_init();
}
