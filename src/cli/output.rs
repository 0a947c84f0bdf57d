//! What a command produces, and where it goes: the data to standard output, messages
//! for people ("wrote ...", warnings) to standard error. A closed standard output (a
//! reader such as `head` that stopped early) ends the program quietly with success,
//! as `ripgrep` and `fd` do.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by [`set_quiet`] (`--quiet`).
static QUIET: AtomicBool = AtomicBool::new(false);

/// Silences [`message`] for the rest of the process (`--quiet`); errors still print.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Writes a message for people ("wrote ...", a warning) to standard error, unless
/// `--quiet` was given.
pub fn message(text: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        write_stderr(text);
    }
}

/// Exit code when standard output cannot be written for a reason other than a closed
/// pipe (a full disk, say).
pub const EXIT_WRITE_FAILED: u8 = 1;

/// What a command produced.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// The data, for standard output.
    pub data: Vec<u8>,
    /// Messages for people, one per line, for standard error unless `--quiet`.
    pub messages: String,
}

impl Output {
    /// Data for standard output, without messages.
    pub fn data(data: impl Into<Vec<u8>>) -> Self {
        Self {
            data: data.into(),
            messages: String::new(),
        }
    }

    /// A message for standard error, without data.
    pub fn message(text: impl Into<String>) -> Self {
        Self {
            data: Vec::new(),
            messages: text.into(),
        }
    }
}

/// Writes `bytes` to standard output and flushes it. A closed pipe is a success: the
/// reader has what it wanted. Any other failure is reported on standard error.
pub fn write_stdout(bytes: &[u8]) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            write_stderr(&format!("cannot write to standard output: {err}\n"));
            ExitCode::from(EXIT_WRITE_FAILED)
        }
    }
}

/// Writes `text` to standard error. Failures are ignored: there is nowhere left to
/// report them, and a closed standard error must not stop the program.
pub fn write_stderr(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}
