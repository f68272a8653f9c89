//! Extractor throughput on the seed report repeated 100 times (about 21.6 MB), against a
//! baseline of one regex pass over the same bytes. Figures go to docs/benchmarks.md.
//!
//! cargo bench -p app --bench extract

use app::extract::extract;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regex::Regex;
use std::hint::black_box;

const SEED: &str = include_str!("../../data/E-2019-30.txt");

fn corpus() -> String {
    SEED.repeat(100)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("seed_x100");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("extract", |b| {
        b.iter(|| {
            let found = extract(black_box(&text)).map(|e| e.resolutions.len());
            black_box(found)
        })
    });
    // Baseline: a single pass of one regex that finds numbered operative paragraphs starting
    // with a capitalised verb, i.e. the least work any extractor must do.
    let baseline =
        Regex::new(r"(?m)^\s*(?:- )?\d+\.\s+\*?[A-Z][a-z]+").unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("baseline_one_regex_pass", |b| {
        b.iter(|| black_box(baseline.find_iter(black_box(&text)).count()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
