//! `frontline completions SHELL` and `frontline man`: the shell completion scripts and
//! manual pages that clap derives from the command line's own definition.

use std::path::Path;

use clap::CommandFactory as _;

use super::output::Output;
use super::{Cli, argument_error};
use crate::io::LoadError;

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "frontline", &mut script);
    Output::data(script)
}

/// The manual page of `frontline` (roff) for standard output when `out` is `None` or
/// `-`; else one page per command (`frontline.1`, `frontline-resolve.1`, ...) written
/// into the folder `out`, created if need be.
pub fn man(out: Option<&Path>) -> Result<Output, LoadError> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let Some(folder) = out.filter(|path| *path != Path::new("-")) else {
        return render(command).map(Output::data);
    };
    let cannot = |err: std::io::Error| {
        argument_error(
            "--out",
            format!("cannot write into {}: {err}", folder.display()),
        )
    };
    std::fs::create_dir_all(folder).map_err(cannot)?;
    let mut pages = Vec::new();
    collect_pages(command, &mut pages);
    let mut messages = String::new();
    for page in pages {
        let man = clap_mangen::Man::new(page.clone());
        let path = folder.join(man.get_filename());
        let roff = render(page)?;
        crate::io::write_atomically(&path, &roff).map_err(cannot)?;
        messages.push_str(&format!("wrote {}\n", path.display()));
    }
    Ok(Output::message(messages))
}

/// `command` and its visible subcommands, depth first, parents first.
fn collect_pages(command: clap::Command, pages: &mut Vec<clap::Command>) {
    let subcommands: Vec<clap::Command> = command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .cloned()
        .collect();
    pages.push(command);
    for sub in subcommands {
        collect_pages(sub, pages);
    }
}

/// One manual page as roff.
fn render(command: clap::Command) -> Result<Vec<u8>, LoadError> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut roff)
        .map_err(|err| argument_error("man", format!("cannot render the page: {err}")))?;
    Ok(roff)
}
