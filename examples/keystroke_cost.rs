//! What one keystroke in an answer costs in the pure core, on the demonstration case and on a
//! generated family of 500 (the clone, the rules, the patch): a look behind `scripts/bench`'s
//! typing figures. `cargo run --release --example keystroke_cost`.

use assessment_workbench::model::validity;
use assessment_workbench::model::{Answer, Assessment, AssessmentId, AssessmentType};
use assessment_workbench::workspace::{patch::Patch, Change, Workspace};
use chrono::{DateTime, Utc};
use std::time::Instant;

fn time(label: &str, n: u32, mut f: impl FnMut()) {
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    println!(
        "{label:<40} {:>8.3} ms",
        t.elapsed().as_secs_f64() * 1000.0 / f64::from(n)
    );
}

fn main() {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z")
        .unwrap()
        .to_utc();
    let demo = assessment_workbench::demo::training_case(
        AssessmentId::from_random([7; 8]),
        now,
        now.date_naive(),
    );
    let mut family = Assessment::new(
        AssessmentId::from_random([2; 8]),
        now,
        "signs-of-safety-2020",
        AssessmentType::Section17,
    );
    assessment_workbench::diagram::genogram::sample::grow_family(&mut family, 500);
    for (name, a) in [("demonstration case", demo), ("500-person family", family)] {
        println!(
            "{name}: {} people, {} KB as JSON",
            a.people.len(),
            serde_json::to_string(&a).unwrap().len() / 1024
        );
        time("  clone", 200, || drop(a.clone()));
        time("  validity::check", 200, || drop(validity::check(&a)));
        let mut b = a.clone();
        b.answers.insert("q".into(), Answer::Text("x".into()));
        time("  Patch::between (one answer)", 200, || {
            drop(Patch::between(a.clone(), &b))
        });
        let mut w = Workspace::new(a.clone());
        let mut i = 0;
        time("  Workspace::apply (typing)", 200, || {
            i += 1;
            let _ = w.apply(Change::answering("t", "q"), now, |d| {
                d.answers
                    .insert("q".into(), Answer::Text("x".repeat(i % 50)));
            });
        });
    }
}
