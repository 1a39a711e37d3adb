use super::*;
use crate::procedure::parse_profile;

const EXAMPLE: &str = include_str!("../../../docs/profiles/northmere-2026.json");

/// The worked example with `edit` applied to its JSON.
pub(crate) fn example_with(edit: impl FnOnce(&mut serde_json::Value)) -> (Profile, String) {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    edit(&mut v);
    let text = crate::procedure::identity::canonical_value(&v);
    (parse_profile(&text).unwrap(), text)
}

#[test]
fn a_loaded_profile_is_found_by_id_and_version_and_offered_until_withdrawn() {
    let (v1, text) = example_with(|_| {});
    assert_eq!(
        (v1.version, v1.council.as_str()),
        (1, "Northmere Borough Council (fictional)")
    );
    assert_eq!(can_add(&v1), Ok(()));
    assert!(find_version("northmere-2026", 1).is_none());
    register(v1.clone(), text.clone(), false);
    assert_eq!(find_version("northmere-2026", 1).unwrap().hash, v1.hash);
    assert_eq!(canonical_text("northmere-2026", 1), Some(text.as_str()));
    assert!(offered().iter().any(|p| p.id == "northmere-2026"));
    assert_eq!(
        can_add(&v1),
        Err(Clash::AlreadyHere {
            id: "northmere-2026".into(),
            version: 1
        })
    );

    // the same version with other words is refused; a higher version is welcome
    let (changed, _) = example_with(|v| v["name"] = "Northmere (changed)".into());
    assert_eq!(
        can_add(&changed),
        Err(Clash::OtherContent {
            id: "northmere-2026".into(),
            version: 1
        })
    );
    let (v2, text2) = example_with(|v| v["version"] = 2.into());
    assert_ne!(v2.hash, v1.hash);
    assert_eq!(can_add(&v2), Ok(()));
    register(v2, text2, false);
    assert_eq!(newest("northmere-2026").unwrap().version, 2);
    assert_eq!(newer_offered("northmere-2026", 1).unwrap().version, 2);
    assert!(newer_offered("northmere-2026", 2).is_none());
    let offered_versions: Vec<u32> = offered()
        .iter()
        .filter(|p| p.id == "northmere-2026")
        .map(|p| p.version)
        .collect();
    assert_eq!(offered_versions, [2], "only the newest version is offered");

    // withdrawn: not offered, still found for the assessments that follow it
    set_withdrawn("northmere-2026", 2, true);
    assert!(newer_offered("northmere-2026", 1).is_none());
    let offered_versions: Vec<u32> = offered()
        .iter()
        .filter(|p| p.id == "northmere-2026")
        .map(|p| p.version)
        .collect();
    assert_eq!(offered_versions, [1]);
    assert!(find_version("northmere-2026", 2).is_some());
    set_withdrawn("northmere-2026", 1, true);
    assert!(!offered().iter().any(|p| p.id == "northmere-2026"));
    assert_eq!(offered().len(), built_in().len());
}

#[test]
fn a_built_in_id_cannot_be_loaded() {
    let (p, _) = example_with(|v| v["id"] = "signs-of-safety-2020".into());
    assert_eq!(
        can_add(&p),
        Err(Clash::BuiltInId {
            id: "signs-of-safety-2020".into()
        })
    );
    assert!(can_add(&p).unwrap_err().to_string().contains("built-in"));
}

#[test]
fn built_in_profiles_are_version_1_with_a_hash_of_their_content() {
    for p in built_in() {
        assert_eq!(p.version, 1);
        assert_eq!(p.hash.len(), 64);
        assert_eq!(find_version(&p.id, 1).unwrap().hash, p.hash);
        assert!(
            canonical_text(&p.id, 1).is_none(),
            "built-in ones are never carried"
        );
    }
    assert_ne!(built_in()[0].hash, built_in()[1].hash);
}
