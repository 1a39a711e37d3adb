//! Native tests of the summaries.

use super::*;
use crate::exchange::import_json;

fn fixture() -> Assessment {
    import_json(
        include_str!("../../tests/fixtures/assessment-v4.json"),
        crate::exchange::any_profile,
    )
    .unwrap()
    .assessment
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

#[test]
fn the_professional_summary_has_facts_answers_scales_and_chronology() {
    let a = fixture();
    let p = crate::procedure::of(&a).unwrap();
    let html = professional_summary(&a, p, today());
    assert!(html.contains("Child and Family Assessment: Mia Sample, Leo Sample"));
    assert!(html.contains("<h2>Timescales</h2>"));
    assert!(html.contains("Team Manager who approved not using an interpreter"));
    assert!(html.contains("Leo is five and would not separate"));
    assert!(html.contains("<h2>Scales</h2>"));
    assert!(html.contains("<svg"), "the history chart is included");
    assert!(html.contains("Police called to a domestic incident"));
    // typed markup stays text
    let mut b = a.clone();
    b.people[3].relationship = "Father <img src=x onerror=alert(1)>".into();
    let html = professional_summary(&b, p, today());
    assert!(html.contains("Father &lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img"));
}

#[test]
fn the_family_summary_uses_plain_words_and_the_scale() {
    let mut a = fixture();
    a.answers.insert(
        "dangerStatements".into(),
        Answer::Text("We worry the children could be hurt <b>when</b> there is shouting.".into()),
    );
    a.answers.insert(
        "existingStrengths".into(),
        Answer::Text("Mum gets the children to school every day.".into()),
    );
    a.answers
        .insert("nextSteps".into(), Answer::Text("A family meeting.".into()));
    let p = crate::procedure::of(&a).unwrap();
    let html = family_summary(&a, p, today(), &Reader::Family);
    assert!(html.contains("What we found: a summary for the family of Mia and Leo Sample"));
    assert!(html.contains("<h2>What we are worried about</h2>"));
    assert!(html.contains("hurt &lt;b&gt;when&lt;/b&gt; there is shouting"));
    assert!(
        html.contains("<li>Domestic abuse between the parents</li>"),
        "each worry, in a word"
    );
    assert!(html.contains("<h2>What is working well</h2>"));
    assert!(html.contains("<h2>What needs to happen</h2>"));
    assert!(html.contains("<h2>How safe things are now</h2>"));
    assert!(html.contains(
        "Dana Sample (Mother)</strong>, 7 out of 10: “We&#39;ve sorted out the arguments.”"
    ));
    assert!(
        !html.contains("Police record"),
        "professional detail stays out"
    );
}

#[test]
fn the_reasons_for_the_decision_are_in_both_summaries() {
    let mut a = fixture();
    let why = "Mum and Dad have kept to the plan & the children say they feel safe.";
    a.answers
        .insert("decisionReasons".into(), Answer::Text(why.into()));
    let p = crate::procedure::of(&a).unwrap();
    let family = family_summary(&a, p, today(), &Reader::Family);
    assert!(family.contains("<h2>Why we decided this</h2><p>Mum and Dad have kept to the plan &amp; the children say they feel safe.</p>"));
    let professional = professional_summary(&a, p, today());
    assert!(professional.contains("The reasons for this decision"));
    assert!(professional.contains("kept to the plan &amp; the children"));
}

#[test]
fn a_saved_file_is_self_contained() {
    let html = standalone_html("Summary <1>", "<p>Body</p>");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Summary &lt;1&gt;</title>"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("@page { size: A4"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("http://") && !html.contains("https://"));
}

#[test]
fn the_summaries_include_the_genogram_network_map_and_safety_network() {
    let a = fixture();
    let p = crate::procedure::of(&a).unwrap();
    let html = professional_summary(&a, p, today());
    assert!(html.contains("<h2>Genogram</h2>"));
    assert!(html.contains("<title>Genogram: Mia Sample, Leo Sample</title>"));
    assert!(html.contains("<h2>Family network map</h2>"));
    assert!(html.contains("Fictional Primary School"));
    assert!(html.contains("<strong>Dana Sample</strong> (Mother): Keeps the children&#39;s routine the same at weekends"), "{}", &html[html.find("Safety network</h2>").unwrap()..]);
    let family = family_summary(&a, p, today(), &Reader::Family);
    assert!(family.contains("Who will help keep the children safe"));
    assert!(family.contains("Dana Sample"));
    let mut none = a.clone();
    none.network.members.clear();
    none.genogram = Default::default();
    let html = professional_summary(&none, p, today());
    assert!(!html.contains("<h2>Genogram</h2>") && !html.contains("Safety network</h2>"));
}

#[test]
fn both_summaries_carry_the_statements_goals_trajectory_and_agreed_plan() {
    let a = crate::edit::register::tests::demo_case();
    let profile = crate::procedure::of(&a).unwrap();
    let pro = professional_summary(&a, profile, today());
    for words in [
        "<h2>Harm statements</h2>",
        "<h2>Danger statements and safety goals</h2>",
        "that Casey drinks at weekends before looking after Skye on his own,",
        "Six months, through Christmas and the summer holidays.",
        "Casey says the pushing only happened once.",
        "<h2>Safety plan</h2>",
        "Casey only visits when Morgan is there.",
        "What changed from version 1:",
        "The rule changed from",
        "Morgan Demo (Maternal grandmother) moved up",
    ] {
        assert!(
            pro.contains(&words.replace('\'', "&#39;")),
            "professional summary lacks {words}"
        );
    }
    // each danger statement's scale once, with its trajectory chart
    assert_eq!(
        pro.matches("Danger statement 1 and its safety goal")
            .count(),
        1
    );
    assert!(pro.matches("<figure class=\"chart\">").count() >= 4);
    let fam = family_summary(&a, profile, today(), &Reader::Family);
    for words in [
        "What we are worried about, and what we want to see",
        "Jordan: &quot;We don&#39;t want the kids to see us fighting.&quot;",
        "Morgan: &quot;I&#39;ll be there every time.&quot;",
        "The safety plan we agreed",
        "Agreed at the family group conference",
        "Casey does not drink on the days before and during his time with Skye.",
    ] {
        assert!(fam.contains(words), "family summary lacks {words}:\n{fam}");
    }
    // the family reads the last agreed words, not a draft
    let mut changed = a.clone();
    let rule = changed.planning.plan.rules[0].id.clone();
    crate::edit::planning::edit_rule(&mut changed, &rule, |r| r.rule = "Draft words".into());
    assert!(!family_summary(&changed, profile, today(), &Reader::Family).contains("Draft words"));
    assert!(professional_summary(&changed, profile, today()).contains("Draft words"));
}

#[test]
fn the_child_s_tools_are_in_the_professional_summary_and_in_the_family_s_only_where_chosen() {
    let a = import_json(
        include_str!("../../tests/fixtures/assessment-v7.json"),
        crate::exchange::any_profile,
    )
    .unwrap()
    .assessment;
    let p = crate::procedure::of(&a).unwrap();
    let html = professional_summary(&a, p, today());
    assert!(html.contains("<h2>The child&#39;s own tools</h2>"));
    assert!(html.contains("Mia Sample&#39;s Three Houses, started"));
    for house in [
        "House of worries",
        "House of good things",
        "House of dreams",
    ] {
        assert!(
            html.contains(&format!("<figcaption>{house}</figcaption>")),
            "{house}"
        );
    }
    assert!(html.contains(
        "\u{201c}Nan takes me to the park.\u{201d}</p><footer>In Mia Sample's own words"
    ));
    assert!(html.contains("<dt>Seen alone</dt><dd>Yes</dd>"));
    assert!(html.contains("<dt>Inside the house</dt><dd>Rose</dd>"));
    assert!(html.contains("<dt>The rules on the roof</dt><dd>No shouting</dd>"));
    assert!(html.contains("put themselves at 7 of 10"));
    assert!(html.contains("The wording of version 2 was agreed with the family."));
    assert!(html.contains("Mum and Dad, 2 December 2026"));
    // The family sees the Three Houses (chosen for them) and nothing else of the tools.
    let family = family_summary(&a, p, today(), &Reader::Family);
    assert!(family.contains("Mia Sample&#39;s Three Houses"));
    assert!(!family.contains("Safety House"));
    assert!(
        !family.contains("At school, in the library"),
        "the worker's notes stay in the record"
    );
    let mut b = a.clone();
    b.child_tools
        .iter_mut()
        .for_each(|t| t.in_family_summary = false);
    assert!(!family_summary(&b, p, today(), &Reader::Family).contains("What the children drew"));
    // The child reads the agreed story once it is chosen for the family.
    let mia = a.children().next().unwrap().id.clone();
    b.child_tools[2].in_family_summary = true;
    let theirs = family_summary(&b, p, today(), &Reader::Child(mia));
    assert!(theirs.contains("<h2>Your story</h2>"));
    assert!(theirs.contains("Sometimes Mum and Dad shouted at night, and that was scary."));
    assert!(
        !theirs.contains("Sometimes grown-ups argue loudly"),
        "not the older wording"
    );
}
