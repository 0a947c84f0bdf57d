//! `frontline ingest ARTICLE.txt --published TIME`: reads a news article and prints
//! the draft claims it yields (a table or JSON), optionally writing them as RON.

use std::io::Read as _;
use std::path::PathBuf;

use clap::Args;

use super::{Format, argument_error, load, to_json};
use crate::ingest::{ArticleInput, Drafts, ingest};
use crate::io::LoadError;
use crate::model::{Moment, Scenario};

/// Options of `frontline ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// The article as plain text (UTF-8); `-` reads standard input.
    pub article: PathBuf,
    /// When it was published: RFC 3339, a local time or a date (the scenario's zone).
    #[arg(long)]
    pub published: String,
    /// Who published it.
    #[arg(long)]
    pub publisher: Option<String>,
    /// Where it was published.
    #[arg(long)]
    pub url: Option<String>,
    /// Its headline.
    #[arg(long)]
    pub title: Option<String>,
    /// The scenario to match places, sides and sources against (default: the embedded one).
    #[arg(long, value_name = "SCENARIO")]
    pub into: Option<PathBuf>,
    /// Write the drafts as RON to this file (whole or not at all).
    #[arg(long, value_name = "DRAFT.ron")]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Runs `frontline ingest`.
pub fn run(args: &IngestArgs) -> Result<String, LoadError> {
    let scenario = load(args.into.as_deref())?;
    let text = read_article(&args.article)?;
    let published = Moment::parse(&args.published, scenario.offset())
        .map_err(|message| argument_error("--published", message))?;
    let article = ArticleInput {
        text,
        published,
        publisher: args.publisher.clone(),
        url: args.url.clone(),
        title: args.title.clone(),
    };
    let drafts = ingest(&scenario, &article);
    if let Some(out) = &args.out {
        let ron = ron::ser::to_string_pretty(&drafts, ron::ser::PrettyConfig::default()).map_err(
            |err| argument_error("--out", format!("cannot write the drafts as RON: {err}")),
        )?;
        crate::io::write_atomically(out, ron.as_bytes()).map_err(|err| {
            argument_error("--out", format!("cannot write {}: {err}", out.display()))
        })?;
    }
    Ok(match args.format {
        Format::Json => to_json(&drafts),
        Format::Table => table(&scenario, &drafts),
    })
}

fn read_article(path: &std::path::Path) -> Result<String, LoadError> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|read| text = read)
    };
    read.map_err(|err| {
        argument_error("ARTICLE", format!("cannot read {}: {err}", path.display()))
    })?;
    Ok(text)
}

/// One line per draft: id, subject, assertion, actor, originators ← via, when,
/// confidence, quote excerpt.
fn table(scenario: &Scenario, drafts: &Drafts) -> String {
    let mut out = format!(
        "document {} ({}), {} drafts, {} new sources, {} new places\n",
        drafts.document.id,
        drafts.document.published,
        drafts.drafts.len(),
        drafts.new_sources.len(),
        drafts.new_places.len()
    );
    out.push_str(&format!(
        "{:<34} {:<22} {:<22} {:<10} {:<34} {:<22} {:>5}  quote\n",
        "id", "subject", "assertion", "actor", "originators <- via", "when", "conf"
    ));
    for draft in &drafts.drafts {
        let claim = &draft.claim;
        let mut said = claim.originators.join("+");
        if !claim.via.is_empty() {
            said = format!("{said} <- {}", claim.via.join("+"));
        }
        let subject = match &claim.subject {
            crate::model::Subject::Place(id) if scenario.place_index(id).is_none() => {
                format!("{id} (new)")
            }
            subject => subject.id().to_owned(),
        };
        let quote: String = claim
            .quote
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        out.push_str(&format!(
            "{:<34} {:<22} {:<22} {:<10} {:<34} {:<22} {:>5.2}  {quote}\n",
            claim.id,
            subject,
            claim.assertion.label(),
            claim.actor.as_deref().unwrap_or("-"),
            said,
            format!("{} {:?}", claim.when.at, claim.when.precision).to_lowercase(),
            draft.confidence
        ));
    }
    for source in &drafts.new_sources {
        out.push_str(&format!(
            "new source {}: {:?} ({})\n",
            source.id,
            source.name,
            source.kind.as_str()
        ));
    }
    for place in &drafts.new_places {
        out.push_str(&format!(
            "new place {}: {:?} ({:?}, in {})\n",
            place.id, place.name, place.kind, place.governorate
        ));
    }
    out
}
