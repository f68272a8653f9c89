#![allow(clippy::expect_used, clippy::unwrap_used)]
//! Accuracy on the development corpus (`data/corpus/`: 22 real UN texts, 154 hand-annotated
//! mandates), scored the way `gold.rs` scores the seed: mandates matched on (resolution label,
//! paragraph, addressee) as a multiset. A deadline counts as right when every deadline field of
//! the gold mandate (target session, due date, days, working days, recurrence) is right.
//!
//! `cargo test -p app --test corpus -- --nocapture` prints the per-text table
//! (docs/extractor.md keeps a copy) and how many matched mandates have each other field right;
//! `CORPUS_FIELDS=1` lists the fields that differ.

use std::path::PathBuf;

use app::domain::Due;
use app::extract::{Extraction, extract};
use serde_json::Value;

/// What the engine reaches now: a change that scores lower fails here.
const FLOOR_PRECISION: f64 = 0.99;
const FLOOR_RECALL: f64 = 0.99;
const FLOOR_F1: f64 = 0.99;
const FLOOR_DEADLINES_RIGHT: usize = 40;

/// The fields that make a deadline; a gold mandate with any of them set has one.
const DEADLINE_FIELDS: [&str; 5] = [
    "target_session",
    "due_date",
    "due_within_days",
    "due_within_working_days",
    "recurrence",
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data/corpus")
}

fn s(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(x)) => x.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// A field as compared: absent and null are the same.
fn field(v: &Value, k: &str) -> Value {
    v.get(k).cloned().unwrap_or(Value::Null)
}

fn has_deadline(m: &Value) -> bool {
    DEADLINE_FIELDS.iter().any(|f| !field(m, f).is_null())
}

/// The extracted mandates as gold-shaped JSON, each with its resolution label, and with the
/// due date a delay in months gives from the adoption date (the corpus's convention; delays in
/// days stay delays).
fn extracted(x: &Extraction, adopted: &str) -> Vec<(String, Value)> {
    let adopted_on = chrono::NaiveDate::parse_from_str(adopted, "%Y-%m-%d").ok();
    let mut out = Vec::new();
    for r in &x.resolutions {
        for m in &r.mandates {
            let mut v = serde_json::to_value(m).expect("serializes");
            if m.due.due_within_months.is_some()
                && let Some(date) = Due::of_extracted(&m.due).and_then(|d| d.date(adopted_on))
            {
                v["due_date"] = Value::String(date.to_string());
            }
            out.push((r.label.clone(), v));
        }
    }
    out
}

/// The other fields compared on matched mandates (printed, not asserted).
const FIELDS: [&str; 8] = [
    "verb",
    "action",
    "is_reporting",
    "target_body",
    "target_session_label",
    "via_body",
    "recurrence",
    "quote",
];

/// Figures for one text, or for all of them.
#[derive(Default, Clone, Copy)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    deadlines: usize,
    deadlines_right: usize,
    fields_right: [usize; FIELDS.len()],
}

impl Score {
    fn add(&mut self, o: Score) {
        self.gold += o.gold;
        self.found += o.found;
        self.matched += o.matched;
        self.deadlines += o.deadlines;
        self.deadlines_right += o.deadlines_right;
        for (a, b) in self.fields_right.iter_mut().zip(o.fields_right) {
            *a += b;
        }
    }
    fn precision(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn agreement(g: &Value, x: &Value) -> usize {
    let deadline = DEADLINE_FIELDS
        .iter()
        .filter(|f| field(g, f) == field(x, f))
        .count();
    let other = ["action", "is_reporting", "target_body", "quote"]
        .iter()
        .filter(|f| field(g, f) == field(x, f))
        .count();
    deadline * 2 + other
}

/// Scores one document and collects what went wrong, for the printout.
fn score_doc(doc: &Value, notes: &mut Vec<String>) -> Score {
    let file = s(doc, "text_file");
    let text = std::fs::read_to_string(dir().join(&file)).expect("corpus text readable");
    let adopted = s(doc, "date_adopted");
    let dump = std::env::var("CORPUS_DUMP")
        .is_ok_and(|d| !d.is_empty() && file.contains(&format!("/{d}-")));
    let mut found: Vec<(String, Value, bool)> = match extract(&text) {
        Ok(x) if dump => {
            // `CORPUS_DUMP=18 cargo test ... -- --nocapture`: what the engine reads in text 18
            for r in &x.resolutions {
                for p in &r.paragraphs {
                    println!("{} ¶{:?} {:?}: {}", r.label, p.number, p.kind, p.text);
                }
                for m in &r.mandates {
                    println!("{}", serde_json::to_string(m).unwrap_or_default());
                }
            }
            extracted(&x, &adopted)
                .into_iter()
                .map(|(l, m)| (l, m, false))
                .collect()
        }
        Ok(x) => extracted(&x, &adopted)
            .into_iter()
            .map(|(l, m)| (l, m, false))
            .collect(),
        Err(e) => {
            notes.push(format!("{file}: {e}"));
            Vec::new()
        }
    };
    let mut score = Score {
        found: found.len(),
        ..Score::default()
    };
    let empty = Vec::new();
    for r in doc["resolutions"].as_array().unwrap_or(&empty) {
        let label = s(r, "label");
        for g in r["mandates"].as_array().unwrap_or(&empty) {
            score.gold += 1;
            let dated = has_deadline(g);
            score.deadlines += usize::from(dated);
            let key = (s(g, "paragraph"), s(g, "addressee"));
            let best = found
                .iter()
                .enumerate()
                .filter(|(_, (l, m, used))| {
                    !used && *l == label && (s(m, "paragraph"), s(m, "addressee")) == key
                })
                .max_by_key(|(_, (_, m, _))| agreement(g, m))
                .map(|(i, _)| i);
            let Some(i) = best else {
                notes.push(format!(
                    "{file} MISS  {label} ¶{} {} | {}",
                    key.0,
                    key.1,
                    s(g, "quote")
                ));
                continue;
            };
            found[i].2 = true;
            score.matched += 1;
            let x = &found[i].1;
            for (k, f) in FIELDS.iter().enumerate() {
                if field(g, f) == field(x, f) {
                    score.fields_right[k] += 1;
                } else if std::env::var("CORPUS_FIELDS").is_ok() {
                    notes.push(format!(
                        "{file} FIELD {label} ¶{} {f}: gold={} got={}",
                        key.0,
                        field(g, f),
                        field(x, f)
                    ));
                }
            }
            if dated {
                let wrong: Vec<String> = DEADLINE_FIELDS
                    .iter()
                    .filter(|f| field(g, f) != field(x, f))
                    .map(|f| format!("{f} gold={} got={}", field(g, f), field(x, f)))
                    .collect();
                if wrong.is_empty() {
                    score.deadlines_right += 1;
                } else {
                    notes.push(format!(
                        "{file} DATE  {label} ¶{} {}: {}",
                        key.0,
                        key.1,
                        wrong.join(", ")
                    ));
                }
            }
        }
    }
    for (l, m, _) in found.iter().filter(|e| !e.2) {
        notes.push(format!(
            "{file} EXTRA {l} ¶{} {} | {}",
            s(m, "paragraph"),
            s(m, "addressee"),
            s(m, "quote")
        ));
    }
    score
}

#[test]
fn corpus_scores() {
    let raw = std::fs::read_to_string(dir().join("corpus.json")).expect("corpus.json readable");
    let docs: Value = serde_json::from_str(&raw).expect("corpus.json is JSON");
    let docs = docs.as_array().expect("a list of documents");
    let mut total = Score::default();
    let mut notes = Vec::new();
    println!("| text | gold | found | matched | P | R | F1 | deadlines right |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for doc in docs {
        let sc = score_doc(doc, &mut notes);
        total.add(sc);
        let name = s(doc, "text_file");
        let name = name.trim_start_matches("texts/").trim_end_matches(".txt");
        println!(
            "| {name} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {}/{} |",
            sc.gold,
            sc.found,
            sc.matched,
            sc.precision(),
            sc.recall(),
            sc.f1(),
            sc.deadlines_right,
            sc.deadlines
        );
    }
    println!(
        "| **all** | {} | {} | {} | {:.3} | {:.3} | {:.3} | {}/{} |",
        total.gold,
        total.found,
        total.matched,
        total.precision(),
        total.recall(),
        total.f1(),
        total.deadlines_right,
        total.deadlines
    );
    for (f, right) in FIELDS.iter().zip(total.fields_right) {
        println!("  field {f:<22} {right}/{}", total.matched);
    }
    for n in &notes {
        println!("  {n}");
    }
    assert_eq!(total.gold, 154, "the corpus has 154 mandates");
    assert!(total.precision() >= FLOOR_PRECISION, "precision fell");
    assert!(total.recall() >= FLOOR_RECALL, "recall fell");
    assert!(total.f1() >= FLOOR_F1, "F1 fell");
    assert!(
        total.deadlines_right >= FLOOR_DEADLINES_RIGHT,
        "fewer deadlines right"
    );
}
