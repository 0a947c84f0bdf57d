//! The article as a document of the scenario: an id from the publisher (or title) and
//! the local publication date, a title, and a suggested text file name.

use super::{ArticleInput, slug};
use crate::model::{Document, Scenario};

/// The document `article` becomes in `scenario` (its id unique among the scenario's).
pub fn document_for(scenario: &Scenario, article: &ArticleInput) -> Document {
    let offset = scenario.offset();
    let date = article.published.local_date(offset).to_string();
    let first_line = article
        .text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("");
    let headline = (first_line.chars().count() <= 120 && !first_line.ends_with(['.', '”', '"']))
        .then_some(first_line);
    let title = article
        .title
        .clone()
        .or_else(|| headline.filter(|h| !h.is_empty()).map(str::to_owned))
        .unwrap_or_else(|| format!("Untitled article, {date}"));
    let named_by = article
        .publisher
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .or(article.title.as_deref())
        .or(headline)
        .unwrap_or("article");
    let stem: String = slug(named_by)
        .split('-')
        .take(4)
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() {
        "article".to_owned()
    } else {
        stem
    };
    let base = format!("{stem}-{date}");
    let mut id = base.clone();
    let mut n = 2;
    while scenario.documents.iter().any(|d| d.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    Document {
        text_file: format!("../documents/{id}.txt"),
        id,
        title,
        publisher: article
            .publisher
            .clone()
            .unwrap_or_else(|| "Not given".to_owned()),
        published: article.published.to_rfc3339(offset),
        url: article.url.clone(),
        text: article.text.clone(),
    }
}
