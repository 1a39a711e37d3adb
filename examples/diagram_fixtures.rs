//! Writes the generated families the benchmark loads: genograms of 50 and 500 people and
//! network maps of 30 and 300 entries, and a child's house of worries with 2,000 lines drawn
//! in it, as export files in the directory given.
//! Run by `scripts/bench`: `cargo run --release --example diagram_fixtures -- DIR`.

use assessment_workbench::diagram::genogram::sample::grow_family;
use assessment_workbench::diagram::ink::{finish, sample::scribble};
use assessment_workbench::diagram::network::sample::grow_map;
use assessment_workbench::edit::child_tools::{draw, start, DrawEdit, Mark};
use assessment_workbench::exchange::export_json;
use assessment_workbench::model::child_tools::{Surface, ToolKind};
use assessment_workbench::model::drawing::Ink;
use assessment_workbench::model::{Assessment, AssessmentId, AssessmentType, Person, PersonRole};
use chrono::{DateTime, Utc};

fn blank(n: u8, now: DateTime<Utc>) -> Assessment {
    let mut a = Assessment::new(
        AssessmentId::from_random([0xbe, 0x4c, 0, 0, 0, 0, 0, n]),
        now,
        "signs-of-safety-2020",
        AssessmentType::Section17,
    );
    let mut child = Person::new(
        assessment_workbench::model::PersonId::from_random([0xc0, 0, 0, n]),
        PersonRole::SubjectChild,
    );
    child.given_name = format!("Bench{n}");
    child.family_name = "Sample".into();
    a.people.push(child);
    a
}

fn main() {
    let dir = std::env::args().nth(1).expect("an output directory");
    let now = DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    for (k, n) in [(1u8, 50usize), (2, 500)] {
        let mut a = blank(k, now);
        grow_family(&mut a, n);
        std::fs::write(
            format!("{dir}/genogram-{n}.json"),
            export_json(&a, now, "bench"),
        )
        .unwrap();
    }
    for (k, n) in [(3u8, 30usize), (4, 300)] {
        let mut a = blank(k, now);
        grow_map(&mut a, n);
        std::fs::write(
            format!("{dir}/network-{n}.json"),
            export_json(&a, now, "bench"),
        )
        .unwrap();
    }
    // A house of worries with 2,000 lines, each as a finger draws it (40 points a second).
    let mut a = blank(5, now);
    let child = a.people[0].id.clone();
    let mut n = 0u32;
    let mut random = || {
        n += 1;
        n.to_be_bytes()
    };
    let houses = start(
        &mut a,
        &child,
        ToolKind::ThreeHouses,
        now.date_naive(),
        &mut random,
    );
    for i in 0..2000u64 {
        let stroke = finish(&scribble(i, 40), Ink::ALL[i as usize % 6], 3).expect("points");
        draw(
            &mut a,
            &houses,
            &Surface::Worries,
            DrawEdit::Add(Mark::Stroke(stroke)),
        );
    }
    let bytes = serde_json::to_string(&a.child_tools[0].work).unwrap().len();
    eprintln!(
        "a Three Houses with 2000 strokes stores in {:.0} KB",
        bytes as f64 / 1024.0
    );
    std::fs::write(
        format!("{dir}/drawing-2000.json"),
        export_json(&a, now, "bench"),
    )
    .unwrap();
}
