//! The pure domain model: assessments, the people register and section progress.
//! No browser types live here; everything is tested natively with `cargo test`.

/// Declares a plain enum with serde camelCase codes, labels and `ALL`.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in the order they are offered.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Plain-English label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// The value used in forms and files.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The value for a form code.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

pub mod answers;
pub mod assessment;
pub mod case_record;
pub mod child_tools;
pub mod chronology;
pub mod dates;
pub mod drawing;
pub mod family_group;
pub mod genogram;
pub mod ids;
pub mod marks;
pub mod network;
pub mod parts;
pub mod person;
pub mod planning;
pub mod progress;
pub mod repair;
mod repair_child_tools;
mod repair_planning;
pub mod safety_plan;
pub mod scale_edits;
pub mod scales;
pub mod validity;

pub use answers::{answer_key, Answer};
pub use assessment::{Assessment, AssessmentType, LeadRole};
pub use chronology::ChronologyEntry;
pub use ids::{AssessmentId, ItemId, PersonId};
pub use person::{Gender, Life, Person, PersonRole};
pub use scales::{Marker, Rater, Scale, ScaleKind, ScaleValue, Step};
