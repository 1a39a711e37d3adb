//! What drawing a network map of 300 entries costs in the pure core (the layout of words and
//! lines, the SVG): a look behind `scripts/bench`'s first-draw figure.
//! `cargo run --release --example network_cost`.

use assessment_workbench::diagram::network::render::{self, View};
use assessment_workbench::diagram::network::sample::grow_map;
use assessment_workbench::model::{Assessment, AssessmentId, AssessmentType};
use chrono::{DateTime, Utc};
use std::time::Instant;

fn main() {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z")
        .unwrap()
        .to_utc();
    for n in [30usize, 300] {
        let mut a = Assessment::new(
            AssessmentId::from_random([4; 8]),
            now,
            "signs-of-safety-2020",
            AssessmentType::Section17,
        );
        grow_map(&mut a, n);
        let view = View {
            selected: None,
            dragging: None,
            interactive: true,
            safety_only: false,
            map: None,
        };
        let t = Instant::now();
        let svg = render::body(&a, &view);
        println!(
            "{n} entries: {:.1} ms, {} KB of SVG",
            t.elapsed().as_secs_f64() * 1000.0,
            svg.len() / 1024
        );
    }
}
