//! The `frontline` binary: the command line, or the window when no command is given.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = frontline::cli::Cli::try_parse_checked(std::env::args_os())
        .unwrap_or_else(|err| err.exit());
    let no_cache = match &cli.command {
        Some(command) => command.no_cache(),
        None => cli.no_cache,
    };
    if no_cache {
        frontline::io::disable_cache();
    }
    match (&cli.command, &cli.file) {
        (Some(command), _) => frontline::cli::run(command),
        (None, Some(file)) => frontline::ui::run_app_on_file(file, cli.renderer),
        (None, None) => frontline::ui::run_app_with(None, cli.renderer),
    }
}
