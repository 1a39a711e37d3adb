use super::*;
use crate::edit::register::tests::demo_case;
use crate::model::family_group::{ExceptionKind, OrderKind};
use crate::model::validity::problems;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn item(n: u8) -> ItemId {
    ItemId::from_random([0xf0, 0, 0, n])
}

fn adults(a: &Assessment) -> Vec<PersonId> {
    a.people
        .iter()
        .filter(|p| p.role == PersonRole::FamilyMember)
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn offers_in_the_letter_take_its_date_and_answers_follow_the_offer() {
    let mut a = demo_case();
    a.family_group = Default::default();
    let people = adults(&a);
    set_letter(&mut a, Some(day(1)));
    add_offer(
        &mut a,
        item(1),
        people[0].clone(),
        OfferedHow::LetterBeforeProceedings,
        day(5),
        "",
    );
    add_offer(
        &mut a,
        item(2),
        people[1].clone(),
        OfferedHow::Otherwise,
        day(3),
        " At a home visit ",
    );
    assert_eq!(
        a.family_group.offers[0].offered_on,
        day(1),
        "the letter's date, not the day typed"
    );
    assert_eq!(a.family_group.offers[1].how_words, "At a home visit");
    assert!(problems(&a).is_empty(), "{:?}", problems(&a));
    // the letter redated: its offers move with it
    set_letter(&mut a, Some(day(2)));
    assert_eq!(a.family_group.offers[0].offered_on, day(2));
    assert_eq!(a.family_group.offers[1].offered_on, day(3));
    answer_offer(
        &mut a,
        &item(1),
        OfferAnswer::Accepted,
        Some(day(4)),
        "Yes, my mum and sister will come.",
    );
    answer_offer(&mut a, &item(2), OfferAnswer::Declined, Some(day(4)), "");
    assert!(problems(&a).is_empty());
    assert!(a.family_group.accepted());
    // no answer yet clears the date
    answer_offer(&mut a, &item(2), OfferAnswer::NoAnswerYet, Some(day(4)), "");
    assert_eq!(a.family_group.offers[1].answered_on, None);

    // what the rules refuse
    let mut b = a.clone();
    answer_offer(&mut b, &item(1), OfferAnswer::Accepted, Some(day(1)), "");
    assert!(problems(&b)
        .iter()
        .any(|p| p.path == "familyGroup.offers[0].answeredOn"));
    let mut b = a.clone();
    answer_offer(&mut b, &item(1), OfferAnswer::Declined, None, "");
    assert!(problems(&b)
        .iter()
        .any(|p| p.path == "familyGroup.offers[0].answeredOn"));
    // an offer in the letter dated otherwise is refused
    let mut b = a.clone();
    b.family_group.offers[0].offered_on = day(3);
    assert!(problems(&b)
        .iter()
        .any(|p| p.path == "familyGroup.offers[0].offeredOn"));
    let mut b = a.clone();
    add_offer(
        &mut b,
        item(3),
        people[0].clone(),
        OfferedHow::Otherwise,
        day(3),
        "again",
    );
    assert!(problems(&b)
        .iter()
        .any(|p| p.reason.contains("recorded twice")));
    let mut b = a.clone();
    set_exception(
        &mut b,
        Some(Exception {
            kind: ExceptionKind::NotHeld,
            reasons: " ".into(),
            agreed_by: String::new(),
            on: day(2),
        }),
    );
    assert_eq!(problems(&b).len(), 2);
}

#[test]
fn a_meeting_invites_from_the_register_and_only_those_invited_come() {
    let mut a = demo_case();
    a.family_group = Default::default();
    let suggested = suggested_invitees(&a);
    // the safety network comes first, and nobody is suggested twice or is a professional
    let first_why = suggested.iter().map(|(_, w)| *w).find(|w| !w.is_empty());
    assert_eq!(first_why, Some("In the safety network"));
    let ids: Vec<&PersonId> = suggested.iter().map(|(p, _)| p).collect();
    assert_eq!(
        ids.len(),
        ids.iter().collect::<std::collections::HashSet<_>>().len()
    );
    assert!(ids
        .iter()
        .all(|id| a.person(id).unwrap().role != PersonRole::Professional));

    add_meeting(&mut a, item(9));
    let m = item(9);
    for (p, _) in suggested.iter().take(3) {
        set_invited(&mut a, &m, p, true);
    }
    set_came(&mut a, &m, &suggested[0].0, true);
    let outsider = a
        .people
        .iter()
        .find(|p| p.role == PersonRole::Professional)
        .unwrap()
        .id
        .clone();
    set_came(&mut a, &m, &outsider, true);
    let meeting = &a.family_group.meetings[0];
    assert_eq!(
        meeting.came,
        vec![suggested[0].0.clone()],
        "only someone invited can come"
    );
    // taking the invitation back takes the coming with it
    set_invited(&mut a, &m, &suggested[0].0, false);
    assert!(a.family_group.meetings[0].came.is_empty());
    update_meeting(&mut a, &m, |x| {
        x.referred_on = Some(day(5));
        x.date = Some(day(4));
    });
    assert!(problems(&a)
        .iter()
        .any(|p| p.path == "familyGroup.meetings[0].date"));
}

#[test]
fn the_family_s_plan_becomes_safety_plan_rules_and_is_kept_in_agreed_versions() {
    let mut a = demo_case();
    a.family_group = Default::default();
    let people = adults(&a);
    let m = item(9);
    add_meeting(&mut a, m.clone());
    add_point(&mut a, &m, item(1));
    add_point(&mut a, &m, item(2));
    update_point(&mut a, &m, &item(1), |p| {
        p.words = "Grandma collects the children from school".into();
        p.who = vec![people[0].clone()];
        p.when = "Every weekday".into();
    });
    update_point(&mut a, &m, &item(2), |p| {
        p.words = "No drinking when the children are home".into()
    });
    update_meeting(&mut a, &m, |x| {
        x.plan.where_child_lives = "At home with Mum".into()
    });
    let rules_before = a.planning.plan.rules.len();
    assert!(point_to_rule(&mut a, &m, &item(1), item(21)));
    assert!(!point_to_rule(&mut a, &m, &item(1), item(22)), "once only");
    let rule = a.planning.plan.rules.last().unwrap();
    assert_eq!(
        rule.rule,
        "Grandma collects the children from school (Every weekday)"
    );
    assert_eq!(
        rule.who,
        vec![people[0].clone()],
        "the people named are kept"
    );
    assert_eq!(a.planning.plan.rules.len(), rules_before + 1);
    assert!(problems(&a).is_empty(), "{:?}", problems(&a));

    // no response yet: nothing to agree
    assert_eq!(agree_version(&mut a, &m, day(10)), None);
    update_meeting(&mut a, &m, |x| {
        x.response = Some(Response::AgreedWithChanges)
    });
    assert_eq!(agree_version(&mut a, &m, day(10)), Some(1));
    let name = a.person(&people[0]).unwrap().display_name();
    let v1 = a.family_group.meetings[0].versions[0].clone();
    assert_eq!(
        v1.points[0],
        format!("Grandma collects the children from school ({name}; Every weekday)")
    );
    // changed and agreed again: the differences in words
    remove_point(&mut a, &m, &item(2));
    update_meeting(&mut a, &m, |x| {
        x.plan.contact = "Dad sees the children on Saturdays at Grandma's".into();
        x.response = Some(Response::Agreed);
    });
    assert_eq!(agree_version(&mut a, &m, day(24)), Some(2));
    let v2 = &a.family_group.meetings[0].versions[1];
    let d = differences(&v1, v2);
    assert!(
        d.contains(&"Taken out: No drinking when the children are home".to_owned()),
        "{d:?}"
    );
    assert!(d.iter().any(|x| x.starts_with("Contact: was \"\"")));
    assert!(d
        .iter()
        .any(|x| x.contains("was agreed with changes, now agreed")));
    assert!(problems(&a).is_empty());
}

#[test]
fn removing_or_merging_a_person_keeps_the_record_whole() {
    let mut a = demo_case();
    a.family_group = Default::default();
    let people = adults(&a);
    set_letter(&mut a, Some(day(1)));
    add_offer(
        &mut a,
        item(1),
        people[0].clone(),
        OfferedHow::LetterBeforeProceedings,
        day(1),
        "",
    );
    add_offer(
        &mut a,
        item(2),
        people[1].clone(),
        OfferedHow::LetterBeforeProceedings,
        day(1),
        "",
    );
    let m = item(9);
    add_meeting(&mut a, m.clone());
    set_invited(&mut a, &m, &people[0], true);
    set_invited(&mut a, &m, &people[1], true);
    set_came(&mut a, &m, &people[1], true);
    add_point(&mut a, &m, item(3));
    update_point(&mut a, &m, &item(3), |p| p.who = people[..2].to_vec());
    let mut b = a.clone();
    crate::edit::register::remove_person(&mut b, &people[1]);
    assert!(problems(&b).is_empty(), "{:?}", problems(&b));
    assert_eq!(b.family_group.offers.len(), 1);
    assert!(b.family_group.meetings[0].came.is_empty());
    // a second record of the first person, offered and invited too, merged into the first:
    // one offer, one invitation, one name in the point
    let mut c = a.clone();
    let twin = PersonId::from_random([0xee; 4]);
    let mut copy = c.person(&people[0]).unwrap().clone();
    copy.id = twin.clone();
    c.people.push(copy);
    c.family_group.offers.retain(|o| o.person == people[0]);
    add_offer(
        &mut c,
        item(4),
        twin.clone(),
        OfferedHow::LetterBeforeProceedings,
        day(1),
        "",
    );
    set_invited(&mut c, &m, &people[1], false);
    set_invited(&mut c, &m, &twin, true);
    update_point(&mut c, &m, &item(3), |p| {
        p.who = vec![people[0].clone(), twin.clone()]
    });
    assert!(problems(&c).is_empty(), "{:?}", problems(&c));
    crate::edit::merge::merge(&mut c, &people[0], &twin, &[]).unwrap();
    assert!(problems(&c).is_empty(), "{:?}", problems(&c));
    assert_eq!(c.family_group.offers.len(), 1);
    assert_eq!(c.family_group.meetings[0].invited, vec![people[0].clone()]);
    assert_eq!(
        c.family_group.meetings[0].plan.points[0].who,
        vec![people[0].clone()]
    );
    let _ = (
        OrderKind::Care,
        Application {
            order: OrderKind::Care,
            on: day(1),
        },
    );
}

#[test]
fn removing_someone_says_first_what_goes_from_the_family_group_record() {
    let mut a = demo_case();
    let parent = a.family_group.offers[0].person.clone();
    let words = crate::edit::register::impact(&a, &parent, crate::edit::register::Change::Remove);
    assert!(
        words
            .iter()
            .any(|w| w.starts_with("The offer of a family group decision-making meeting made to")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|w| w.contains("family meeting")),
        "{words:?}"
    );
    crate::edit::register::remove_person(&mut a, &parent);
    assert!(problems(&a).is_empty());
    assert!(a.family_group.offer_to(&parent).is_none());
}

#[test]
fn clearing_the_letter_keeps_its_offers_an_empty_point_makes_no_rule_and_a_merge_keeps_the_answer()
{
    let mut a = demo_case();
    let offered: Vec<PersonId> = a
        .family_group
        .offers
        .iter()
        .map(|o| o.person.clone())
        .collect();
    set_letter(&mut a, None);
    assert!(problems(&a).is_empty(), "{:?}", problems(&a));
    assert_eq!(a.family_group.offers.len(), offered.len());
    assert!(a
        .family_group
        .offers
        .iter()
        .all(|o| o.how == OfferedHow::Otherwise));

    let m = a.family_group.meetings[0].id.clone();
    add_point(&mut a, &m, item(77));
    assert!(
        !point_to_rule(&mut a, &m, &item(77), item(78)),
        "no words, no rule"
    );

    // a second record of the parent who declined, with an accepted offer, merged into the first
    let declined = a
        .family_group
        .offers
        .iter()
        .find(|o| o.answer == OfferAnswer::Declined)
        .unwrap()
        .person
        .clone();
    let twin = PersonId::from_random([0xed; 4]);
    let mut copy = a.person(&declined).unwrap().clone();
    copy.id = twin.clone();
    a.people.push(copy);
    add_offer(
        &mut a,
        item(79),
        twin.clone(),
        OfferedHow::Otherwise,
        day(1),
        "",
    );
    answer_offer(
        &mut a,
        &item(79),
        OfferAnswer::Accepted,
        Some(day(2)),
        "Yes after all",
    );
    crate::edit::merge::merge(&mut a, &declined, &twin, &[]).unwrap();
    let kept = a.family_group.offer_to(&declined).unwrap();
    assert_eq!(
        (kept.answer, kept.their_words.as_str()),
        (OfferAnswer::Accepted, "Yes after all")
    );
    assert!(problems(&a).is_empty());
}

#[test]
fn a_copy_for_a_reader_leaves_out_the_exception_s_reasons_and_other_people_s_words() {
    use crate::model::marks::Reader;
    let mut a = demo_case();
    set_exception(
        &mut a,
        Some(Exception {
            kind: ExceptionKind::NotHeld,
            reasons: "Dad threatened Grandma.".into(),
            agreed_by: "Manager".into(),
            on: day(1),
        }),
    );
    let first = a.family_group.offers[0].person.clone();
    let second = a.family_group.offers[1].person.clone();
    let family = crate::views::for_reader::for_reader(&a, &Reader::Family);
    assert!(problems(&family).is_empty());
    assert!(!family
        .family_group
        .exception
        .as_ref()
        .unwrap()
        .reasons
        .contains("threatened"));
    assert!(family
        .family_group
        .offers
        .iter()
        .all(|o| o.their_words.is_empty()));
    let mine = crate::views::for_reader::for_reader(&a, &Reader::Person(first.clone()));
    assert!(!mine
        .family_group
        .offer_to(&first)
        .unwrap()
        .their_words
        .is_empty());
    assert!(mine
        .family_group
        .offer_to(&second)
        .unwrap()
        .their_words
        .is_empty());
    let all = crate::views::for_reader::for_reader(&a, &Reader::Professional);
    assert!(all
        .family_group
        .exception
        .unwrap()
        .reasons
        .contains("threatened"));
}

#[test]
fn the_lists_a_page_sets_keep_who_came_among_those_invited_and_the_children_among_the_children() {
    let mut a = demo_case();
    let m = a.family_group.meetings[0].id.clone();
    let adults = adults(&a);
    let kids: Vec<PersonId> = a.children().map(|c| c.id.clone()).collect();
    set_invited_list(&mut a, &m, &adults[..2]);
    set_came_list(&mut a, &m, &adults);
    let meeting = &a.family_group.meetings[0];
    assert_eq!(meeting.invited, adults[..2].to_vec());
    assert_eq!(meeting.came, adults[..2].to_vec(), "only those invited");
    set_invited_list(&mut a, &m, &adults[..1]);
    assert_eq!(a.family_group.meetings[0].came, adults[..1].to_vec());
    let mut want = kids.clone();
    want.push(adults[0].clone());
    set_children_came_list(&mut a, &m, &want);
    assert_eq!(
        a.family_group.meetings[0].children_came, kids,
        "only the children"
    );
    assert!(problems(&a).is_empty());
}
