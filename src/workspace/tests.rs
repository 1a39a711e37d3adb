use super::*;
use crate::edit::case::tests::{at, day, ready};
use crate::edit::planning::{add_harm, add_rule, remove_harm};
use crate::edit::register::remove_person;
use crate::edit::register::tests::demo_case;
use crate::model::Answer;

type Edit = Box<dyn FnOnce(&mut Assessment)>;

fn later(minutes: i64) -> DateTime<Utc> {
    at() + chrono::Duration::minutes(minutes)
}

/// The document without its change time, which every change (an undo too) moves.
fn parts(a: &Assessment) -> Assessment {
    let mut a = a.clone();
    a.updated_at = a.created_at;
    a
}

#[test]
fn undo_and_redo_put_back_exactly_what_each_kind_of_change_replaced() {
    let mut w = Workspace::new(demo_case());
    let mut states = vec![parts(w.doc())];
    let someone = w.doc().people[3].id.clone();
    let mut n = 0u32;
    let mut fresh = move || {
        n += 1;
        n.to_be_bytes()
    };
    let changes: Vec<(&str, Edit)> = vec![
        (
            "change the lead worker",
            Box::new(|a| a.lead_worker = "Robin Fictional".into()),
        ),
        (
            "remove a person",
            Box::new(move |a| drop(remove_person(a, &someone))),
        ),
        (
            "answer a question",
            Box::new(|a| drop(a.answers.insert("q-new".into(), Answer::Text("Yes".into())))),
        ),
        (
            "add an event",
            Box::new(|a| drop(a.add_event([4, 4, 4, 4]))),
        ),
        (
            "change the event",
            Box::new(|a| a.chronology[0].what = "Seen at school".into()),
        ),
        (
            "remove the event",
            Box::new(|a| drop(a.chronology.remove(0))),
        ),
        (
            "add a harm statement",
            Box::new(move |a| drop(add_harm(a, Vec::new(), "Sam", day(25), &mut fresh))),
        ),
        ("move a scale", Box::new(|a| a.scales.swap(0, 1))),
        (
            "mark a section complete",
            Box::new(|a| {
                a.completed_sections.insert("s-1".into());
            }),
        ),
    ];
    for (i, (label, f)) in changes.into_iter().enumerate() {
        w.apply(Change::named(label).on("/page"), later(i as i64), f)
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_ne!(
            parts(w.doc()),
            *states.last().unwrap(),
            "{label} changed something"
        );
        assert_eq!(w.doc().updated_at, later(i as i64));
        states.push(parts(w.doc()));
    }
    // Back to the start, one step at a time, each exactly as it was.
    for i in (0..states.len() - 1).rev() {
        let done = w.undo(later(100)).unwrap().expect("a step to undo");
        assert_eq!(parts(w.doc()), states[i], "undo of {}", done.label);
        assert_eq!(done.place, "/page");
    }
    assert_eq!(w.undo(later(101)).unwrap(), None);
    // And forward again.
    for (i, state) in states.iter().enumerate().skip(1) {
        w.redo(later(102)).unwrap().expect("a step to redo");
        assert_eq!(parts(w.doc()), *state, "redo {i}");
    }
    assert_eq!(w.redo(later(103)).unwrap(), None);
}

#[test]
fn typing_in_one_field_is_one_step_that_keeps_one_earlier_value() {
    let mut w = Workspace::new(demo_case());
    let start = parts(w.doc());
    for (i, typed) in ["R", "Ro", "Rob", "Robi", "Robin"].into_iter().enumerate() {
        w.apply(
            Change::typing("change the answer", "q-1"),
            later(i as i64),
            |a| drop(a.answers.insert("q-1".into(), Answer::Text(typed.into()))),
        )
        .unwrap();
    }
    // Another field is another step.
    w.apply(
        Change::typing("change the lead worker", "lead"),
        later(9),
        |a| a.lead_worker = "Sam".into(),
    )
    .unwrap();
    assert_eq!(w.history().depth(), 2);
    assert_eq!(w.history().undo_label(), Some("change the lead worker"));
    w.undo(later(10)).unwrap();
    assert_eq!(w.history().undo_label(), Some("change the answer"));
    w.undo(later(11)).unwrap();
    assert_eq!(parts(w.doc()), start, "five keystrokes, one undo");
    w.redo(later(12)).unwrap();
    assert_eq!(
        w.doc().answers.get("q-1"),
        Some(&Answer::Text("Robin".into()))
    );
}

#[test]
fn the_merged_patch_of_typing_holds_one_piece_not_one_a_keystroke() {
    let a = demo_case();
    let mut b = a.clone();
    b.answers.insert("q-1".into(), Answer::Text("R".into()));
    let mut c = b.clone();
    c.answers.insert("q-1".into(), Answer::Text("Ro".into()));
    let merged = patch::Patch::between(a.clone(), &b).then(patch::Patch::between(b, &c));
    assert_eq!(merged.len(), 1);
    let mut d = c.clone();
    merged.swap_into(&mut d);
    assert_eq!(d, a);
}

#[test]
fn a_refused_change_changes_nothing_and_is_no_step() {
    let mut w = Workspace::new(demo_case());
    let before = w.doc().clone();
    let refused = w
        .apply(Change::named("add a copy"), later(1), |a| {
            let copy = a.people[0].clone();
            a.people.push(copy)
        })
        .unwrap_err();
    assert!(matches!(refused, Refused::Invalid(_)), "{refused:?}");
    assert_eq!(*w.doc(), before);
    assert_eq!(w.history().depth(), 0);
    // A change that changes nothing moves the change time (to save a repair) but is no step.
    w.apply(Change::named("save"), later(2), |_| {}).unwrap();
    assert_eq!(w.history().depth(), 0);
    assert_eq!(w.doc().updated_at, later(2));
}

#[test]
fn authorising_starts_the_history_afresh_and_nothing_locked_can_change() {
    let mut w = Workspace::new(ready());
    let profile = crate::procedure::of(w.doc()).unwrap();
    w.apply(Change::named("complete"), later(1), |a| {
        crate::edit::case::complete(a, profile, "Sam", day(25)).unwrap()
    })
    .unwrap();
    assert_eq!(w.history().depth(), 1);
    w.apply(Change::named("authorise"), later(2), |a| {
        crate::edit::case::authorise(a, profile, "Pat", "", day(26), at()).unwrap()
    })
    .unwrap();
    assert_eq!(
        w.history().depth(),
        0,
        "undo cannot reach back over the authorisation"
    );
    assert_eq!(w.undo(later(3)).unwrap(), None);
    let before = w.doc().clone();
    assert_eq!(
        w.apply(Change::named("lead worker"), later(4), |a| a.lead_worker =
            "X".into()),
        Err(Refused::Locked)
    );
    assert_eq!(*w.doc(), before);
}

#[test]
fn the_child_s_board_undoes_only_its_own_steps() {
    let mut w = Workspace::new(demo_case());
    let mut n = 0u32;
    let mut fresh = || {
        n += 1;
        n.to_be_bytes()
    };
    w.apply(Change::named("add a rule"), later(1), |a| {
        drop(add_rule(a, Vec::new(), &mut fresh))
    })
    .unwrap();
    assert_eq!(
        w.undo_within("board:t-1", later(2)).unwrap(),
        None,
        "the worker's step is not the child's"
    );
    assert_eq!(w.history().depth(), 1);
    w.apply(
        Change::named("draw a line").within("board:t-1"),
        later(3),
        |a| a.lead_worker.push('!'),
    )
    .unwrap();
    assert_eq!(
        w.undo_within("board:t-1", later(4))
            .unwrap()
            .map(|d| d.label),
        Some("draw a line".into())
    );
    assert_eq!(w.undo_within("board:t-1", later(5)).unwrap(), None);
    assert_eq!(w.history().undo_label(), Some("add a rule"));
}

#[test]
fn a_replaced_document_starts_the_history_afresh_and_a_new_change_drops_what_could_be_redone() {
    let mut w = Workspace::new(demo_case());
    let mut n = 0u32;
    let mut fresh = || {
        n += 1;
        n.to_be_bytes()
    };
    let id = w
        .apply(Change::named("add a harm statement"), later(1), |a| {
            add_harm(a, Vec::new(), "Sam", day(25), &mut fresh)
        })
        .unwrap();
    w.apply(Change::named("remove harm statement"), later(2), |a| {
        remove_harm(a, &id)
    })
    .unwrap();
    w.undo(later(3)).unwrap();
    assert_eq!(w.history().redo_label(), Some("remove harm statement"));
    w.apply(Change::named("lead"), later(4), |a| {
        a.lead_worker = "Sam".into()
    })
    .unwrap();
    assert_eq!(w.history().redo_label(), None);
    w.replace(demo_case());
    assert_eq!(w.history().depth(), 0);
    assert_eq!(w.history().undo_label(), None);
}

#[test]
#[should_panic(expected = "said it touches")]
fn a_change_that_touches_more_than_it_says_is_caught_in_every_test() {
    let mut w = Workspace::new(demo_case());
    let _ = w.apply(Change::answering("answer", "q"), later(1), |a| {
        a.lead_worker = "Someone else".into()
    });
}

#[test]
fn a_change_that_says_what_it_touches_undoes_exactly() {
    let mut w = Workspace::new(demo_case());
    let start = parts(w.doc());
    for typed in ["W", "Wo", "Wor"] {
        w.apply(Change::answering("answer", "q-9"), later(1), |a| {
            crate::edit::answers::set_answer(a, "q-9", Some(Answer::Text(typed.into())))
        })
        .unwrap();
    }
    assert_eq!(w.history().depth(), 1);
    w.undo(later(2)).unwrap();
    assert_eq!(parts(w.doc()), start);
}

#[test]
fn the_dates_are_checked_whenever_they_change_and_an_old_mismatch_blocks_nothing_else() {
    let mut w = Workspace::new(demo_case());
    let referral = w
        .doc()
        .referral_date
        .expect("the demonstration case has one");
    let refused = w
        .apply(Change::named("change the start date"), later(1), |a| {
            a.start_date = referral.pred_opt()
        })
        .unwrap_err();
    assert!(refused
        .to_string()
        .starts_with(crate::model::dates::START_AFTER_REFERRAL));
    assert_ne!(w.doc().start_date, referral.pred_opt());
    // A document saved with the dates the wrong way round (before this rule) still opens and
    // its other fields change; putting the dates right is allowed.
    let mut old = demo_case();
    old.start_date = referral.pred_opt();
    let mut w = Workspace::new(old);
    w.apply(Change::named("lead"), later(2), |a| {
        a.lead_worker = "Sam".into()
    })
    .unwrap();
    w.apply(Change::named("start"), later(3), |a| {
        a.start_date = Some(referral)
    })
    .unwrap();
}

#[test]
fn a_carried_history_is_taken_only_on_the_version_it_was_made_on() {
    let mut w = Workspace::new(demo_case());
    w.apply(Change::named("change the lead worker"), at(), |a| {
        a.lead_worker = "Robin Fictional".into()
    })
    .unwrap();
    let id = w.doc().id.to_string();
    let text = carry(&id, 7, w.history());
    assert_eq!(carried_history(&text, &id, 7).as_ref(), Some(w.history()));
    // Another version of the assessment, another assessment, or anything else: nothing.
    assert_eq!(carried_history(&text, &id, 8), None);
    assert_eq!(carried_history(&text, "a-0000000000000000", 7), None);
    assert_eq!(carried_history("{\"id\": 1}", &id, 7), None);
    // Going on with it, Undo puts back what the step replaced.
    let before = demo_case().lead_worker;
    let mut resumed = Workspace::resume(w.doc().clone(), carried_history(&text, &id, 7).unwrap());
    resumed.undo(later(1)).unwrap();
    assert_eq!(resumed.doc().lead_worker, before);
}
