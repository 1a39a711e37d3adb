//! The safety plan: rules (each answering danger statements, with the people who make sure it
//! is kept, what the children are told, the warning signs and what happens then), contacts,
//! how it is checked and when it is reviewed; agreeing it keeps a version, and the differences
//! from the last agreed version are shown in words.

use crate::edit::planning::{
    add_contact, add_rule, agree_plan, edit_rule, plan_status, remove_contact, remove_rule,
    written_version,
};
use crate::flow::writing_help::rule_help;
use crate::model::network::Who;
use crate::model::safety_plan::{differences, Difference, PlanRule, PlanStatus, PlanVersion};
use crate::model::{ItemId, PersonId, PersonRole};
use crate::ui::platform::{long_date, random_bytes, today};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{
    Checkbox, CheckboxGroup, Choice, DateField, RadioGroup, TextArea, TextField,
};
use crate::ui::widgets::hints::Hints;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The page at `/assessments/:id/safety-plan`.
#[component]
pub fn SafetyPlanPage() -> impl IntoView {
    let s = use_session();
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let status = move || plan_status(&s.doc.read());
    let rule_ids = Memo::new(move |_| {
        s.doc
            .read()
            .planning
            .plan
            .rules
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    });
    let add = move |_| {
        s.edit("add a rule", |a| {
            add_rule(a, Vec::new(), random_bytes);
        })
    };
    let nobody = move || {
        let n = s
            .doc
            .read()
            .planning
            .plan
            .rules_with_nobody()
            .filter(|r| !r.rule.trim().is_empty())
            .count();
        (n > 0).then(|| {
            format!(
                "{n} rule{} with nobody named to make sure {} kept.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it is" } else { "they are" }
            )
        })
    };
    view! {
        <a href=base class="back-link">"Back to overview"</a>
        <span class="caption">"Signs of Safety"</span>
        <h1 class="heading-xl">"Safety plan"</h1>
        <p class="body">"The rules the family and their network keep so the children are safe, written with the family, in their words."</p>
        <p class="body" data-testid="plan-status">
            <strong class=move || if status() == PlanStatus::Draft { "tag tag--grey" } else { "tag tag--green" }>{move || status().label()}</strong>
            {move || s.doc.read().planning.plan.agreed().map(|v| format!(" Version {} was agreed on {}.", v.number, long_date(v.agreed_on)))}
        </p>
        <div class="button-group">
            <a href=move || format!("{}/safety-plan/present", base()) class="button button--secondary" role="button">"Present the plan full screen"</a>
            <a href=move || format!("{}/planning", base()) class="button button--secondary" role="button">"Danger statements and safety goals"</a>
        </div>
        <Checkbox id="plan-immediate" label="This is an immediate safety plan (reviewed within 7 days)"
            checked=Signal::derive(move || s.doc.read().planning.plan.immediate)
            on_change=Callback::new(move |on: bool| s.edit(if on { "make the plan an immediate safety plan" } else { "make the plan not an immediate one" }, |a| a.planning.plan.immediate = on))/>
        <h2 class="heading-l">"Rules"</h2>
        {move || nobody().map(|w| view! { <div class="warning-text" role="status" data-testid="rules-with-nobody"><strong>{w}</strong></div> })}
        <For each=move || rule_ids.get() key=|id| id.clone() let:id>
            <RuleCard id=id/>
        </For>
        <button type="button" class="button button--secondary" on:click=add>"Add a rule"</button>
        <Contacts/>
        <h2 class="heading-l">"Checking the plan"</h2>
        <TextArea id="plan-checked" label="How the plan is checked" hint="Who visits, who asks the children on their own, how often."
            value=Signal::derive(move || s.doc.read().planning.plan.checked_how.clone())
            on_change=Callback::new(move |v: String| s.typing("change how the plan is checked", "plan-checked", |a| a.planning.plan.checked_how = v))/>
        <p class="hint" data-testid="review-hint">{move || review_hint(&s.doc.read().planning.plan)}</p>
        <DateField id="plan-review" label="Review date"
            value=Signal::derive(move || s.doc.read().planning.plan.review_date)
            on_change=Callback::new(move |d: Option<NaiveDate>| s.typing("change the review date", "plan-review", |a| a.planning.plan.review_date = d))/>
        <Agree/>
        <Versions/>
    }
}

/// What the review date field says about the date it will get.
fn review_hint(plan: &crate::model::safety_plan::SafetyPlan) -> String {
    match (plan.immediate, plan.review_date) {
        (true, None) => format!(
            "An immediate plan is reviewed within 7 days: if it is agreed today, by {}. Leave it empty to have that date set when the plan is agreed.",
            plan.suggested_review(today()).map(long_date).unwrap_or_default()
        ),
        (true, Some(_)) => "An immediate plan is reviewed within 7 days.".to_owned(),
        (false, _) => "The review date: when the plan will be looked at again with the family.".to_owned(),
    }
}

/// The register's people who can make sure of a rule: everyone but the children, those on
/// on any map's safety network first.
fn who_choices(a: &crate::model::Assessment) -> Vec<Choice> {
    let on_network = |id: &PersonId| {
        a.map_entries()
            .any(|m| m.safety_network && matches!(&m.who, Who::Person { person } if person == id))
    };
    let mut people: Vec<_> = a
        .people
        .iter()
        .filter(|p| p.role != PersonRole::SubjectChild)
        .collect();
    people.sort_by_key(|p| !on_network(&p.id));
    people
        .into_iter()
        .map(|p| {
            let role = if p.relationship.is_empty() {
                p.organisation.clone()
            } else {
                p.relationship.clone()
            };
            let hint = match (on_network(&p.id), role.is_empty()) {
                (true, true) => "On the safety network".to_owned(),
                (true, false) => format!("{role}; on the safety network"),
                (false, _) => role,
            };
            Choice::with_hint(p.id.as_str(), &p.display_name(), &hint)
        })
        .collect()
}

#[component]
fn RuleCard(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let rule = move || {
        s.doc
            .read()
            .planning
            .plan
            .rules
            .iter()
            .find(|r| r.id == id.get_value())
            .cloned()
    };
    let get = move |f: fn(&PlanRule) -> String| {
        Signal::derive(move || rule().map(|r| f(&r)).unwrap_or_default())
    };
    let n = move || {
        s.doc
            .read()
            .planning
            .plan
            .rules
            .iter()
            .position(|r| r.id == id.get_value())
            .map_or(0, |i| i + 1)
    };
    let set = move |field: &'static str, f: fn(&mut PlanRule, String)| {
        Callback::new(move |v: String| {
            let label = format!("change “{field}” in rule {}", untrack(n));
            s.typing(label, format!("{field}:{}", id.get_value()), |a| {
                edit_rule(a, &id.get_value(), |r| f(r, v))
            })
        })
    };
    let key = id.get_value().to_string();
    let field = move |name: &str| format!("rule-{name}-{key}");
    let a = s.doc.read_untracked();
    let pairs: Vec<Choice> = a
        .planning
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            Choice::new(
                p.id.as_str(),
                &format!("Danger statement {}: {}", i + 1, p.short_title()),
            )
        })
        .collect();
    let people = who_choices(&a);
    drop(a);
    let hints = Signal::derive(move || rule().map(|r| rule_help(&r)).unwrap_or_default());
    let ids = |v: &[String]| {
        v.iter()
            .filter_map(|x| ItemId::parse(x))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card" data-testid="rule" aria-label=move || format!("Rule {}", n())>
            <div class="card__header">
                <h3 class="card__title">{move || format!("Rule {}", n())}</h3>
                <button type="button" class="link-button link-button--danger" aria-label=move || format!("Remove rule {}", n())
                    on:click=move |_| s.edit(format!("remove rule {}", untrack(n)), |a| remove_rule(a, &id.get_value()))>"Remove"</button>
            </div>
            <div class="card__body">
                <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Rule { rule: id.get_value() } what="this rule"/>
                <TextArea id=field("rule") label="The rule" hint="In the family's words: what will happen, every time." value=get(|r| r.rule.clone()) on_change=set("the rule", |r, v| r.rule = v)/>
                <CheckboxGroup name=field("who") legend="Who makes sure it is kept" choices=people
                    value=Signal::derive(move || rule().map(|r| r.who.iter().map(|p| p.to_string()).collect()).unwrap_or_default())
                    on_change=Callback::new(move |v: Vec<String>| s.edit(format!("change who keeps rule {}", untrack(n)), |a| edit_rule(a, &id.get_value(), |r| r.who = v.iter().filter_map(|p| PersonId::parse(p)).collect())))/>
                {(!pairs.is_empty()).then(|| view! {
                    <CheckboxGroup name=field("answers") legend="Which worries it answers" choices=pairs
                        value=Signal::derive(move || rule().map(|r| r.answers.iter().map(|p| p.to_string()).collect()).unwrap_or_default())
                        on_change=Callback::new(move |v: Vec<String>| s.edit(format!("change which worries rule {} answers", untrack(n)), |a| edit_rule(a, &id.get_value(), |r| r.answers = ids(&v))))/>
                })}
                <TextArea id=field("told") label="What the children will be told" value=get(|r| r.child_told.clone()) on_change=set("what the children will be told", |r, v| r.child_told = v)/>
                <TextArea id=field("signs") label="Warning signs" hint="What shows the rule is not being kept." value=get(|r| r.warning_signs.clone()) on_change=set("warning signs", |r, v| r.warning_signs = v)/>
                <TextArea id=field("then") label="What happens then" value=get(|r| r.then.clone()) on_change=set("what happens then", |r, v| r.then = v)/>
                <Hints hints=hints testid="rule-help"/>
            </div>
        </section>
    }
}

#[component]
fn Contacts() -> impl IntoView {
    let s = use_session();
    let ids = Memo::new(move |_| {
        s.doc
            .read()
            .planning
            .plan
            .contacts
            .iter()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    });
    let add = move |_| {
        s.edit("add a contact", |a| {
            add_contact(a, random_bytes);
        })
    };
    view! {
        <h2 class="heading-l">"Who to call"</h2>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <ContactRow id=id/>
        </For>
        <button type="button" class="button button--secondary" on:click=add>"Add a contact"</button>
    }
}

#[component]
fn ContactRow(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let contact = move |f: fn(&crate::model::safety_plan::PlanContact) -> String| {
        Signal::derive(move || {
            s.doc
                .read()
                .planning
                .plan
                .contacts
                .iter()
                .find(|c| c.id == id.get_value())
                .map(f)
                .unwrap_or_default()
        })
    };
    let set = move |field: &'static str,
                    f: fn(&mut crate::model::safety_plan::PlanContact, String)| {
        Callback::new(move |v: String| {
            s.typing(
                format!("change a contact's {field}"),
                format!("{field}:{}", id.get_value()),
                |a| {
                    if let Some(c) = a
                        .planning
                        .plan
                        .contacts
                        .iter_mut()
                        .find(|c| c.id == id.get_value())
                    {
                        f(c, v)
                    }
                },
            )
        })
    };
    let key = id.get_value().to_string();
    let name = contact(|c| c.name.clone());
    view! {
        <div class="contact-row" data-testid="contact">
            <TextField id=format!("contact-name-{key}") label="Name" value=name on_change=set("name", |c, v| c.name = v) width_class="input--w20"/>
            <TextField id=format!("contact-number-{key}") label="Phone number" value=contact(|c| c.number.clone()) on_change=set("phone number", |c, v| c.number = v) width_class="input--w10" autocomplete="off"/>
            <button type="button" class="link-button link-button--danger contact-row__remove" aria-label=move || format!("Remove contact {}", name.get())
                on:click=move |_| s.edit(format!("remove the contact {}", name.get_untracked()), |a| remove_contact(a, &id.get_value()))>"Remove"</button>
            <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Contact { contact: id.get_value() } what="this contact"/>
        </div>
    }
}

/// "Agree this plan": keeps the plan's words as a new version.
#[component]
fn Agree() -> impl IntoView {
    let s = use_session();
    let date = RwSignal::new(Some(today()));
    let how = RwSignal::new(PlanStatus::AgreedWithFamily.code().to_owned());
    let error = RwSignal::new(None::<&'static str>);
    let changes = move || {
        let a = s.doc.read();
        let last = a.planning.plan.agreed()?;
        let now = written_version(&a, today(), last.status);
        Some((last.number, differences(last, &now)))
    };
    let agree = move |_| {
        let on = date.get_untracked().unwrap_or_else(today);
        let status =
            PlanStatus::from_code(&how.get_untracked()).unwrap_or(PlanStatus::AgreedWithFamily);
        let mut outcome = None;
        s.edit("agree the plan", |a| {
            outcome = Some(agree_plan(a, on, status))
        });
        error.set(match outcome {
            Some(Err(e)) => Some(e.words()),
            _ => None,
        });
    };
    let choices = vec![
        Choice::new(
            PlanStatus::AgreedWithFamily.code(),
            PlanStatus::AgreedWithFamily.label(),
        ),
        Choice::new(
            PlanStatus::AgreedAtConference.code(),
            PlanStatus::AgreedAtConference.label(),
        ),
    ];
    view! {
        {move || changes().map(|(n, diff)| view! {
            <h2 class="heading-l">{format!("Changes since version {n} was agreed")}</h2>
            {if diff.is_empty() {
                view! { <p class="body" data-testid="plan-changes">"None: the plan is as it was agreed."</p> }.into_any()
            } else {
                view! { <ul class="list list--bullet" data-testid="plan-changes">{diff.iter().map(|d| view! { <li>{d.words()}</li> }).collect_view()}</ul> }.into_any()
            }}
        })}
        <div class="panel" data-testid="agree-plan">
            <h2 class="heading-m">"Agree the plan"</h2>
            <p class="hint">"Keeps the plan as it is now as a numbered version. Every agreed version is kept."</p>
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
            <DateField id="agreed-on" label="Date agreed" value=date on_change=Callback::new(move |d: Option<NaiveDate>| date.set(d))/>
            <RadioGroup name="agreed-how" legend="How it was agreed" choices=choices value=how on_change=Callback::new(move |v| how.set(v))/>
            <button type="button" class="button" on:click=agree>"Agree this version of the plan"</button>
        </div>
    }
}

#[component]
fn Versions() -> impl IntoView {
    let s = use_session();
    let rows = move || {
        let a = s.doc.read();
        let v = &a.planning.plan.versions;
        v.iter()
            .enumerate()
            .rev()
            .map(|(i, ver)| {
                let diff: Vec<Difference> = if i == 0 {
                    Vec::new()
                } else {
                    differences(&v[i - 1], ver)
                };
                (ver.clone(), i > 0, diff)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <h2 class="heading-l">"Agreed versions"</h2>
        {move || {
            let rows = rows();
            if rows.is_empty() {
                return view! { <p class="body">"The plan has not been agreed yet."</p> }.into_any();
            }
            rows.into_iter().map(|(v, has_before, diff)| view! { <VersionCard v=v has_before=has_before diff=diff/> }).collect_view().into_any()
        }}
    }
}

#[component]
fn VersionCard(v: PlanVersion, has_before: bool, diff: Vec<Difference>) -> impl IntoView {
    let title = format!(
        "Version {}: {}, {}",
        v.number,
        v.status.label(),
        long_date(v.agreed_on)
    );
    view! {
        <details class="details" data-testid="plan-version">
            <summary class="details__summary">{title}</summary>
            <div class="details__text">
                {has_before.then(|| view! {
                    <p class="body"><strong>{format!("What changed from version {}:", v.number - 1)}</strong></p>
                    <ul class="list list--bullet" data-testid="version-differences">{diff.iter().map(|d| view! { <li>{d.words()}</li> }).collect_view()}</ul>
                })}
                <ol class="list list--number">
                    {v.rules.iter().map(|r| view! {
                        <li><strong>{r.rule.clone()}</strong>{(!r.who.is_empty()).then(|| format!(" Who makes sure: {}.", r.who.join(", ")))}</li>
                    }).collect_view()}
                </ol>
                {v.review_date.map(|d| view! { <p class="body">{format!("Review by {}.", long_date(d))}</p> })}
            </div>
        </details>
    }
}
