//! The pure domain model: assessments, the people register and section progress.
//! No browser types live here; everything is tested natively with `cargo test`.

pub mod answers;
pub mod assessment;
pub mod chronology;
pub mod ids;
pub mod person;
pub mod progress;
pub mod scale_chart;
pub mod scale_edits;
pub mod scales;

pub use answers::{answer_key, Answer};
pub use assessment::{Assessment, AssessmentType};
pub use chronology::ChronologyEntry;
pub use ids::{AssessmentId, ItemId, PersonId};
pub use person::{Gender, Life, Person, PersonRole};
pub use scales::{Marker, Rater, Scale, ScaleKind, ScaleValue, Step};
