#![allow(clippy::expect_used)]
//! Accuracy on the seed document (E/2019/30) against the hand-made gold annotation.
//!
//! Run with `cargo test --test gold -- --nocapture` to see the figures.

use app::extract::extract;
use serde_json::Value;

const SEED: &str = include_str!("../../data/E-2019-30.txt");

/// The hand annotation of the seed (a copy of the project's fixture, kept in the repository so
/// the test needs nothing outside it).
const GOLD: &str = include_str!("fixtures/seed-gold.json");

/// A test helper, so clippy's test allowance does not reach it; a broken fixture must fail loudly.
#[allow(clippy::expect_used)]
fn gold() -> Value {
    serde_json::from_str(GOLD).expect("the gold annotation is JSON")
}

const FIELDS: [&str; 9] = [
    "verb",
    "action",
    "is_reporting",
    "target_body",
    "target_session",
    "target_session_label",
    "via_body",
    "recurrence",
    "quote",
];

fn s(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(x)) => x.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn key(label: &str, m: &Value) -> (String, String, String) {
    (label.to_string(), s(m, "paragraph"), s(m, "addressee"))
}

fn agreement(a: &Value, b: &Value) -> usize {
    FIELDS.iter().filter(|f| a.get(**f) == b.get(**f)).count()
}

#[test]
fn seed_matches_gold() {
    let gold = gold();
    let got = extract(SEED).expect("seed extracts");
    let got = serde_json::to_value(got.gold_view()).expect("serializes");
    let empty = Vec::new();
    let gres = gold["resolutions"].as_array().unwrap_or(&empty);
    let xres = got["resolutions"].as_array().unwrap_or(&empty);

    // resolutions: labels, titles, adopting bodies
    let mut res_errors = Vec::new();
    for g in gres {
        let label = s(g, "label");
        match xres.iter().find(|x| s(x, "label") == label) {
            None => res_errors.push(format!("missing resolution {label}")),
            Some(x) => {
                for f in ["title", "adopting_body"] {
                    if g.get(f) != x.get(f) {
                        res_errors.push(format!("{label}: {f} gold={} got={}", g[f], x[f]));
                    }
                }
            }
        }
    }
    println!("resolutions: gold {} extracted {}", gres.len(), xres.len());
    for e in &res_errors {
        println!("  RESOLUTION MISMATCH {e}");
    }

    // mandates: multiset matching on (label, paragraph, addressee)
    let mut extracted: Vec<(String, Value, bool)> = Vec::new();
    for x in xres {
        for m in x["mandates"].as_array().unwrap_or(&empty) {
            extracted.push((s(x, "label"), m.clone(), false));
        }
    }
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    let mut misses = Vec::new();
    let mut n_gold = 0usize;
    for g in gres {
        let label = s(g, "label");
        for gm in g["mandates"].as_array().unwrap_or(&empty) {
            n_gold += 1;
            let k = key(&label, gm);
            let best = extracted
                .iter()
                .enumerate()
                .filter(|(_, (l, m, used))| !used && key(l, m) == k)
                .max_by_key(|(_, (_, m, _))| agreement(gm, m))
                .map(|(i, _)| i);
            match best {
                Some(i) => {
                    if let Some(e) = extracted.get_mut(i) {
                        e.2 = true;
                        pairs.push((gm.clone(), e.1.clone()));
                    }
                }
                None => misses.push(format!(
                    "{label} ¶{} {} | {}",
                    s(gm, "paragraph"),
                    s(gm, "addressee"),
                    s(gm, "quote")
                )),
            }
        }
    }
    let extras: Vec<String> = extracted
        .iter()
        .filter(|e| !e.2)
        .map(|(l, m, _)| {
            format!(
                "{l} ¶{} {} | {}",
                s(m, "paragraph"),
                s(m, "addressee"),
                s(m, "quote")
            )
        })
        .collect();
    let tp = pairs.len() as f64;
    let precision = tp / extracted.len().max(1) as f64;
    let recall = tp / n_gold.max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    println!(
        "mandates: gold {n_gold}, extracted {}, matched {}, precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}",
        extracted.len(),
        pairs.len()
    );
    for f in FIELDS {
        let ok = pairs.iter().filter(|(g, x)| g.get(f) == x.get(f)).count();
        println!("  field {f:<22} {ok}/{}", pairs.len());
        for (g, x) in pairs.iter().filter(|(g, x)| g.get(f) != x.get(f)) {
            println!(
                "      ¶{} {}: gold={} got={}",
                s(g, "paragraph"),
                s(g, "addressee"),
                g[f],
                x[f]
            );
        }
    }
    for m in &misses {
        println!("  MISS  {m}");
    }
    for e in &extras {
        println!("  EXTRA {e}");
    }

    // every reporting mandate with the right target, session, route and rhythm
    let rep: Vec<&(Value, Value)> = pairs
        .iter()
        .filter(|(g, _)| g["is_reporting"] == Value::Bool(true))
        .collect();
    let rep_ok = rep
        .iter()
        .filter(|(g, x)| {
            [
                "is_reporting",
                "target_body",
                "target_session",
                "via_body",
                "recurrence",
            ]
            .iter()
            .all(|f| g.get(*f) == x.get(*f))
        })
        .count();
    let gold_rep = gres
        .iter()
        .flat_map(|g| g["mandates"].as_array().cloned().unwrap_or_default())
        .filter(|m| m["is_reporting"] == Value::Bool(true))
        .count();
    println!(
        "reporting mandates: gold {gold_rep}, matched {}, fully right {rep_ok}",
        rep.len()
    );

    assert!(
        res_errors.is_empty(),
        "resolution mismatches: {res_errors:?}"
    );
    assert_eq!(gres.len(), xres.len(), "number of resolutions");
    assert!(misses.is_empty(), "missed gold mandates: {misses:#?}");
    assert!(extras.len() <= 3, "too many extra mandates: {extras:#?}");
    assert!(f1 >= 0.95, "F1 {f1:.3} below 0.95");
    assert_eq!(
        rep_ok, gold_rep,
        "reporting mandates with wrong target/session/via/recurrence"
    );
}
