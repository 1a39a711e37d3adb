//! The profiles this device can use: the built-in ones, and those a council loaded from a file
//! (kept by storage and registered here when the workbench starts). A loaded profile is never
//! forgotten while the app runs: withdrawing one only stops it being offered for new
//! assessments, so those started under it keep working.

use super::{built_in, Profile};
use std::cell::RefCell;

/// A loaded profile as registered: the profile, its canonical text (carried in exports) and
/// whether it was withdrawn.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub profile: &'static Profile,
    pub canonical: &'static str,
    pub withdrawn: bool,
}

thread_local! {
    static LOADED: RefCell<Vec<Loaded>> = const { RefCell::new(Vec::new()) };
}

/// Why a profile file cannot be added beside the ones this device has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    /// It uses the id of a built-in profile.
    BuiltInId { id: String },
    /// This version is already here with other content.
    OtherContent { id: String, version: u32 },
    /// This very version is already here.
    AlreadyHere { id: String, version: u32 },
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Clash::BuiltInId { id } => write!(
                f,
                "The profile's id \"{id}\" is the id of a built-in profile. Give the council's profile an id of its own."
            ),
            Clash::OtherContent { id, version } => write!(
                f,
                "Version {version} of \"{id}\" is already on this device with different content. A changed profile needs a higher version number."
            ),
            Clash::AlreadyHere { id, version } => {
                write!(f, "Version {version} of \"{id}\" is already on this device.")
            }
        }
    }
}

/// Whether `p` (read from a file, with its hash) may be added.
pub fn can_add(p: &Profile) -> Result<(), Clash> {
    if built_in().iter().any(|b| b.id == p.id) {
        return Err(Clash::BuiltInId { id: p.id.clone() });
    }
    match loaded_version(&p.id, p.version) {
        Some(l) if l.profile.hash == p.hash => Err(Clash::AlreadyHere {
            id: p.id.clone(),
            version: p.version,
        }),
        Some(_) => Err(Clash::OtherContent {
            id: p.id.clone(),
            version: p.version,
        }),
        None => Ok(()),
    }
}

/// Registers a loaded profile (`canonical` is its canonical text). A version already here is
/// left as it is, with `withdrawn` updated.
pub fn register(p: Profile, canonical: String, withdrawn: bool) -> &'static Profile {
    if let Some(l) = loaded_version(&p.id, p.version) {
        set_withdrawn(&p.id, p.version, withdrawn);
        return l.profile;
    }
    let profile: &'static Profile = Box::leak(Box::new(p));
    let canonical: &'static str = Box::leak(canonical.into_boxed_str());
    LOADED.with(|l| {
        l.borrow_mut().push(Loaded {
            profile,
            canonical,
            withdrawn,
        })
    });
    profile
}

/// Marks a loaded version withdrawn (or offered again).
pub fn set_withdrawn(id: &str, version: u32, withdrawn: bool) {
    LOADED.with(|l| {
        for x in l.borrow_mut().iter_mut() {
            if x.profile.id == id && x.profile.version == version {
                x.withdrawn = withdrawn;
            }
        }
    });
}

fn loaded_version(id: &str, version: u32) -> Option<Loaded> {
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|x| x.profile.id == id && x.profile.version == version)
            .cloned()
    })
}

/// Every loaded version, in the order registered.
pub fn loaded() -> Vec<Loaded> {
    LOADED.with(|l| l.borrow().clone())
}

/// The profile with this id and version, built in or loaded.
pub fn find_version(id: &str, version: u32) -> Option<&'static Profile> {
    built_in()
        .iter()
        .find(|p| p.id == id && p.version == version)
        .or_else(|| loaded_version(id, version).map(|l| l.profile))
}

/// The newest version with this id.
pub fn newest(id: &str) -> Option<&'static Profile> {
    built_in().iter().find(|p| p.id == id).or_else(|| {
        LOADED.with(|l| {
            l.borrow()
                .iter()
                .filter(|x| x.profile.id == id)
                .max_by_key(|x| x.profile.version)
                .map(|x| x.profile)
        })
    })
}

/// The canonical text of a loaded version (built-in ones are never carried: every copy of the
/// app has them).
pub fn canonical_text(id: &str, version: u32) -> Option<&'static str> {
    loaded_version(id, version).map(|l| l.canonical)
}

/// The profiles a new assessment may follow: the built-in ones, then for each loaded id its
/// newest version that is not withdrawn.
pub fn offered() -> Vec<&'static Profile> {
    let mut out: Vec<&'static Profile> = built_in().iter().collect();
    let loaded = loaded();
    let mut seen = std::collections::BTreeSet::new();
    for l in &loaded {
        if !seen.insert(l.profile.id.as_str()) {
            continue;
        }
        if let Some(p) = loaded
            .iter()
            .filter(|x| x.profile.id == l.profile.id && !x.withdrawn)
            .max_by_key(|x| x.profile.version)
        {
            out.push(p.profile);
        }
    }
    out
}

/// A newer version than `version` of profile `id` that is offered, if there is one: what an
/// assessment under `version` may move to.
pub fn newer_offered(id: &str, version: u32) -> Option<&'static Profile> {
    offered()
        .into_iter()
        .find(|p| p.id == id && p.version > version)
}

#[cfg(test)]
pub(crate) mod tests;
