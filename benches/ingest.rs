//! Ingest speed: the seed article (about 1,000 words) read against the default
//! scenario. Target: under 50 ms per article.

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::ingest::{ArticleInput, ingest};
use frontline::io::default_scenario;
use frontline::model::Moment;

fn bench_ingest(c: &mut Criterion) {
    let Ok(scenario) = default_scenario() else {
        return;
    };
    let text = include_str!("../assets/documents/syria-2024-12-07.txt").to_owned();
    let Ok(published) = Moment::parse("2024-12-07T12:00:00+03:00", scenario.offset()) else {
        return;
    };
    let article = ArticleInput {
        text,
        published,
        publisher: None,
        url: None,
        title: None,
    };
    c.bench_function("ingest_seed_article_1000_words", |b| {
        b.iter(|| ingest(&scenario, &article))
    });
}

criterion_group!(benches, bench_ingest);
criterion_main!(benches);
