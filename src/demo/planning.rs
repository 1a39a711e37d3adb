//! The demonstration family's Signs of Safety planning: a harm statement, two danger statements
//! with their safety goals rated by four people at three meetings, and a safety plan agreed
//! with the family and then changed and agreed again at the family group conference, so a
//! trainer can show the whole arc. Written with the same edits the pages use.

use crate::edit::planning::{add_harm, add_pair, add_rule, agree_plan, edit_pair, edit_rule};
use crate::model::safety_plan::{PlanContact, PlanStatus};
use crate::model::scales::{Rater, ScaleValue};
use crate::model::{Assessment, ItemId, PersonId};
use chrono::{Duration, NaiveDate};

fn person(n: u8) -> PersonId {
    PersonId::from_random([0xd0, 0xd0, 0xd0, n])
}

fn counter(stem: u8) -> impl FnMut() -> [u8; 4] {
    let mut n = 0u8;
    move || {
        n += 1;
        [0xd0, 0x9a, stem, n]
    }
}

/// Adds the planning records to the demonstration case.
pub fn write_plan(a: &mut Assessment, today: NaiveDate) {
    let worker = a.lead_worker.clone();
    let start = a.start_date.unwrap_or(today);
    let harm = add_harm(a, Vec::new(), &worker, start, counter(1));
    if let Some(h) = a.planning.harm_mut(&harm) {
        h.what_happened = "Jordan and Casey shouted at and pushed each other when Casey visited. Rowan saw it; Skye was in the next room.".into();
        h.when = "Twice this year: in March and in September; police came both times.".into();
        h.how_serious = "Nobody needed a doctor. Jordan had a bruised arm in September.".into();
        h.impact =
            "Rowan told her teacher she hides under her bed when the shouting starts.".into();
        h.family_words = "Jordan: \"It got out of hand when we argued about money.\"".into();
    }
    let first = add_pair(
        a,
        Vec::new(),
        &worker,
        start,
        counter(2),
        [0xd0, 0x9a, 0x5c, 1],
    );
    edit_pair(a, &first, |p| {
        p.danger.who_is_worried = "Children's social care and Rowan's school are worried".into();
        p.danger.worry =
            "that when Casey visits, Jordan and Casey may shout at and push each other again,"
                .into();
        p.danger.might_happen = "and Rowan and Skye could be hurt if they are caught in it, or go on being frightened at home.".into();
        p.danger.impact =
            "Rowan already hides when adults shout; Skye is too young to get away.".into();
        p.danger.family_words = "Jordan: \"We don't want the kids to see us fighting.\"".into();
        p.danger.dispute = "Casey says the pushing only happened once.".into();
        p.goal.caregivers_will = "Jordan and Casey will only see each other when Morgan or another safe adult is there, and will stop and step away when an argument starts.".into();
        p.goal.child_will_experience =
            "Rowan and Skye will say that nobody shouts or pushes at home.".into();
        p.goal.professionals_will_see =
            "No police call-outs; the school sees Rowan settled.".into();
        p.goal.for_how_long = "Six months, through Christmas and the summer holidays.".into();
        p.goal.family_words = "Morgan: \"I'll be there every time.\"".into();
    });
    let second = add_pair(
        a,
        vec![person(2)],
        &worker,
        start,
        counter(3),
        [0xd0, 0x9a, 0x5c, 2],
    );
    edit_pair(a, &second, |p| {
        p.danger.who_is_worried = "Children's social care is worried".into();
        p.danger.worry =
            "that Casey drinks at weekends before looking after Skye on his own,".into();
        p.danger.might_happen =
            "and Skye, who is four, could be hurt with nobody sober to help him.".into();
        p.danger.impact = "Skye could have an accident or be left on his own.".into();
        p.goal.caregivers_will = "Casey will not drink before or while he looks after Skye, and Morgan will check in at every weekend visit.".into();
        p.goal.child_will_experience =
            "Skye will have a dad who is awake and plays with him.".into();
        p.goal.professionals_will_see = "Morgan's texts each weekend; no missed pick-ups.".into();
        p.goal.for_how_long = "Three months of weekends.".into();
    });
    rate(
        a,
        &first,
        today,
        [
            [2.0, 3.0, 5.0],
            [3.0, 4.0, 5.0],
            [6.0, 7.0, 8.0],
            [5.0, 6.0, 7.0],
        ],
    );
    rate(
        a,
        &second,
        today,
        [
            [3.0, 4.0, 4.0],
            [4.0, 4.0, 5.0],
            [7.0, 7.0, 8.0],
            [6.0, 6.0, 8.0],
        ],
    );

    let rule =
        |a: &mut Assessment, n: u8, answers: Vec<ItemId>, words: [&str; 4], who: Vec<PersonId>| {
            let id = add_rule(a, answers, counter(10 + n));
            edit_rule(a, &id, |r| {
                r.rule = words[0].into();
                r.child_told = words[1].into();
                r.warning_signs = words[2].into();
                r.then = words[3].into();
                r.who = who;
            });
            id
        };
    rule(
        a,
        1,
        vec![first.clone()],
        [
            "Casey only visits when Morgan is there.",
            "Rowan and Skye know Nan comes when Dad visits.",
            "Casey turns up without Morgan, or texts that he is coming round.",
            "Jordan does not open the door and phones Morgan.",
        ],
        vec![person(3), person(5)],
    );
    rule(
        a,
        2,
        vec![first.clone()],
        [
            "When an argument starts, the adults stop and one of them goes outside.",
            "Rowan knows she can go to her room and phone Nan.",
            "Voices getting louder.",
            "Morgan takes the children to the park.",
        ],
        vec![person(3), person(4), person(5)],
    );
    let drink = rule(
        a,
        3,
        vec![second.clone()],
        [
            "Casey does not drink on the days he looks after Skye.",
            "Skye is told Dad and Nan will look after him together.",
            "Casey smells of drink or is late.",
            "Morgan keeps Skye with her and tells the social worker.",
        ],
        vec![person(4), person(5)],
    );
    a.planning.plan.immediate = true;
    a.planning.plan.checked_how = "Sam visits every week and asks Rowan on her own how the weekend went; Alex checks in with Rowan every Monday.".into();
    a.planning.plan.contacts = vec![
        PlanContact {
            id: ItemId::from_random([0xd0, 0x9a, 0xcc, 1]),
            name: "Morgan Demo".into(),
            number: "07700 900123".into(),
        },
        PlanContact {
            id: ItemId::from_random([0xd0, 0x9a, 0xcc, 2]),
            name: "Out of hours social care (fictional)".into(),
            number: "01632 960000".into(),
        },
    ];
    let agreed = today - Duration::days(14);
    let _ = agree_plan(a, agreed, PlanStatus::AgreedWithFamily);
    // At the family group conference the family made the drinking rule firmer and set a later
    // review date.
    edit_rule(a, &drink, |r| {
        r.rule = "Casey does not drink on the days before and during his time with Skye.".into();
    });
    a.planning.plan.review_date = Some(today + Duration::days(14));
    let _ = agree_plan(a, today - Duration::days(4), PlanStatus::AgreedAtConference);
}

/// Four raters (the mother, the father, the grandmother, the social worker) at three meetings.
fn rate(a: &mut Assessment, pair: &ItemId, today: NaiveDate, values: [[f64; 3]; 4]) {
    let Some(sid) = crate::edit::planning::pair_scale(a, pair).map(|s| s.id.clone()) else {
        return;
    };
    let worker = a.lead_worker.replace(" (demonstration)", "");
    let raters = [
        (Some(person(3)), "Jordan Demo".to_owned(), "Mother"),
        (Some(person(4)), "Casey Sampleton".to_owned(), "Father"),
        (
            Some(person(5)),
            "Morgan Demo".to_owned(),
            "Maternal grandmother",
        ),
        (None, worker, "Social worker"),
    ];
    let meetings = [
        (today - Duration::days(21), "Network meeting"),
        (today - Duration::days(14), "First review"),
        (today - Duration::days(4), "Second review"),
    ];
    let reasons = [
        "Morgan being there has made the weekends calm.",
        "We haven't argued once since the plan.",
        "I've been there every time and it's been peaceful.",
        "Good progress; the plan needs to hold through the holidays.",
    ];
    let Some(s) = a.scale_mut(&sid) else { return };
    let ids: Vec<String> = raters
        .iter()
        .enumerate()
        .map(|(i, (person, name, role))| {
            s.add_rater(
                Rater {
                    person: person.clone(),
                    name: name.clone(),
                    role: (*role).into(),
                },
                [0xd0, 0x9a, sid.len() as u8, i as u8],
            )
        })
        .collect();
    for (m, (date, label)) in meetings.iter().enumerate() {
        for (i, id) in ids.iter().enumerate() {
            s.set_value(id, ScaleValue::from_f64(values[i][m]));
            if let Some(mk) = s.marker_mut(id) {
                mk.reason = reasons[i].into();
            }
        }
        s.take_snapshot(*date, label);
    }
}
