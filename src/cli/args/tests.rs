use clap::Parser as _;

use super::*;
use crate::ui::Renderer;

#[test]
fn renderer_is_a_top_level_option() {
    let parse = |args: &[&str]| Cli::try_parse_from(args).map(|cli| cli.renderer);
    assert_eq!(parse(&["frontline"]).ok(), Some(None));
    assert_eq!(
        parse(&["frontline", "--renderer", "glow"]).ok(),
        Some(Some(Renderer::Glow))
    );
    assert_eq!(
        parse(&["frontline", "--renderer", "wgpu"]).ok(),
        Some(Some(Renderer::Wgpu))
    );
    // `open SNAPSHOT` opens the window too, so it takes one.
    let cli = Cli::try_parse_from(["frontline", "open", "s.ron", "--renderer", "wgpu"]);
    assert!(matches!(
        cli,
        Ok(Cli {
            renderer: None,
            command: Some(Command::Open {
                renderer: Some(Renderer::Wgpu),
                ..
            }),
            ..
        })
    ));
    let err = parse(&["frontline", "--renderer", "vulkan"]).err();
    assert!(err.is_some_and(|e| e.to_string().contains("glow")));
}

#[test]
fn a_file_without_a_command_is_for_the_window() {
    let Ok(cli) = Cli::try_parse_from(["frontline", "s.ron"]) else {
        panic!("frontline FILE parses");
    };
    assert!(cli.command.is_none());
    assert_eq!(cli.file.as_deref(), Some(std::path::Path::new("s.ron")));
    let Ok(cli) = Cli::try_parse_from(["frontline", "check", "s.ron"]) else {
        panic!("frontline check FILE parses");
    };
    assert!(cli.file.is_none());
    assert!(matches!(cli.command, Some(Command::Check { .. })));
    assert!(Cli::try_parse_from(["frontline"]).is_ok_and(|cli| cli.file.is_none()));
}

#[test]
fn flags_appear_only_where_they_act() {
    let parses = |args: &[&str]| Cli::try_parse_checked(args).is_ok();
    // The window's flags are not the commands'.
    assert!(!parses(&["frontline", "check", "--renderer", "glow"]));
    assert!(!parses(&["frontline", "--renderer", "glow", "check"]));
    assert!(!parses(&["frontline", "--no-cache", "check"]));
    assert!(!parses(&[
        "frontline",
        "open",
        "s.ron",
        "--print",
        "--renderer",
        "glow"
    ]));
    // --no-cache where scenarios are loaded, not where none is.
    assert!(parses(&["frontline", "--no-cache"]));
    assert!(parses(&["frontline", "check", "--no-cache"]));
    assert!(parses(&[
        "frontline",
        "resolve",
        "--at",
        "2024-12-07",
        "--no-cache"
    ]));
    assert!(parses(&["frontline", "open", "s.ron", "--no-cache"]));
    assert!(!parses(&["frontline", "completions", "bash", "--no-cache"]));
    // --quiet where there are messages.
    assert!(parses(&[
        "frontline",
        "export",
        "--at",
        "2024-12-07",
        "--out",
        "a.png",
        "-q"
    ]));
    assert!(!parses(&[
        "frontline",
        "resolve",
        "--at",
        "2024-12-07",
        "-q"
    ]));
}

#[test]
fn export_format_is_optional() {
    let cli = Cli::try_parse_from([
        "frontline",
        "export",
        "--at",
        "2024-12-07",
        "--out",
        "a.svg",
    ]);
    assert!(matches!(
        cli,
        Ok(Cli {
            command: Some(Command::Export(ExportArgs { format: None, .. })),
            ..
        })
    ));
}
