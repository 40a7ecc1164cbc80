//! Which terminating signal (if any) this process received, so the exit code can follow the
//! shell convention: 128 + the signal number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
//!
//! `Ctx::cancel_on_signals` registers the handlers; commands that never call it keep the
//! default action (the process dies by the signal, which a shell also reports as 128 + N).

use std::sync::atomic::{AtomicUsize, Ordering};

static RECEIVED: AtomicUsize = AtomicUsize::new(0);

/// The signals a long-running command turns into a clean stop.
pub const TERMINATING: [i32; 3] = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP];

/// Record `sig` in the process-wide slot when it arrives (async-signal-safe: one atomic store).
pub fn record(sig: i32) -> std::io::Result<()> {
    // SAFETY: the handler only stores into an atomic, which is async-signal-safe.
    unsafe { signal_hook::low_level::register(sig, move || RECEIVED.store(sig as usize, Ordering::SeqCst)) }.map(|_| ())
}

/// The last terminating signal received, if any.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        n => Some(n as i32),
    }
}

/// The exit code for a command that was interrupted: 128 + the signal, 130 when no signal was
/// recorded (an aborted prompt).
pub fn interrupted_exit_code() -> u8 {
    exit_code_for(received())
}

fn exit_code_for(sig: Option<i32>) -> u8 {
    match sig {
        Some(s) if (1..=127).contains(&s) => 128 + s as u8,
        _ => 130,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_convention() {
        assert_eq!(exit_code_for(Some(signal_hook::consts::SIGINT)), 130);
        assert_eq!(exit_code_for(Some(signal_hook::consts::SIGTERM)), 143);
        assert_eq!(exit_code_for(Some(signal_hook::consts::SIGHUP)), 129);
        assert_eq!(exit_code_for(None), 130);
    }
}
