//! Signs of Safety planning: the harm statements, each danger statement with its safety goal
//! and scale, meetings (a dated snapshot of every scale at once) and each pair's trajectory.

use crate::edit::planning::{add_harm, add_pair, pair_scale, record_meeting, remove_harm};
use crate::flow::writing_help::statements_help;
use crate::model::planning::{goal_words, shorten, HarmStatement};
use crate::model::scales::spread;
use crate::model::{ItemId, PersonId};
use crate::report::scale_chart::history_svg;
use crate::report::trajectory::{at_last_meeting, lines, since_last_meeting, Move};
use crate::ui::platform::{random_bytes, today};
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{CheckboxGroup, Choice, DateField, TextArea, TextField};
use crate::ui::widgets::hints::Hints;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The children as choices, for "who is it about".
pub fn child_choices(a: &crate::model::Assessment) -> Vec<Choice> {
    a.children()
        .map(|p| Choice::new(p.id.as_str(), &p.display_name()))
        .collect()
}

/// The page at `/assessments/:id/planning`.
#[component]
pub fn PlanningPage() -> impl IntoView {
    let s = use_session();
    let navigate = use_navigate();
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let add = move |_| {
        let mut made = None;
        let by = s.doc.read_untracked().lead_worker.clone();
        if s.try_edit("add a danger statement", |a| {
            made = Some(add_pair(
                a,
                Vec::new(),
                &by,
                today(),
                random_bytes,
                random_bytes(),
            ))
        }) {
            if let Some(id) = made {
                navigate(&format!("{}/planning/{id}", base()), Default::default());
            }
        }
    };
    let pairs = move || {
        let a = s.doc.read();
        a.planning
            .pairs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let href = format!("{}/planning/{}", base(), p.id);
                let goal = goal_words(&p.goal);
                let goal = if goal.is_empty() { "Safety goal not written yet".to_owned() } else { shorten(&goal, 120) };
                let about = p.about.words(&a);
                let rated = pair_scale(&a, &p.id)
                    .map(|sc| match spread(&sc.markers) {
                        Some(sp) => sp.words(),
                        None => format!("{} people on the scale", sc.markers.iter().filter(|m| m.value.is_some()).count()),
                    })
                    .unwrap_or_default();
                view! {
                    <li class="task-list__item" data-testid="pair-item">
                        <div class="task-list__name">
                            <a href=href class="task-list__link">{format!("Danger statement {}: {}", i + 1, p.short_title())}</a>
                            <div class="hint task-list__missing">{format!("Safety goal: {goal}")}</div>
                            <div class="hint task-list__missing">{format!("About: {about}. {rated}")}</div>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let advice = Signal::derive(move || statements_help(&s.doc.read().planning.pairs));
    view! {
        <a href=base class="back-link">"Back to overview"</a>
        <span class="caption">"Signs of Safety"</span>
        <h1 class="heading-xl">"Danger statements and safety goals"</h1>
        <p class="body">"Each danger statement says who is worried, about what, and what might happen to the children if nothing changes. Each is paired with a safety goal: what the caregivers will be doing instead, and for how long. Each pair has its own scale, from 0 (the danger statement) to 10 (the safety goal), that everyone rates at each meeting."</p>
        <p class="body"><a href=move || format!("{}/safety-plan", base()) class="link">"Go to the safety plan"</a></p>
        <h2 class="heading-l">"Danger statements"</h2>
        <Hints hints=advice testid="statements-help"/>
        <ul class="task-list" data-testid="pairs">{pairs}</ul>
        <button type="button" class="button button--secondary" on:click=add>"Add a danger statement and safety goal"</button>
        <Meeting/>
        <Trajectories/>
        <Harms/>
    }
}

#[component]
fn Meeting() -> impl IntoView {
    let s = use_session();
    let date = RwSignal::new(Some(today()));
    let label = RwSignal::new(String::new());
    let done = RwSignal::new(None::<String>);
    let record = move |_| {
        let d = date.get_untracked().unwrap_or_else(today);
        let l = label.get_untracked();
        if s.try_edit("record a meeting", |a| record_meeting(a, d, &l)) {
            let n = s.doc.read_untracked().scales.len();
            done.set(Some(format!(
                "Recorded: everyone's numbers on {n} scale{} as they are now.",
                if n == 1 { "" } else { "s" }
            )));
            label.set(String::new());
        }
    };
    view! {
        <div class="panel" id="record-meeting" data-testid="record-meeting">
            <h2 class="heading-m">"Record a meeting"</h2>
            <p class="hint">{move || { let n = s.doc.read().scales.len(); format!("Keeps everyone's number on every scale of the assessment ({n} scale{}: the safety scales and each danger statement's) as it is now, dated, so the trajectory shows how things moved from one meeting to the next. ", if n == 1 { "" } else { "s" }) }}
                "To keep one scale alone, "<a class="link" href=move || format!("/assessments/{}/scales", s.doc.read().id)>"record a review on that scale's page"</a>"."</p>
            <DateField id="meeting-date" label="Date of the meeting" value=date on_change=Callback::new(move |d: Option<NaiveDate>| date.set(d))/>
            <TextField id="meeting-label" label="Which meeting" hint="For example: Network meeting, Review, Family group conference."
                value=label on_change=Callback::new(move |v| label.set(v)) width_class="input--w30"/>
            <button type="button" class="button" on:click=record>"Record this meeting"</button>
            {move || done.get().map(|d| view! { <p class="body" role="status">{d}</p> })}
        </div>
    }
}

/// Each pair's chart across meetings, and what changed in words.
#[component]
fn Trajectories() -> impl IntoView {
    let s = use_session();
    let ids = Memo::new(move |_| {
        s.doc
            .read()
            .planning
            .pairs
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    });
    view! {
        <h2 class="heading-l">"Trajectory"</h2>
        <p class="body">"Each person's number for each danger statement at each meeting. The chart tells people apart by shape, line and name, not colour alone."</p>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <TrajectoryOf pair=id/>
        </For>
    }
}

/// One pair's trajectory: the chart, what changed at the last meeting and since, and the
/// numbers as a table.
#[component]
pub fn TrajectoryOf(pair: ItemId) -> impl IntoView {
    let s = use_session();
    let pair = StoredValue::new(pair);
    move || {
        let a = s.doc.read();
        let id = pair.get_value();
        let (Some(p), Some(sc)) = (a.planning.pair(&id), pair_scale(&a, &id)) else {
            return ().into_any();
        };
        let n = a.planning.number_of(&id).unwrap_or_default();
        let title = format!("Trajectory of danger statement {n}: {}", p.short_title());
        let label = title.clone();
        if sc.history.is_empty() {
            return view! {
                <section class="trajectory" data-testid="trajectory" aria-label=label>
                    <h3 class="heading-m">{title}</h3>
                    <p class="body">"No meeting recorded yet."</p>
                </section>
            }
            .into_any();
        }
        let svg = history_svg(sc);
        let last = at_last_meeting(sc)
            .map(|(from, to, moves)| (format!("At {to}, compared with {from}:"), words(&moves)));
        let since =
            since_last_meeting(sc).map(|(from, moves)| (format!("Since {from}:"), words(&moves)));
        let (names, rows) = lines(sc);
        view! {
            <section class="trajectory" data-testid="trajectory" aria-label=label>
                <h3 class="heading-m">{title}</h3>
                <div class="chart" data-testid="trajectory-chart" inner_html=svg></div>
                {[last, since].into_iter().flatten().map(|(head, list)| view! {
                    <p class="body"><strong>{head}</strong></p>
                    <ul class="list list--bullet" data-testid="what-changed">{list.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                }).collect_view()}
                <details class="details">
                    <summary class="details__summary">"The numbers as a table"</summary>
                    <div class="details__text table-scroll">
                        <table class="table">
                            <thead><tr><th scope="col">"Who"</th>{names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}</tr></thead>
                            <tbody>{rows.into_iter().map(|l| view! {
                                <tr><th scope="row">{l.rater}</th>{l.values.into_iter().map(|v| view! { <td>{v.map(|v| v.short()).unwrap_or_else(|| "–".into())}</td> }).collect_view()}</tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                </details>
            </section>
        }
        .into_any()
    }
}

fn words(moves: &[Move]) -> Vec<String> {
    moves.iter().map(Move::words).collect()
}

#[component]
fn Harms() -> impl IntoView {
    let s = use_session();
    let add = move |_| {
        let by = s.doc.read_untracked().lead_worker.clone();
        s.edit("add a harm statement", |a| {
            add_harm(a, Vec::new(), &by, today(), random_bytes);
        });
    };
    let ids = Memo::new(move |_| {
        s.doc
            .read()
            .planning
            .harms
            .iter()
            .map(|h| h.id.clone())
            .collect::<Vec<_>>()
    });
    view! {
        <h2 class="heading-l">"Harm statements"</h2>
        <p class="body">"What has happened: when, how serious it was, and its impact on the children."</p>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <HarmCard id=id/>
        </For>
        <button type="button" class="button button--secondary" on:click=add>"Add a harm statement"</button>
    }
}

#[component]
fn HarmCard(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let get = move |f: fn(&HarmStatement) -> String| {
        Signal::derive(move || {
            s.doc
                .read()
                .planning
                .harms
                .iter()
                .find(|h| h.id == id.get_value())
                .map(f)
                .unwrap_or_default()
        })
    };
    let n = move || {
        s.doc
            .read()
            .planning
            .harms
            .iter()
            .position(|h| h.id == id.get_value())
            .map_or(0, |i| i + 1)
    };
    let set = move |field: &'static str, f: fn(&mut HarmStatement, String)| {
        Callback::new(move |v: String| {
            let label = format!("change “{field}” in harm statement {}", untrack(n));
            s.typing(label, format!("{field}:{}", id.get_value()), |a| {
                if let Some(h) = a.planning.harm_mut(&id.get_value()) {
                    f(h, v)
                }
            })
        })
    };
    let key = id.get_value().to_string();
    let field = move |name: &str| format!("harm-{name}-{key}");
    let choices = child_choices(&s.doc.read_untracked());
    view! {
        <section class="card" data-testid="harm" aria-label=move || format!("Harm statement {}", n())>
            <div class="card__header">
                <h3 class="card__title">{move || format!("Harm statement {}", n())}</h3>
                <button type="button" class="link-button link-button--danger" aria-label=move || format!("Remove harm statement {}", n())
                    on:click=move |_| s.edit(format!("remove harm statement {}", untrack(n)), |a| remove_harm(a, &id.get_value()))>"Remove"</button>
            </div>
            <div class="card__body">
                <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Harm { harm: id.get_value() } what="this harm statement"/>
                <TextArea id=field("what") label="What happened" value=get(|h| h.what_happened.clone()) on_change=set("what happened", |h, v| h.what_happened = v)/>
                <TextField id=field("when") label="When" hint="For example: twice this year, in March and September." value=get(|h| h.when.clone()) on_change=set("when", |h, v| h.when = v) width_class="input--w30"/>
                <TextArea id=field("serious") label="How serious it was" value=get(|h| h.how_serious.clone()) on_change=set("how serious it was", |h, v| h.how_serious = v)/>
                <TextArea id=field("impact") label="The impact on the children" value=get(|h| h.impact.clone()) on_change=set("the impact on the children", |h, v| h.impact = v)/>
                <TextArea id=field("family") label="How the family describes it, in their words" value=get(|h| h.family_words.clone()) on_change=set("how the family describes it, in their words", |h, v| h.family_words = v)/>
                <TextArea id=field("dispute") label="Where the family disagrees, what they say" value=get(|h| h.dispute.clone()) on_change=set("where the family disagrees, what they say", |h, v| h.dispute = v)/>
                <CheckboxGroup name=field("children") legend="Which children is it about?" hint="Leave empty if it is about all of them." choices=choices
                    value=Signal::derive(move || s.doc.read().planning.harms.iter().find(|h| h.id == id.get_value()).map(|h| h.about.children.iter().map(|c| c.to_string()).collect()).unwrap_or_default())
                    on_change=Callback::new(move |v: Vec<String>| s.edit(format!("change which children harm statement {} is about", untrack(n)), |a| if let Some(h) = a.planning.harm_mut(&id.get_value()) { h.about.children = v.iter().filter_map(|c| PersonId::parse(c)).collect() }))/>
            </div>
        </section>
    }
}
