//! Migrations of assessment documents from older schema versions to the current one.
//! Each step takes the JSON of version N and returns version N + 1; loading from storage and
//! importing a file both go through here, so old files keep opening.

use super::errors::ImportError;
use serde_json::Value;

/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A step from version `index + 1` to `index + 2`.
type Step = fn(Value) -> Result<Value, ImportError>;

/// The steps, oldest first: `STEPS[0]` migrates version 1 to 2, and so on.
const STEPS: [Step; SCHEMA_VERSION as usize - 1] = [];

/// Reads a schema version from a JSON value.
pub fn read_version(v: Option<&Value>) -> Result<u32, ImportError> {
    let v = v.ok_or(ImportError::MissingField {
        path: "schemaVersion".into(),
    })?;
    match v.as_u64() {
        Some(n) if n > u64::from(SCHEMA_VERSION) => Err(ImportError::NewerVersion {
            found: n,
            supported: SCHEMA_VERSION,
        }),
        Some(n) if n >= 1 => Ok(n as u32),
        _ => Err(ImportError::BadVersion {
            found: v.to_string(),
        }),
    }
}

/// Brings an assessment document of version `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut doc: Value, from: u32) -> Result<Value, ImportError> {
    for step in STEPS.iter().skip(from as usize - 1) {
        doc = step(doc)?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions_are_checked() {
        assert_eq!(read_version(Some(&json!(1))), Ok(1));
        assert_eq!(
            read_version(Some(&json!(2))),
            Err(ImportError::NewerVersion {
                found: 2,
                supported: 1
            })
        );
        assert!(matches!(
            read_version(Some(&json!(0))),
            Err(ImportError::BadVersion { .. })
        ));
        assert!(matches!(
            read_version(Some(&json!("1"))),
            Err(ImportError::BadVersion { .. })
        ));
        assert!(matches!(
            read_version(Some(&json!(1.5))),
            Err(ImportError::BadVersion { .. })
        ));
        assert_eq!(
            read_version(None),
            Err(ImportError::MissingField {
                path: "schemaVersion".into()
            })
        );
    }

    #[test]
    fn current_version_passes_through_unchanged() {
        let doc = json!({"id": "a-0102030405060708"});
        assert_eq!(migrate(doc.clone(), SCHEMA_VERSION).unwrap(), doc);
    }
}
