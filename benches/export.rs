//! PNG export at 1920x1080 (`frontline export --format png --size 1920x1080`, minus
//! process start and loading): the default scenario and the large one (1M claims over
//! 20k real places).

use criterion::{Criterion, criterion_group, criterion_main};
use frontline::control::Engine;
use frontline::export::{ExportFormat, ExportJob, run_job};
use frontline::synthetic::benchmark_scenario;
use frontline::viewpoint::Viewpoint;

fn export(c: &mut Criterion) {
    let large = benchmark_scenario(1_000_000).unwrap_or_else(|message| panic!("{message}"));
    let default = frontline::io::default_scenario().unwrap_or_else(|err| panic!("{err}"));
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let mut group = c.benchmark_group("export_png_1920x1080");
    group.sample_size(10);
    for (name, scenario) in [("default", default), ("large_1m", large)] {
        let engine = Engine::new(scenario);
        let range = engine
            .moment_range()
            .unwrap_or_else(|| panic!("{name} has no claims"));
        let at = frontline::model::Moment::from_unix_secs(
            (range.first_claim.unix_secs() + range.last.unix_secs()) / 2,
        );
        let job = ExportJob {
            scenario_file: None,
            viewpoint: Viewpoint::at(at),
            timelapse: None,
            format: ExportFormat::Png,
            out: dir.path().join(format!("{name}.png")),
            size: (1920, 1080),
            since: None,
        };
        group.bench_function(name, |b| {
            b.iter(|| run_job(&engine, &job).unwrap_or_else(|err| panic!("{err}")));
        });
    }
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
