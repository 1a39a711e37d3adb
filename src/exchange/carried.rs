//! The procedure profile an export carries. Every copy of the app has the built-in profiles, so
//! an assessment names those by id, version and hash; one that follows a profile a council
//! loaded carries it whole (`procedureProfile`), so it opens on a device that does not have it
//! once the worker agrees to add it there.

use super::ImportError;
use crate::model::Assessment;
use crate::procedure::{identity, parse_profile, registry, Profile};
use serde_json::Value;

/// What an import asks of the device: the content hash of its copy of version `version` of
/// profile `id` (empty when the hash is not to be compared), or `None` when it has no copy.
pub trait ProfileLookup: Fn(&str, u32) -> Option<String> {}
impl<F: Fn(&str, u32) -> Option<String>> ProfileLookup for F {}

/// A lookup that knows every profile, for tests of everything else about a file.
pub fn any_profile(_: &str, _: u32) -> Option<String> {
    Some(String::new())
}

/// A profile read from a file, checked as a loaded one is, with its canonical text to store.
#[derive(Clone, Debug, PartialEq)]
pub struct CarriedProfile {
    pub profile: Profile,
    pub canonical: String,
}

/// The `procedureProfile` an export of `a` carries: its profile, when that is a loaded one.
pub(crate) fn carried_value(a: &Assessment) -> Option<Value> {
    let text = registry::canonical_text(&a.profile, a.profile_version)?;
    serde_json::from_str(text).ok()
}

/// Reads a file's `procedureProfile`, checking it completely.
pub(crate) fn read(value: Option<&Value>) -> Result<Option<CarriedProfile>, ImportError> {
    let Some(value) = value else {
        return Ok(None);
    };
    if !value.is_object() {
        return Err(ImportError::CarriedProfile {
            reason: "it is not a profile (expected an object).".into(),
        });
    }
    let canonical = identity::canonical_value(value);
    let profile = parse_profile(&canonical).map_err(|e| ImportError::CarriedProfile {
        reason: e.to_string(),
    })?;
    Ok(Some(CarriedProfile { profile, canonical }))
}

/// `lookup`, also knowing the carried profile.
pub(crate) fn with_carried<'a>(
    lookup: &'a impl ProfileLookup,
    carried: Option<&'a CarriedProfile>,
) -> impl ProfileLookup + 'a {
    move |id: &str, version: u32| {
        lookup(id, version).or_else(|| {
            carried
                .filter(|c| c.profile.id == id && c.profile.version == version)
                .map(|c| c.profile.hash.clone())
        })
    }
}

/// The profile `a` follows must be on the device (or carried), with the content it was written
/// under when both hashes are known.
pub(crate) fn check_profile(
    a: &Assessment,
    lookup: &impl ProfileLookup,
) -> Result<(), ImportError> {
    match lookup(&a.profile, a.profile_version) {
        None => Err(ImportError::UnknownProfile {
            id: a.profile.clone(),
            version: a.profile_version,
        }),
        // A built-in profile is the app's own: a later copy of the app may correct its words
        // without making older files unreadable, so only loaded profiles are held to the hash.
        Some(hash)
            if !hash.is_empty()
                && !a.profile_hash.is_empty()
                && hash != a.profile_hash
                && !crate::procedure::built_in()
                    .iter()
                    .any(|p| p.id == a.profile) =>
        {
            Err(ImportError::ProfileDiffers {
                id: a.profile.clone(),
                version: a.profile_version,
            })
        }
        Some(_) => Ok(()),
    }
}

/// A carried profile that is not the version the assessment follows is the file's fault:
/// said as that, rather than as a profile the device lacks.
pub(crate) fn not_the_one_followed(
    e: ImportError,
    carried: Option<&CarriedProfile>,
) -> ImportError {
    match (e, carried) {
        (ImportError::UnknownProfile { id, version }, Some(c)) => {
            mismatch(&c.profile, &id, version)
        }
        (e, _) => e,
    }
}

fn mismatch(carried: &Profile, id: &str, version: u32) -> ImportError {
    ImportError::CarriedProfile {
        reason: format!(
            "it is version {} of \"{}\", but the assessment follows version {version} of \"{id}\".",
            carried.version, carried.id
        ),
    }
}

/// The carried profile to add, when the device does not have the version `a` follows; a
/// carried profile that is not the one `a` follows is refused.
pub(crate) fn to_add(
    a: &Assessment,
    carried: Option<CarriedProfile>,
    lookup: &impl ProfileLookup,
) -> Result<Option<CarriedProfile>, ImportError> {
    let Some(c) = carried else {
        return Ok(None);
    };
    if c.profile.id != a.profile || c.profile.version != a.profile_version {
        return Err(mismatch(&c.profile, &a.profile, a.profile_version));
    }
    if lookup(&a.profile, a.profile_version).is_some() {
        return Ok(None);
    }
    // What loading it on the Procedures page would refuse is refused here too.
    match registry::can_add(&c.profile) {
        Ok(()) | Err(registry::Clash::AlreadyHere { .. }) => {}
        Err(clash) => {
            return Err(ImportError::CarriedProfile {
                reason: clash.to_string(),
            })
        }
    }
    Ok(Some(c))
}
