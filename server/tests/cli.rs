#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The `mandate-tracker` binary as a user runs it: `extract` needs no database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mandate-tracker");

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/E-2019-30.txt")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap()
}

fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mt-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn extract_prints_json_with_the_gold_keys() {
    let out = run(&["extract", seed().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let resolutions = json["resolutions"].as_array().unwrap();
    assert_eq!(resolutions.len(), 14);
    let mandates: Vec<&serde_json::Value> = resolutions
        .iter()
        .flat_map(|r| r["mandates"].as_array().unwrap())
        .collect();
    assert_eq!(mandates.len(), 63);
    let mut keys: Vec<&str> = mandates[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "action",
            "addressee",
            "is_reporting",
            "paragraph",
            "quote",
            "recurrence",
            "target_body",
            "target_session",
            "target_session_label",
            "verb",
            "via_body"
        ]
    );
    let mut resolution_keys: Vec<&str> = resolutions[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    resolution_keys.sort_unstable();
    assert_eq!(
        resolution_keys,
        ["adopting_body", "label", "mandates", "title"]
    );
}

#[test]
fn extract_prints_a_table_for_people() {
    let out = run(&["extract", seed().to_str().unwrap(), "--format", "table"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("A. Draft resolution I — Integrating sport"),
        "{text}"
    );
    assert!(
        text.ends_with("14 resolutions and decisions, 63 mandates, 15 reporting obligations\n")
    );
}

#[test]
fn extract_refuses_bad_input_with_a_clear_error_and_a_failure_code() {
    let binary = scratch_file("binary.txt", b"The General Assembly,\n\n1. Requests \xff");
    let empty = scratch_file("letter.txt", b"Dear colleagues,\n\nThank you.\n");
    let huge = scratch_file("huge.txt", b"");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(app::extract::MAX_INPUT_BYTES as u64 + 1)
        .unwrap();
    let cases = [
        (binary, "not UTF-8"),
        (empty, "no resolution"),
        (huge, "the limit is"),
        (PathBuf::from("/nonexistent/file.txt"), "cannot read"),
    ];
    for (path, expected) in cases {
        let out = run(&["extract", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(expected), "{}: {stderr}", path.display());
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn commands_that_need_a_database_say_how_to_get_one() {
    let out = run(&["migrate"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("DATABASE_URL"), "{stderr}");
}
