//! The process's exit codes that both the command line and the window's launcher give.

/// Bad input (files, times, ids): nothing was done.
pub const BAD_INPUT: u8 = 2;
