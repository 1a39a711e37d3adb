use super::commands::{free_angle, plan, Command};
use super::render::{body, nearest, point, standalone, View};
use super::*;
use crate::model::assessment::tests::sample;
use crate::model::{Assessment, ItemId, Person, PersonId, PersonRole};

fn check(a: &mut Assessment, cmd: Command) {
    let ops = plan(a, &None, &cmd).unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"));
    crate::diagram::ops::assert_undoable(a, cmd.label(), ops);
}

/// Why `cmd` is refused: the command's own reason, or else the first rule of a valid assessment
/// its result breaks (the workspace refuses it with those words). Panics if neither refuses.
fn refusal(a: &Assessment, which: &MapFor, cmd: &Command) -> String {
    let ops = match plan(a, which, cmd) {
        Err(e) => return e.0,
        Ok(ops) => ops,
    };
    let mut after = a.clone();
    crate::diagram::ops::apply(&mut after, &ops);
    crate::model::validity::problems(&after)
        .first()
        .unwrap_or_else(|| panic!("{cmd:?} was not refused"))
        .reason
        .clone()
}

fn item(n: u8) -> ItemId {
    ItemId::from_random([0xe0, 0, 0, n])
}

fn quick_add(a: &mut Assessment, n: u8, name: &str, category: Category, circle: u8) -> ItemId {
    let role = if category == Category::Professional {
        PersonRole::Professional
    } else {
        PersonRole::FamilyMember
    };
    let mut p = Person::new(PersonId::from_random([0xe1, 0, 0, n]), role);
    p.given_name = name.into();
    let angle = free_angle(&a.network, circle);
    let m = NetworkMember::new(
        item(n),
        Who::Person {
            person: p.id.clone(),
        },
        category,
        circle,
        angle,
    );
    check(
        a,
        Command::Add {
            member: m,
            person: Some(p),
        },
    );
    item(n)
}

#[test]
fn entries_are_added_moved_changed_and_removed_with_undo() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran", Category::Family, 0);
    assert_eq!(a.people.len(), 3, "a new register record");
    let school = NetworkMember::new(
        item(2),
        Who::Organisation {
            name: "Hillside Primary".into(),
            organisation: OrgKind::School,
        },
        Category::Professional,
        2,
        90,
    );
    check(
        &mut a,
        Command::Add {
            member: school,
            person: None,
        },
    );
    // Jo is already in the register: she goes on the map without a new record.
    let jo = a.others().next().unwrap().id.clone();
    let m = NetworkMember::new(
        item(3),
        Who::Person { person: jo.clone() },
        Category::Family,
        0,
        200,
    );
    check(
        &mut a,
        Command::Add {
            member: m,
            person: None,
        },
    );
    assert_eq!(a.people.len(), 3);
    check(
        &mut a,
        Command::Move {
            id: gran.clone(),
            circle: 1,
            angle: 370,
        },
    );
    assert_eq!(a.network.member(&gran).unwrap().angle, 10);
    let mut g = a.network.member(&gran).unwrap().clone();
    g.safety_network = true;
    g.agreed = "Collects Ava from school on Tuesdays".into();
    check(&mut a, Command::Set(g));
    let mut p = a.person(&jo).unwrap().clone();
    p.given_name = "Joanne".into();
    check(&mut a, Command::SetPerson(p));
    check(&mut a, Command::Remove(item(2)));
    assert!(a.network.member(&item(2)).is_none());
}

#[test]
fn circles_can_be_relabelled_added_and_removed_within_limits() {
    let mut a = sample();
    quick_add(&mut a, 1, "Friend", Category::Friends, 2);
    let mut labels = a.network.circles.clone();
    labels.push("Far away".into());
    check(&mut a, Command::SetCircles(labels.clone()));
    check(
        &mut a,
        Command::Move {
            id: item(1),
            circle: 3,
            angle: 0,
        },
    );
    labels.pop();
    check(&mut a, Command::SetCircles(labels.clone()));
    assert_eq!(
        a.network.member(&item(1)).unwrap().circle,
        2,
        "moved into the last circle"
    );
    labels.pop();
    assert!(refusal(&a, &None, &Command::SetCircles(labels)).contains("between 3 and 6"));
    assert!(refusal(
        &a,
        &None,
        &Command::SetCircles(vec!["a".into(), " ".into(), "c".into()])
    )
    .contains("label"));
    assert!(refusal(
        &a,
        &None,
        &Command::Move {
            id: item(1),
            circle: 9,
            angle: 0
        }
    )
    .contains("no such circle"));
}

#[test]
fn refusals_explain() {
    let mut a = sample();
    let jo = a.others().next().unwrap().id.clone();
    let m = NetworkMember::new(
        item(3),
        Who::Person { person: jo.clone() },
        Category::Family,
        0,
        0,
    );
    check(
        &mut a,
        Command::Add {
            member: m,
            person: None,
        },
    );
    let again = NetworkMember::new(item(4), Who::Person { person: jo }, Category::Family, 0, 0);
    assert!(refusal(
        &a,
        &None,
        &Command::Add {
            member: again,
            person: None
        }
    )
    .contains("already on the map"));
    let org = NetworkMember::new(
        item(5),
        Who::Organisation {
            name: " ".into(),
            organisation: OrgKind::Gp,
        },
        Category::Professional,
        0,
        0,
    );
    assert!(refusal(
        &a,
        &None,
        &Command::Add {
            member: org,
            person: None
        }
    )
    .contains("name"));
}

#[test]
fn free_angles_spread_entries_round_a_circle() {
    let mut a = sample();
    let first = free_angle(&a.network, 1);
    quick_add(&mut a, 1, "A", Category::Family, 1);
    let second = free_angle(&a.network, 1);
    assert_eq!((second + 360 - first) % 360, 180);
    quick_add(&mut a, 2, "B", Category::Family, 1);
    let third = free_angle(&a.network, 1);
    assert!(third.abs_diff(first) >= 80 && third.abs_diff(second) >= 80);
}

#[test]
fn points_and_nearest_circle_are_inverse() {
    for circle in 0..3u8 {
        for angle in [0u16, 45, 90, 180, 359] {
            let (x, y) = point(circle, angle);
            assert_eq!(nearest(x, y, 3), (circle, angle));
        }
    }
    // Beyond the outer circle drops onto it; the centre drops onto the first.
    assert_eq!(nearest(0.0, -2000.0, 3).0, 2);
    assert_eq!(nearest(1.0, 1.0, 3).0, 0);
}

#[test]
fn rendering_shows_categories_by_shape_and_the_safety_view_filters() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran <b>", Category::Family, 0);
    quick_add(&mut a, 2, "Ms Teacher", Category::Professional, 2);
    let mut g = a.network.member(&gran).unwrap().clone();
    g.safety_network = true;
    g.agreed = "Visits every Sunday".into();
    g.connection = Connection::Strong;
    g.support = Support::Both;
    check(&mut a, Command::Set(g));
    let full = body(
        &a,
        &View {
            interactive: true,
            ..View::default()
        },
    );
    assert!(full.contains("Gran &lt;b&gt;") && full.contains("Ms Teacher"));
    assert!(full.contains("Very close") && full.contains("Less close"));
    assert!(full.contains("Ava Example"), "the child at the centre");
    assert!(full.contains(r#"" stroke-width="6"/>"#), "strong is thick");
    assert!(
        full.contains("Professionals") && full.contains("Family"),
        "category in words"
    );
    let safety = body(
        &a,
        &View {
            safety_only: true,
            ..View::default()
        },
    );
    assert!(safety.contains("Gran") && !safety.contains("Ms Teacher"));
    assert!(safety.contains("Visits every Sunday"));
    assert!(standalone(&a, &None, true).contains("<title>Safety network: Ava Example</title>"));
    crate::diagram::svg::check_well_formed(&standalone(&a, &None, false)).unwrap();
}

#[test]
fn while_dragging_only_the_entry_is_redrawn() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran", Category::Family, 0);
    quick_add(&mut a, 2, "Friend", Category::Friends, 1);
    let view = View {
        dragging: Some((gran, 10.0, -300.0)),
        ..View::default()
    };
    let still = super::render::body_split(&a, &view, true);
    let moving = super::render::body_split(&a, &view, false);
    assert!(still.contains("Friend") && !still.contains("Gran"));
    assert!(moving.contains("Gran") && !moving.contains("Friend"));
    assert_eq!(moving.matches("data-connection").count(), 1);
}

#[test]
fn quick_entry_finds_people_already_in_the_register() {
    let mut a = sample();
    let mut rita = Person::new(PersonId::from_random([0x51; 4]), PersonRole::FamilyMember);
    rita.given_name = "Rita".into();
    rita.family_name = "Oldham".into();
    a.people.push(rita.clone());
    let mut ritchie = Person::new(PersonId::from_random([0x52; 4]), PersonRole::FamilyMember);
    ritchie.given_name = "Ritchie".into();
    a.people.push(ritchie.clone());
    assert_eq!(
        super::commands::register_matches(&a, &None, "r"),
        Vec::<PersonId>::new(),
        "two letters first"
    );
    assert_eq!(
        super::commands::register_matches(&a, &None, " rita  oldham "),
        vec![rita.id.clone()],
        "exact name, any case and spacing"
    );
    assert_eq!(
        super::commands::register_matches(&a, &None, "rit"),
        vec![rita.id.clone(), ritchie.id.clone()]
    );
    assert_eq!(
        super::commands::register_matches(&a, &None, "oldh"),
        vec![rita.id.clone()]
    );
    // Once on the map, not offered again.
    let cmd = Command::Add {
        member: NetworkMember::new(
            ItemId::from_random([0x53; 4]),
            Who::Person {
                person: rita.id.clone(),
            },
            Category::Family,
            0,
            0,
        ),
        person: None,
    };
    check(&mut a, cmd);
    assert!(super::commands::register_matches(&a, &None, "rita").is_empty());
}

#[test]
fn a_child_s_own_map_starts_from_the_group_s_and_keeps_its_own_places_and_safety_network() {
    let mut a = sample();
    let gran = quick_add(&mut a, 1, "Gran", Category::Family, 2);
    let child = a.children().next().unwrap().id.clone();
    let mut n = 0u8;
    let started = super::commands::child_map(&a, &child, true, || {
        n += 1;
        ItemId::from_random([0xe2, 0, 0, n])
    });
    assert_eq!(started.map.members.len(), 1);
    assert_ne!(
        started.map.members[0].id, gran,
        "a fresh id, not the group's"
    );
    let own = Some(child.clone());
    assert!(
        plan(&a, &own, &Command::Remove(gran.clone())).is_err(),
        "no map yet"
    );
    check(&mut a, Command::StartMap(started.clone()));
    assert!(
        plan(&a, &None, &Command::StartMap(started.clone())).is_err(),
        "one map each"
    );
    // Gran moves closer on the child's map, and joins this child's safety network only.
    let mut mine = a.map(&own).unwrap().members[0].clone();
    mine.circle = 0;
    mine.safety_network = true;
    let ops = plan(&a, &own, &Command::Set(mine.clone())).unwrap();
    crate::diagram::ops::assert_undoable(&mut a, "change details", ops);
    assert_eq!(a.network.members[0].circle, 2);
    assert!(!a.network.members[0].safety_network);
    assert!(a.map(&own).unwrap().members[0].safety_network);
    // The child is the centre of their own map, never an entry on it.
    let on_own = NetworkMember::new(
        item(9),
        Who::Person {
            person: child.clone(),
        },
        Category::Family,
        0,
        0,
    );
    let err = refusal(
        &a,
        &own,
        &Command::Add {
            member: on_own,
            person: None,
        },
    );
    assert!(err.contains("centre"), "{err}");
    assert!(body(
        &a,
        &View {
            map: own.clone(),
            ..View::default()
        }
    )
    .contains(&a.person(&child).unwrap().display_name()));
    assert!(super::render::map_title(&a, &own, true).starts_with("Safety network: "));
    crate::model::validity::check(&a).unwrap();
    check(&mut a, Command::RemoveMap(child.clone()));
    assert!(a.child_networks.is_empty());
}

#[test]
fn an_empty_child_map_and_only_children_being_assessed_have_one() {
    let mut a = sample();
    quick_add(&mut a, 1, "Gran", Category::Family, 2);
    let child = a.children().next().unwrap().id.clone();
    let empty = super::commands::child_map(&a, &child, false, || item(7));
    assert!(empty.map.members.is_empty());
    assert_eq!(empty.map.circles.len(), 3);
    let gran = a.others().last().unwrap().id.clone();
    let not_a_child = super::commands::child_map(&a, &gran, false, || item(8));
    assert!(plan(&a, &None, &Command::StartMap(not_a_child)).is_err());
}

#[test]
fn two_maps_for_one_child_are_folded_into_one_and_a_map_keeps_its_child_a_child() {
    let mut a = sample();
    quick_add(&mut a, 1, "Gran", Category::Family, 2);
    quick_add(&mut a, 2, "Aunt", Category::Family, 1);
    let child = a.children().next().unwrap().id.clone();
    let mut n = 0u8;
    let mut fresh = || {
        n += 1;
        ItemId::from_random([0xe3, 0, 0, n])
    };
    let mut first = super::commands::child_map(&a, &child, true, &mut fresh);
    first.map.members.truncate(1);
    let second = super::commands::child_map(&a, &child, true, &mut fresh);
    a.child_networks = vec![first, second];
    assert!(crate::model::validity::problems(&a)
        .iter()
        .any(|p| p.reason.contains("two maps")));
    let repaired = crate::model::repair::repair(&mut a);
    assert!(repaired.remaining.is_empty(), "{:?}", repaired.remaining);
    assert_eq!(a.child_networks.len(), 1);
    assert_eq!(a.child_networks[0].map.members.len(), 2, "everyone kept");
    // A map names the child as a child being assessed: the role comes back.
    a.person_mut(&child).unwrap().role = PersonRole::FamilyMember;
    crate::model::repair::repair(&mut a);
    assert_eq!(a.person(&child).unwrap().role, PersonRole::SubjectChild);
}

/// A family of fifteen entered by quick entry, as a worker would: names, circles and kinds.
pub fn family_of_fifteen() -> Assessment {
    let mut a = sample();
    let people = [
        ("Rita Oldham", Category::Family, 0),
        ("Tom Oldham", Category::Family, 0),
        ("Maria Oldham", Category::Family, 0),
        ("Grandad Joe", Category::Family, 1),
        ("Auntie Sue Oldham", Category::Family, 1),
        ("Uncle Dev", Category::Family, 1),
        ("Cousin Priya", Category::Family, 2),
        ("Kayla Brightwater", Category::Friends, 1),
        ("Mrs Okafor", Category::Community, 2),
        ("Pastor Michael", Category::Community, 2),
        ("Ms Patel", Category::Professional, 1),
        ("Dr Hughes", Category::Professional, 2),
        ("Jo Health Visitor", Category::Professional, 2),
        ("Coach Daniel", Category::Community, 2),
        ("Liam Friend", Category::Friends, 2),
    ];
    for (n, (name, cat, circle)) in people.into_iter().enumerate() {
        quick_add(&mut a, 40 + n as u8, name, cat, circle);
    }
    a
}

#[test]
fn a_family_of_fifteen_has_no_words_over_words_symbols_or_lines_and_no_line_through_anyone() {
    let mut a = family_of_fifteen();
    for safety_only in [false, true] {
        for m in a.network.members.iter_mut().step_by(3) {
            m.safety_network = true;
            m.knows_worries = true;
            m.agreed = "Picks the children up from school".into();
        }
        let view = View {
            safety_only,
            ..View::default()
        };
        let (items, placed) = super::render::layout_of(&a, &view);
        assert_eq!(items.len(), if safety_only { 5 } else { 15 });
        let found = super::layout::overlaps(&items, &placed, super::render::CENTRE);
        assert_eq!(found, Vec::<String>::new());
    }
    // And after three people are dragged in a row from the centre, one in each circle: the
    // outer two's lines bend round those nearer the centre.
    for (circle, angle) in [(0u8, 135u16), (1, 135), (2, 135)] {
        let m = a
            .network
            .members
            .iter_mut()
            .find(|m| m.circle == circle)
            .unwrap();
        m.angle = angle;
    }
    let (items, placed) = super::render::layout_of(&a, &View::default());
    let found = super::layout::overlaps(&items, &placed, super::render::CENTRE);
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn a_name_typed_that_is_on_the_map_already_is_shown_never_entered_twice() {
    use super::commands::{map_matches, typed_name, Typed};
    let mut a = sample();
    let mut rita = Person::new(PersonId::from_random([0x61; 4]), PersonRole::FamilyMember);
    rita.set_name_typed("  Rita   Oldham ");
    assert_eq!(
        (rita.given_name.as_str(), rita.family_name.as_str()),
        ("Rita", "Oldham")
    );
    a.people.push(rita.clone());
    assert!(rita.is_named("rita oldham") && rita.is_named(" RITA  OLDHAM"));
    assert!(!rita.is_named("Rita") && !rita.is_named(""));
    // In the register, not on the map: placed.
    assert_eq!(
        typed_name(&a, &None, "rita oldham"),
        Typed::InRegister(rita.id.clone())
    );
    assert_eq!(typed_name(&a, &None, "Rita Oldhams"), Typed::New);
    let entry = ItemId::from_random([0x62; 4]);
    let cmd = Command::Add {
        member: NetworkMember::new(
            entry.clone(),
            Who::Person {
                person: rita.id.clone(),
            },
            Category::Family,
            0,
            0,
        ),
        person: None,
    };
    check(&mut a, cmd);
    // On the map: her entry is shown, and offered while typing.
    assert_eq!(
        typed_name(&a, &None, "Rita Oldham"),
        Typed::OnMap(entry.clone(), rita.id.clone())
    );
    assert_eq!(
        map_matches(&a, &None, "old"),
        vec![(entry, rita.id.clone())]
    );
    assert!(map_matches(&a, &None, "o").is_empty(), "two letters first");
    // Someone typed in under a category gets that part of the world's register role.
    assert_eq!(
        Category::Professional.register_role(),
        PersonRole::Professional
    );
    assert_eq!(
        Category::Friends.register_role(),
        PersonRole::OtherSignificant
    );
}

#[test]
fn the_map_drawn_from_its_one_layout_is_the_map_drawn_afresh_and_fits_the_same() {
    let mut a = family_of_fifteen();
    let which = None;
    let chosen = a.network.members[4].id.clone();
    let laid = super::render::lay(&a, &which);
    for selected in [None, Some(chosen.clone())] {
        let view = View {
            selected,
            interactive: true,
            ..View::default()
        };
        assert_eq!(
            super::render::body_laid(&a, &view, &laid),
            super::render::body(&a, &view)
        );
    }
    assert_eq!(
        super::render::extent_of(&a, &laid),
        super::render::extent(&a, &which)
    );
    // A layout from before an entry was moved, renamed or taken off is not used to draw the map
    // after it.
    let view = View::default();
    a.network.members[1].angle = (a.network.members[1].angle + 40) % 360;
    let moved = super::render::body(&a, &view);
    assert_ne!(
        laid,
        super::render::lay(&a, &which),
        "the old layout is stale"
    );
    assert_eq!(super::render::body_laid(&a, &view, &laid), moved);
    if let super::Who::Person { person } = &a.network.members[2].who.clone() {
        a.people
            .iter_mut()
            .find(|p| &p.id == person)
            .unwrap()
            .given_name = "Renamed".into();
    }
    assert_eq!(
        super::render::body_laid(&a, &view, &laid),
        super::render::body(&a, &view)
    );
    a.network.members.remove(0);
    assert_eq!(
        super::render::body_laid(&a, &view, &laid),
        super::render::body(&a, &view)
    );
}
