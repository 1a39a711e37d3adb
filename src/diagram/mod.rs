//! Diagrams drawn with families: the genogram and the family network map. Both are plain data
//! inside the assessment, changed only by commands that compile to reversible [`ops`], so
//! undo/redo is exact and every edit is tested natively. Drawing is a pure function of the
//! document to SVG text ([`svg`]); the browser only shows that text and turns pointer and key
//! events into commands.

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

pub mod genogram;
pub mod history;
pub mod network;
pub mod ops;
pub mod svg;

use std::fmt;

/// Why a command could not be applied; the document is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Shorthand for a refused command.
pub(crate) fn refuse<T>(reason: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(reason.into()))
}
