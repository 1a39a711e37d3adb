use super::commands::{plan, Command, Relation, STEP_X, STEP_Y};
use super::sample::{fictional, grow_family, run, Counter};
use super::*;
use crate::diagram::ops::apply;
use crate::model::assessment::tests::sample;
use crate::model::{Assessment, Gender, ItemId, Life, PersonId, PersonRole};
use chrono::NaiveDate;
use std::collections::BTreeMap;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// Applies `cmd` through the history, then checks undo restores exactly and redo repeats it.
fn check(a: &mut Assessment, cmd: Command) {
    let ops = plan(a, &cmd).unwrap_or_else(|e| panic!("{cmd:?} refused: {e}"));
    crate::diagram::ops::assert_undoable(a, cmd.label(), ops);
}

/// The family the end-to-end test draws, built with commands. Returns it and the ids by name.
pub(crate) fn family() -> (
    Assessment,
    BTreeMap<&'static str, PersonId>,
    BTreeMap<&'static str, ItemId>,
) {
    let mut a = sample(); // Ava Example (child) and Jo (mother) in the register
    a.people[0].date_of_birth = d(2015, 4, 1);
    let mut ids = Counter(0x100);
    let mut p = BTreeMap::new();
    let mut l = BTreeMap::new();
    let ava = a.children().next().unwrap().id.clone();
    let jo = a.others().next().unwrap().id.clone();
    p.insert("ava", ava.clone());
    p.insert("jo", jo.clone());
    check(
        &mut a,
        Command::Place {
            person: jo.clone(),
            x: 0,
            y: 0,
        },
    );
    let mut add = |a: &mut Assessment,
                   of: &str,
                   rel: Relation,
                   name: &'static str,
                   g: Gender,
                   born,
                   p: &mut BTreeMap<&str, PersonId>,
                   l: &mut BTreeMap<&str, ItemId>| {
        let id = ids.person();
        let link = ids.item();
        let second = ids.item();
        check(
            a,
            Command::AddRelative {
                of: p[of].clone(),
                relation: rel,
                person: fictional(id.clone(), name, g, born),
                link: link.clone(),
                second: second.clone(),
            },
        );
        p.insert(name, id);
        l.insert(name, link);
        l.insert(&*Box::leak(format!("{name}+").into_boxed_str()), second);
    };
    add(
        &mut a,
        "jo",
        Relation::Parent,
        "Arthur",
        Gender::Male,
        d(1950, 3, 1),
        &mut p,
        &mut l,
    );
    add(
        &mut a,
        "jo",
        Relation::Parent,
        "Margaret",
        Gender::Female,
        d(1952, 6, 1),
        &mut p,
        &mut l,
    );
    add(
        &mut a,
        "jo",
        Relation::Partner(PartnershipKind::Divorced),
        "Dan",
        Gender::Male,
        d(1983, 1, 1),
        &mut p,
        &mut l,
    );
    let first_marriage = l["Dan"].clone();
    check(
        &mut a,
        Command::Place {
            person: ava.clone(),
            x: 50,
            y: 160,
        },
    );
    check(
        &mut a,
        Command::SetParentage(Parentage {
            id: ItemId::from_random([0xaa; 4]),
            child: ava.clone(),
            parents: Parents::Partnership {
                partnership: first_marriage.clone(),
            },
            kind: ChildKind::Birth,
            twin: None,
        }),
    );
    add(
        &mut a,
        "jo",
        Relation::Child(Some(first_marriage.clone()), ChildKind::Adopted),
        "Leo",
        Gender::Male,
        d(2017, 5, 1),
        &mut p,
        &mut l,
    );
    add(
        &mut a,
        "jo",
        Relation::Partner(PartnershipKind::Cohabiting),
        "Chris",
        Gender::Male,
        d(1988, 1, 1),
        &mut p,
        &mut l,
    );
    let second = l["Chris"].clone();
    add(
        &mut a,
        "jo",
        Relation::Child(Some(second), ChildKind::Birth),
        "Mia",
        Gender::Female,
        d(2021, 9, 1),
        &mut p,
        &mut l,
    );
    // Arthur has died.
    let mut arthur = a.person(&p["Arthur"]).unwrap().clone();
    arthur.life = Life::Deceased;
    arthur.date_of_death = d(2021, 2, 1);
    check(&mut a, Command::SetPerson(arthur));
    check(
        &mut a,
        Command::SetHousehold(Household {
            id: ItemId::from_random([0xb1; 4]),
            name: "Mum's home".into(),
            members: vec![
                jo.clone(),
                p["Chris"].clone(),
                ava.clone(),
                p["Leo"].clone(),
                p["Mia"].clone(),
            ],
        }),
    );
    check(
        &mut a,
        Command::SetHousehold(Household {
            id: ItemId::from_random([0xb2; 4]),
            name: "Dad's flat".into(),
            members: vec![p["Dan"].clone()],
        }),
    );
    check(
        &mut a,
        Command::SetRelationship(Relationship {
            id: ItemId::from_random([0xc1; 4]),
            a: jo.clone(),
            b: p["Dan"].clone(),
            kind: EmotionalKind::Conflict,
            notes: "Arguments at handovers".into(),
        }),
    );
    (a, p, l)
}

#[test]
fn the_family_is_built_by_commands_each_undoable() {
    let (a, p, _) = family();
    let g = &a.genogram;
    assert_eq!(g.members.len(), 8);
    assert_eq!(
        g.partnerships.len(),
        3,
        "grandparents, first marriage, second partnership"
    );
    let jo = &p["jo"];
    let mut parents = g.parents_of(jo);
    parents.sort();
    let mut expected = vec![p["Arthur"].clone(), p["Margaret"].clone()];
    expected.sort();
    assert_eq!(
        parents, expected,
        "second parent joined the first as a couple"
    );
    assert_eq!(g.parents_of(&p["Mia"]).len(), 2);
    assert!(g.parents_of(&p["Mia"]).contains(&p["Chris"]));
    assert_eq!(g.parentage_of(&p["Leo"]).unwrap().kind, ChildKind::Adopted);
    assert!(g.are_partners(jo, &p["Dan"]));
    assert_eq!(a.people.len(), 8, "every person is one register record");
}

#[test]
fn moving_pins_and_unpin_releases() {
    let (mut a, p, _) = family();
    check(
        &mut a,
        Command::Move {
            person: p["Dan"].clone(),
            x: 400,
            y: 10,
        },
    );
    assert!(a.genogram.member(&p["Dan"]).unwrap().pinned);
    check(
        &mut a,
        Command::Unpin {
            person: p["Dan"].clone(),
        },
    );
    assert!(!a.genogram.member(&p["Dan"]).unwrap().pinned);
}

#[test]
fn partnerships_lines_households_and_relationships_change_and_go() {
    let (mut a, p, l) = family();
    let mut u = a.genogram.partnership(&l["Dan"]).unwrap().clone();
    u.end = d(2019, 4, 1);
    check(&mut a, Command::SetPartnership(u));
    let line = a.genogram.parentage_of(&p["Mia"]).unwrap().clone();
    check(&mut a, Command::Detach(line.id.clone()));
    check(&mut a, Command::Unpartner(l["Chris"].clone()));
    check(
        &mut a,
        Command::RemoveHousehold(ItemId::from_random([0xb2; 4])),
    );
    check(
        &mut a,
        Command::RemoveRelationship(ItemId::from_random([0xc1; 4])),
    );
    let mut twin = a.genogram.parentage_of(&p["Leo"]).unwrap().clone();
    twin.twin = Some(Twin {
        group: 1,
        identical: false,
    });
    check(&mut a, Command::SetParentage(twin));
}

#[test]
fn auto_layout_is_one_undoable_step() {
    let (mut a, _, _) = family();
    check(&mut a, Command::AutoLayout);
}

#[test]
fn refused_commands_say_why_and_change_nothing() {
    let (a, p, l) = family();
    // Refused by the command, or by the rules when the workspace makes it; nothing changes.
    let refused = |cmd: Command| match plan(&a, &cmd) {
        Err(e) => e.0,
        Ok(ops) => {
            let mut b = a.clone();
            let why = crate::workspace::commit(&mut b, |b| drop(apply(b, &ops)))
                .expect_err("should be refused")
                .to_string();
            assert_eq!(b, a, "a refused command changes nothing");
            why
        }
    };
    let jo = p["jo"].clone();
    assert!(refused(Command::SetPartnership(Partnership {
        id: ItemId::from_random([9; 4]),
        a: jo.clone(),
        b: jo.clone(),
        kind: PartnershipKind::Married,
        start: None,
        end: None
    }))
    .contains("own partner"));
    assert!(refused(Command::SetPartnership(Partnership {
        id: ItemId::from_random([9; 4]),
        a: jo.clone(),
        b: p["Dan"].clone(),
        kind: PartnershipKind::Married,
        start: None,
        end: None
    }))
    .contains("already"));
    assert!(refused(Command::Unpartner(l["Dan"].clone())).contains("Children hang"));
    assert!(refused(Command::AddRelative {
        of: p["Arthur"].clone(),
        relation: Relation::Sibling,
        person: fictional(PersonId::from_random([8; 4]), "X", Gender::Unknown, None),
        link: ItemId::from_random([8; 4]),
        second: ItemId::from_random([7; 4]),
    })
    .contains("Add a parent first"));
    assert!(refused(Command::AddRelative {
        of: jo.clone(),
        relation: Relation::Parent,
        person: fictional(PersonId::from_random([8; 4]), "X", Gender::Unknown, None),
        link: ItemId::from_random([8; 4]),
        second: ItemId::from_random([7; 4]),
    })
    .contains("two parents"));
    let own = Parentage {
        id: ItemId::from_random([6; 4]),
        child: p["Arthur"].clone(),
        parents: Parents::Parent {
            person: p["Arthur"].clone(),
        },
        kind: ChildKind::Birth,
        twin: None,
    };
    assert!(refused(Command::SetParentage(own)).contains("own parent"));
    assert!(refused(Command::Place {
        person: jo.clone(),
        x: 0,
        y: 0
    })
    .contains("already on"));
    assert!(refused(Command::Move {
        person: PersonId::from_random([5; 4]),
        x: 0,
        y: 0
    })
    .contains("not on"));
    assert!(refused(Command::SetHousehold(Household {
        id: ItemId::from_random([4; 4]),
        name: String::new(),
        members: vec![]
    }))
    .contains("at least one"));
}

#[test]
fn removing_a_person_follows_the_cascading_rules_and_undoes_exactly() {
    let (mut a, p, l) = family();
    check(&mut a, Command::Remove(p["Dan"].clone()));
    let g = &a.genogram;
    assert!(g.member(&p["Dan"]).is_none());
    assert!(g.partnership(&l["Dan"]).is_none(), "the partnership went");
    assert_eq!(
        g.parents_of(&p["ava"]),
        vec![p["jo"].clone()],
        "Ava hangs from Jo alone"
    );
    assert_eq!(g.parents_of(&p["Leo"]), vec![p["jo"].clone()]);
    assert!(g.relationships.is_empty(), "the conflict line went");
    assert_eq!(
        g.households.len(),
        1,
        "Dad's household was left empty and went"
    );
    assert!(a.person(&p["Dan"]).is_some(), "Dan stays in the register");
    // Removing Jo now leaves her children without a parent line, and her parents childless.
    check(&mut a, Command::Remove(p["jo"].clone()));
    assert!(a.genogram.parentage_of(&p["ava"]).is_none());
    assert!(a.genogram.parentage.iter().all(|l| l.child != p["jo"]));
    assert!(!a.genogram.households[0].members.contains(&p["jo"]));
}

#[test]
fn removing_from_the_register_takes_them_off_the_diagrams() {
    let (mut a, p, _) = family();
    crate::edit::register::remove_person(&mut a, &p["Chris"]).unwrap();
    assert!(a.genogram.member(&p["Chris"]).is_none());
    assert_eq!(a.genogram.parents_of(&p["Mia"]), vec![p["jo"].clone()]);
}

fn assert_layout_invariants(a: &Assessment, placed: &BTreeMap<PersonId, (i32, i32)>) {
    let g = &a.genogram;
    assert_eq!(placed.len(), g.members.len(), "everyone is placed");
    // No two symbols overlap.
    let pts: Vec<(i32, i32)> = placed.values().copied().collect();
    for (i, p) in pts.iter().enumerate() {
        for q in &pts[i + 1..] {
            assert!(
                (p.0 - q.0).abs() >= STEP_X || (p.1 - q.1).abs() >= STEP_Y / 2,
                "overlap at {p:?} and {q:?}"
            );
        }
    }
    // Children are below their parents.
    for l in &g.parentage {
        for parent in g.parents_of(&l.child) {
            assert!(placed[&l.child].1 > placed[&parent].1, "child below parent");
        }
    }
    // Partners are on one row with nobody between them but their other partners.
    for u in &g.partnerships {
        let (pa, pb) = (placed[&u.a], placed[&u.b]);
        assert_eq!(pa.1, pb.1, "partners on one row");
        let (lo, hi) = (pa.0.min(pb.0), pa.0.max(pb.0));
        for (id, &(x, y)) in placed {
            if y == pa.1 && x > lo && x < hi {
                assert!(
                    g.partnerships_of(id)
                        .any(|o| o.involves(&u.a) || o.involves(&u.b)),
                    "someone unrelated sits between partners"
                );
            }
        }
    }
}

#[test]
fn layout_places_generations_partners_and_birth_order() {
    let (a, p, _) = family();
    let placed = layout::layout(&a);
    assert_layout_invariants(&a, &placed);
    // Three generations, top row 0.
    assert_eq!(placed[&p["Arthur"]].1, 0);
    assert_eq!(placed[&p["jo"]].1, STEP_Y);
    assert_eq!(placed[&p["ava"]].1, 2 * STEP_Y);
    // Ava (2015) before Leo (2017) under the first marriage.
    assert!(placed[&p["ava"]].0 < placed[&p["Leo"]].0);
    // Jo sits between her two partners.
    let xs = [
        placed[&p["Dan"]].0,
        placed[&p["jo"]].0,
        placed[&p["Chris"]].0,
    ];
    assert!(
        (xs[0] < xs[1] && xs[1] < xs[2]) || (xs[0] > xs[1] && xs[1] > xs[2]),
        "{xs:?}"
    );
}

#[test]
fn layout_respects_pinned_people() {
    let (mut a, p, _) = family();
    run(
        &mut a,
        Command::Move {
            person: p["Margaret"].clone(),
            x: 900,
            y: 0,
        },
    );
    let placed = layout::layout(&a);
    assert_eq!(placed[&p["Margaret"]], (900, 0), "pinned stays");
    // Nobody else lands on top of her.
    for (id, &(x, y)) in &placed {
        if id != &p["Margaret"] && y == 0 {
            assert!((x - 900).abs() >= STEP_X);
        }
    }
}

#[test]
fn a_large_generated_family_lays_out_cleanly() {
    for n in [50, 500] {
        let mut a = sample();
        a.people.clear();
        grow_family(&mut a, n);
        assert_eq!(a.genogram.members.len(), n);
        let placed = layout::layout(&a);
        assert_layout_invariants(&a, &placed);
    }
}

#[test]
fn rendering_uses_the_conventions_and_escapes_words() {
    let (mut a, p, _) = family();
    a.person_mut(&p["Chris"]).unwrap().given_name = "<script>alert(1)</script>".into();
    let view = render::View {
        on: d(2026, 11, 25),
        interactive: true,
        selected: Some(p["ava"].clone()),
        ..Default::default()
    };
    let svg = render::body(&a, &view);
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;"));
    // Ava (the child being assessed, a girl) has a double circle; her age at the date is 11.
    let ava = &svg[svg.find(&format!(r#"data-id="{}""#, p["ava"])).unwrap()..];
    let ava = &ava[..ava.find("</g>").unwrap()];
    assert_eq!(
        ava.matches("<circle").count(),
        3,
        "focus ring and a double outline"
    );
    assert!(ava.contains("> 11</text>"));
    assert!(ava.contains("aria-label=\"Ava Example, b. 2015, 11, child being assessed\""));
    // Arthur has a cross; his age is at death.
    let arthur = &svg[svg.find(&format!(r#"data-id="{}""#, p["Arthur"])).unwrap()..];
    let arthur = &arthur[..arthur.find("</g>").unwrap()];
    assert_eq!(arthur.matches("<line").count(), 2);
    assert!(arthur.contains("> 70</text>") && arthur.contains("b. 1950 – d. 2021"));
    // Divorce: two slashes; adoption: a dashed line; the conflict line zigzags.
    assert!(svg.contains("div."));
    assert!(svg.contains(r#"stroke-dasharray="8 5" data-parentage"#));
    assert!(svg.contains(">conflict</text>"));
    assert!(svg.contains("Mum&#39;s home"));
    let file = render::standalone(&a, d(2026, 11, 25));
    assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(file.contains(">Key</text>") && file.contains("Child: special guardianship"));
    assert!(!file.contains("tabindex"), "exports are not interactive");
    crate::diagram::svg::check_well_formed(&file).unwrap();
    crate::diagram::svg::check_well_formed(&svg).unwrap();
    // Every kind of line and symbol, in the legend, is well formed too.
    crate::diagram::svg::check_well_formed(&format!("<g>{}</g>", render::legend().0)).unwrap();
}

#[test]
fn partnership_words_read_naturally() {
    use render::partnership_words as w;
    assert_eq!(w(PartnershipKind::Married, None, None), "");
    assert_eq!(w(PartnershipKind::Married, d(2010, 1, 1), None), "m. 2010");
    assert_eq!(
        w(PartnershipKind::Divorced, d(2010, 1, 1), d(2019, 1, 1)),
        "m. 2010 div. 2019"
    );
    assert_eq!(w(PartnershipKind::Separated, None, None), "sep.");
    assert_eq!(w(PartnershipKind::Cohabiting, None, None), "lived together");
    assert_eq!(
        PartnershipKind::from_code("civilPartnership"),
        Some(PartnershipKind::CivilPartnership)
    );
    assert_eq!(EmotionalKind::ALL.len(), 9);
    assert!(PersonRole::ALL.len() == 4);
}

#[test]
fn hull_encloses_points_and_households_leave_others_out() {
    let h = crate::diagram::geometry::hull(vec![
        (0.0, 0.0),
        (10.0, 0.0),
        (10.0, 10.0),
        (0.0, 10.0),
        (5.0, 5.0),
    ]);
    assert_eq!(h.len(), 4, "{h:?}");
    assert!(!h.contains(&(5.0, 5.0)));
    // After automatic layout, Dan (who lives apart) is outside the boundary of Mum's home.
    let (mut a, p, _) = family();
    run(&mut a, Command::AutoLayout);
    let svg = render::body(&a, &render::View::default());
    let start = svg.find(r#"<path d="M"#).unwrap();
    let d = &svg[start + 10..svg[start..].find(" Z").unwrap() + start];
    let poly: Vec<(f64, f64)> = d
        .split(" L")
        .map(|pt| {
            let mut it = pt.split(' ').map(|v| v.parse::<f64>().unwrap());
            (it.next().unwrap(), it.next().unwrap())
        })
        .collect();
    let inside = |(x, y): (f64, f64)| {
        let mut c = false;
        for i in 0..poly.len() {
            let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
            if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
                c = !c;
            }
        }
        c
    };
    let at = |n: &str| {
        let m = a.genogram.member(&p[n]).unwrap();
        (f64::from(m.x), f64::from(m.y))
    };
    for n in ["jo", "Chris", "ava", "Leo", "Mia"] {
        assert!(inside(at(n)), "{n} is inside Mum's home");
    }
    assert!(!inside(at("Dan")), "Dan lives apart");
}

#[test]
fn a_household_is_drawn_in_pieces_rather_than_take_in_someone_who_lives_elsewhere() {
    let (mut a, p, _) = family();
    run(&mut a, Command::AutoLayout);
    let paths = |a: &Assessment| {
        let id = &a.genogram.households[0].id;
        render::body(a, &render::View::default())
            .matches(&format!(r#"data-household="{id}""#))
            .count()
    };
    assert_eq!(
        paths(&a),
        1,
        "after automatic layout one outline is enough for Mum's home"
    );
    // Dan (who lives apart) is moved into the middle of Mum's home.
    let at = |a: &Assessment, n: &str| {
        let m = a.genogram.member(&p[n]).unwrap();
        (f64::from(m.x), f64::from(m.y))
    };
    let (jo, ava) = (at(&a, "jo"), at(&a, "ava"));
    let middle = ((jo.0 + ava.0) / 2.0, (jo.1 + ava.1) / 2.0);
    run(
        &mut a,
        Command::Move {
            person: p["Dan"].clone(),
            x: middle.0 as i32,
            y: middle.1 as i32,
        },
    );
    let home: Vec<(f64, f64)> = a.genogram.households[0]
        .members
        .iter()
        .map(|m| {
            let g = a.genogram.member(m).unwrap();
            (f64::from(g.x), f64::from(g.y))
        })
        .collect();
    let dan = at(&a, "Dan");
    assert!(
        crate::diagram::geometry::inside(&crate::diagram::geometry::hull(home.clone()), dan),
        "one outline would take Dan in"
    );
    let pieces = super::outlines::household_outlines(&home, &[dan], 30.0);
    assert!(pieces.len() > 1);
    for piece in &pieces {
        assert!(
            !crate::diagram::geometry::inside(piece, dan),
            "no piece takes Dan in"
        );
    }
    for m in &home {
        assert!(
            pieces
                .iter()
                .any(|piece| crate::diagram::geometry::inside(piece, *m)),
            "everyone at home is inside a piece"
        );
    }
    assert_eq!(paths(&a), pieces.len());
}

#[test]
fn while_dragging_the_still_and_moving_layers_split_the_drawing_exactly() {
    let (a, p, _) = family();
    let jo = a.genogram.member(&p["jo"]).unwrap();
    let view = render::View {
        dragging: Some((p["jo"].clone(), jo.x + 40, jo.y + 10)),
        ..Default::default()
    };
    let all = render::body(&a, &view);
    let still = render::body_layer(&a, &view, render::Layer::Still);
    let moving = render::body_layer(&a, &view, render::Layer::Moving);
    for mark in [
        "data-id=",
        "data-partnership=",
        "data-parentage=",
        "data-household=",
        "data-relationship=",
        "<text",
    ] {
        assert_eq!(
            all.matches(mark).count(),
            still.matches(mark).count() + moving.matches(mark).count(),
            "{mark}"
        );
    }
    assert_eq!(
        moving.matches("data-id=").count(),
        1,
        "only Jo's symbol moves"
    );
    assert_eq!(
        moving.matches("data-partnership=").count(),
        2,
        "both of Jo's partnerships move"
    );
    assert!(
        moving.contains("data-relationship="),
        "the conflict line follows her"
    );
    assert!(!still.contains(&format!(r#"data-id="{}""#, p["jo"])));
    // Without a drag, the still layer is everything.
    let calm = render::View::default();
    assert_eq!(
        render::body_layer(&a, &calm, render::Layer::Still),
        render::body(&a, &calm)
    );
    assert!(render::body_layer(&a, &calm, render::Layer::Moving).is_empty());
}

#[test]
fn emotional_lines_go_round_people_in_the_way() {
    let (a, b) = ((0.0, 0.0), (0.0, 320.0));
    assert_eq!(
        super::outlines::route(a, b, &[(200.0, 160.0)]),
        vec![a, b],
        "nobody in the way"
    );
    let curve = super::outlines::route(a, b, &[(0.0, 160.0), (-130.0, 160.0)]);
    assert!(curve.len() > 2);
    let nearest = curve
        .iter()
        .map(|p| ((p.0 - 0.0f64).powi(2) + (p.1 - 160.0f64).powi(2)).sqrt())
        .fold(f64::MAX, f64::min);
    assert!(
        nearest > render::R + 8.0,
        "clear of the person in between: {nearest}"
    );
    assert!(
        curve.iter().all(|p| p.0 >= -0.01),
        "bends away from the other person nearby"
    );
}

#[test]
fn adding_an_unconnected_person_and_a_sibling_undo_exactly() {
    let (mut a, p, _) = family();
    let loner = fictional(PersonId::from_random([0x51; 4]), "Kim", Gender::Other, None);
    check(
        &mut a,
        Command::AddPerson {
            person: loner.clone(),
            x: 900,
            y: 0,
        },
    );
    assert!(a.genogram.member(&loner.id).is_some() && a.person(&loner.id).is_some());
    let sib = fictional(
        PersonId::from_random([0x52; 4]),
        "Sid",
        Gender::Male,
        d(2019, 1, 1),
    );
    check(
        &mut a,
        Command::AddRelative {
            of: p["ava"].clone(),
            relation: Relation::Sibling,
            person: sib.clone(),
            link: ItemId::from_random([0x53; 4]),
            second: ItemId::from_random([0x54; 4]),
        },
    );
    assert_eq!(
        a.genogram.parents_of(&sib.id),
        a.genogram.parents_of(&p["ava"]),
        "same parents as Ava"
    );
    assert!(
        plan(
            &a,
            &Command::AddPerson {
                person: loner,
                x: 0,
                y: 0
            }
        )
        .is_err(),
        "already in the register"
    );
}

#[test]
fn nobody_can_become_their_own_ancestor() {
    let (a, p, _) = family();
    // Someone's grandparent cannot be put as their child: find a person with a parent, and try
    // to hang that parent from them.
    let Some(child) = a.genogram.parentage.first().map(|l| l.child.clone()) else {
        panic!("the family has children")
    };
    let parent = a.genogram.parents_of(&child)[0].clone();
    let cmd = Command::SetParentage(Parentage {
        id: ItemId::from_random([0x77, 0, 0, 1]),
        child: parent.clone(),
        parents: Parents::Parent {
            person: child.clone(),
        },
        kind: ChildKind::Birth,
        twin: None,
    });
    // The rules refuse it when the workspace makes it, naming who.
    let ops = plan(&a, &cmd).expect("the command plans");
    let mut c = a.clone();
    let refused = crate::workspace::commit(&mut c, |c| drop(apply(c, &ops)))
        .expect_err("a loop is refused")
        .to_string();
    assert!(
        refused.contains("is shown as their own ancestor"),
        "{refused}"
    );
    assert_eq!(c, a);
    // and the rule finds one written by hand
    let mut b = a.clone();
    b.genogram.parentage.retain(|l| l.child != parent);
    b.genogram.parentage.push(Parentage {
        id: ItemId::from_random([0x77, 0, 0, 2]),
        child: parent,
        parents: Parents::Parent { person: child },
        kind: ChildKind::Birth,
        twin: None,
    });
    assert!(crate::model::validity::problems(&b)
        .iter()
        .any(|x| x.reason.contains("own ancestor")));
    // a stored record with a loop is repaired by taking one line off
    let lines = b.genogram.parentage.len();
    let done = crate::model::repair::repair(&mut b);
    assert!(
        done.changes.iter().any(|c| c.contains("own ancestor")),
        "{:?}",
        done.changes
    );
    assert_eq!(b.genogram.parentage.len(), lines - 1);
    assert_eq!(b.genogram.ancestry_loop(), None);
    let _ = p;
}

#[test]
fn a_drawing_too_small_to_read_keeps_every_symbol_and_name_for_screen_readers_but_no_words() {
    let mut a = sample();
    grow_family(&mut a, 40);
    let full = render::View {
        interactive: true,
        ..render::View::default()
    };
    let small = render::View {
        symbols_only: true,
        ..full.clone()
    };
    let (words, symbols) = (render::body(&a, &full), render::body(&a, &small));
    assert!(words.contains("<text"));
    assert!(!symbols.contains("<text"));
    let count = |s: &str, what: &str| s.matches(what).count();
    assert_eq!(count(&symbols, "class=\"g-person\""), 40);
    assert_eq!(count(&symbols, "<rect"), count(&words, "<rect"));
    assert_eq!(count(&symbols, "<circle"), count(&words, "<circle"));
    // Each person's accessible name is the same either way.
    let labels = |s: &str| {
        s.split("aria-label=\"")
            .skip(1)
            .map(|x| x.split('"').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&symbols), labels(&words));
}

#[test]
fn twins_are_a_group_of_their_own_and_only_brothers_and_sisters_can_be_twins() {
    let (mut a, p, _) = family();
    // Two children with the same parents.
    let (x, y) = a
        .genogram
        .parentage
        .iter()
        .find_map(|l| {
            let o = a
                .genogram
                .parentage
                .iter()
                .find(|o| o.parents == l.parents && o.child != l.child)?;
            Some((l.child.clone(), o.child.clone()))
        })
        .expect("the family has brothers or sisters");
    let twins = Command::SetTwin {
        child: x.clone(),
        with: Some(y.clone()),
        identical: true,
    };
    let ops = plan(&a, &twins).unwrap();
    crate::diagram::ops::assert_undoable(&mut a, twins.label(), ops);
    let (tx, ty) = (
        a.genogram.parentage_of(&x).unwrap().twin.unwrap(),
        a.genogram.parentage_of(&y).unwrap().twin.unwrap(),
    );
    assert_eq!(tx, ty);
    assert!(tx.identical);
    let not = Command::SetTwin {
        child: x.clone(),
        with: None,
        identical: false,
    };
    let ops = plan(&a, &not).unwrap();
    apply(&mut a, &ops);
    assert_eq!(a.genogram.parentage_of(&x).unwrap().twin, None);
    // Someone with other parents is refused.
    let other = p.values().find(|q| {
        a.genogram
            .parentage_of(q)
            .is_some_and(|l| Some(&l.parents) != a.genogram.parentage_of(&x).map(|m| &m.parents))
    });
    if let Some(o) = other {
        let cmd = Command::SetTwin {
            child: x,
            with: Some(o.clone()),
            identical: false,
        };
        assert!(plan(&a, &cmd).unwrap_err().0.contains("same parents"));
    }
}
