//! One scale: the widget, who is on it and why, the question and anchors, and the history of
//! reviews with its chart.

use super::not_found::NotFound;
use crate::model::scales::{Rater, ScaleValue, Step};
use crate::model::PersonRole;
use crate::report::scale_chart::history_svg;
use crate::ui::editors::export::file_name;
use crate::ui::platform::{download, long_date, random_bytes, today};
use crate::ui::router::{use_navigate, use_params_map};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Checkbox, DateField, TextArea, TextField};
use crate::ui::widgets::scale::{value_text, ScaleWidget};
use crate::workspace::Change;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The page at `/assessments/:id/scales/:sid`.
/// A change to one scale.
type ScaleEdit = Box<dyn FnOnce(&mut crate::model::Scale)>;

/// Makes `f` on the scale `sid` as `change`.
fn change_scale(s: crate::ui::session::Session, sid: &str, change: Change, f: ScaleEdit) {
    let _ = s.change(change, move |a| {
        if let Some(sc) = a.scale_mut(sid) {
            f(sc)
        }
    });
}

#[component]
pub fn ScalePage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let sid = Memo::new(move |_| params.read().get("sid").unwrap_or_default());
    move || {
        let id = sid.get();
        if s.doc.read_untracked().scale(&id).is_none() {
            return view! { <NotFound/> }.into_any();
        }
        view! { <ScaleEditor sid=id/> }.into_any()
    }
}

#[component]
fn ScaleEditor(sid: String) -> impl IntoView {
    let s = use_session();
    let sid = StoredValue::new(sid);
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let title = move || {
        s.doc.with(|a| {
            a.scale(&sid.get_value())
                .map(|sc| a.scale_title(sc))
                .unwrap_or_default()
        })
    };
    // Typing in one of the scale's fields is one undo step (`key`).
    let edit_scale = move |label: &str, key: Option<&str>, f: ScaleEdit| {
        let merge = key.map(|k| format!("{k}:{}", sid.get_value()));
        change_scale(s, &sid.get_value(), Change::merging(label, merge), f);
    };
    let scale_text = move |f: fn(&crate::model::Scale) -> String| {
        Signal::derive(move || {
            s.doc
                .with(|a| a.scale(&sid.get_value()).map(f).unwrap_or_default())
        })
    };
    let scale_set = move |field: &'static str, f: fn(&mut crate::model::Scale, String)| {
        Callback::new(move |v: String| {
            edit_scale(
                &format!("change {field} of {}", title()),
                Some(field),
                Box::new(move |sc| f(sc, v)),
            )
        })
    };
    let navigate = use_navigate();
    let remove_scale = move |_| {
        s.edit(format!("remove the scale “{}”", title()), |a| {
            a.remove_scale(&sid.get_value());
        });
        navigate(&format!("{}/scales", base()), Default::default());
    };
    // A danger statement's scale takes its question and ends from the statement, and goes
    // only with it.
    let pair = s
        .doc
        .with_untracked(|a| match a.scale(&sid.get_value()).map(|sc| &sc.kind) {
            Some(crate::model::ScaleKind::Pair { pair }) => Some(pair.clone()),
            _ => None,
        });
    let back = match &pair {
        Some(p) => (format!("planning/{p}"), "Back to the danger statement"),
        None => ("scales".to_owned(), "Back to scales"),
    };
    let svg = move || {
        s.doc.with(|a| {
            a.scale(&sid.get_value())
                .map(history_svg)
                .unwrap_or_default()
        })
    };
    let save_svg = move |_| {
        let _ = download(&file_name(&title(), "svg"), "image/svg+xml", &svg());
    };

    view! {
        <a href=move || format!("{}/{}", base(), back.0) class="back-link">{back.1}</a>
        <span class="caption">"Scale"</span>
        <h1 class="heading-xl" data-testid="scale-title">{title}</h1>
        <p class="body scale__question">{move || s.doc.with(|a| a.scale(&sid.get_value()).map(|sc| sc.question.clone()).unwrap_or_default())}</p>
        <ScaleWidget scale_id=sid.get_value()/>
        <div class="button-group">
            <a href=move || format!("{}/scales/{}/present", base(), sid.get_value()) class="button button--secondary" role="button">"Present full screen"</a>
        </div>
        <h2 class="heading-l">"Who is on the scale"</h2>
        <p class="hint">"Drag a marker along the line, or select it and use the arrow keys (Home for 0, End for 10)."</p>
        <Raters sid=sid.get_value()/>
        <AddRater sid=sid.get_value()/>
        <h2 class="heading-l">"History"</h2>
        <History sid=sid.get_value()/>
        <div class="chart" data-testid="history-chart" inner_html=svg></div>
        <button type="button" class="button button--secondary" on:click=save_svg>"Save the chart as SVG"</button>
        <details class="details" hidden=pair.is_some()>
            <summary class="details__summary">"Change the question and what 0 and 10 mean"</summary>
            <div class="details__text">
                <TextArea id="scale-question" label="Question" value=scale_text(|sc| sc.question.clone()) on_change=scale_set("the question", |sc, v| sc.question = v)/>
                <TextField id="scale-low" label="What 0 means" value=scale_text(|sc| sc.low_anchor.clone()) on_change=scale_set("what 0 means", |sc, v| sc.low_anchor = v) width_class="input--w30"/>
                <TextField id="scale-high" label="What 10 means" value=scale_text(|sc| sc.high_anchor.clone()) on_change=scale_set("what 10 means", |sc, v| sc.high_anchor = v) width_class="input--w30"/>
                <Checkbox id="scale-halves" label="Allow half points"
                    checked=Signal::derive(move || s.doc.with(|a| a.scale(&sid.get_value()).is_some_and(|sc| sc.step == Step::Half)))
                    on_change=Callback::new(move |on: bool| edit_scale("change the steps of the scale", None, Box::new(move |sc| sc.step = if on { Step::Half } else { Step::Whole })))/>
                <button type="button" class="button button--warning" on:click=remove_scale>"Delete this scale"</button>
            </div>
        </details>
    }
}

#[component]
fn Raters(sid: String) -> impl IntoView {
    let s = use_session();
    let sid = StoredValue::new(sid);
    let ids = Memo::new(move |_| {
        s.doc.with(|a| {
            a.scale(&sid.get_value())
                .map(|sc| sc.markers.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <div data-testid="raters">
            <For each=move || ids.get() key=|id| id.clone() let:mid>
                <RaterCard sid=sid.get_value() mid=mid/>
            </For>
        </div>
    }
}

#[component]
fn RaterCard(sid: String, mid: String) -> impl IntoView {
    let s = use_session();
    let (sid, mid) = (StoredValue::new(sid), StoredValue::new(mid));
    let marker = Memo::new(move |_| {
        s.doc.with(|a| {
            a.scale(&sid.get_value())
                .and_then(|sc| sc.markers.iter().find(|m| m.id == mid.get_value()).cloned())
        })
    });
    let label = move || marker.with(|m| m.as_ref().map(|m| m.rater.label()).unwrap_or_default());
    let edit = move |what: &str, key: Option<&str>, f: ScaleEdit| {
        let merge = key.map(|k| format!("{k}:{}", mid.get_value()));
        let change = Change::merging(format!("{what} ({})", label()), merge);
        change_scale(s, &sid.get_value(), change, f);
    };
    let reason_id = format!("reason-{}", mid.get_value());
    view! {
        <section class="card" aria-label=label data-testid="rater-card">
            <div class="card__header">
                <h3 class="card__title">{label}</h3>
                <div class="card__actions">
                    <Show when=move || marker.with(|m| m.as_ref().is_some_and(|m| m.value.is_none()))>
                        <button type="button" class="link-button" on:click=move |_| edit("put someone on the scale at 5", None, Box::new(move |sc| sc.set_value(&mid.get_value(), ScaleValue::from_f64(5.0))))>"Put on the scale at 5"</button>
                    </Show>
                    <button type="button" class="link-button link-button--danger" aria-label=move || format!("Remove {}", label())
                        on:click=move |_| edit("remove someone from the scale", None, Box::new(move |sc| sc.remove_rater(&mid.get_value())))>"Remove"</button>
                </div>
            </div>
            <div class="card__body">
                <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Marker { scale: sid.get_value(), marker: mid.get_value() } what="this judgement"/>
                <p class="body" data-testid="rater-value">{move || marker.with(|m| m.as_ref().map(value_text).unwrap_or_default())}</p>
                <TextArea id=reason_id label="Their reason, in their own words"
                    value=Signal::derive(move || marker.with(|m| m.as_ref().map(|m| m.reason.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| edit("change the reason for a score", Some("reason"), Box::new(move |sc| if let Some(m) = sc.marker_mut(&mid.get_value()) { m.reason = v })))/>
            </div>
        </section>
    }
}

#[component]
fn AddRater(sid: String) -> impl IntoView {
    let s = use_session();
    let sid = StoredValue::new(sid);
    let who = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    // Choices: the register, the lead worker and the manager.
    let options = move || {
        let a = s.doc.read();
        let mut o: Vec<(String, String, String, String)> = Vec::new(); // value, label, name, role
        if !a.lead_worker.is_empty() {
            o.push((
                "worker".into(),
                format!("{} (Social worker)", a.lead_worker),
                a.lead_worker.clone(),
                "Social worker".into(),
            ));
        }
        if !a.team_manager.is_empty() {
            o.push((
                "manager".into(),
                format!("{} (Team manager)", a.team_manager),
                a.team_manager.clone(),
                "Team manager".into(),
            ));
        }
        for p in &a.people {
            let role = match p.role {
                PersonRole::SubjectChild => "The child".to_owned(),
                PersonRole::Professional if !p.organisation.is_empty() => p.organisation.clone(),
                _ if !p.relationship.is_empty() => p.relationship.clone(),
                other => other.label().to_owned(),
            };
            o.push((
                p.id.to_string(),
                format!("{} ({role})", p.display_name()),
                p.display_name(),
                role,
            ));
        }
        o
    };
    let choose = move |v: String| {
        if let Some((_, _, n, r)) = options().into_iter().find(|o| o.0 == v) {
            name.set(n);
            role.set(r);
        } else {
            name.set(String::new());
            role.set(String::new());
        }
        who.set(v);
    };
    let add = move |_| {
        if name.get_untracked().trim().is_empty() && role.get_untracked().trim().is_empty() {
            error.set(Some("Choose who to add, or type their name and role"));
            return;
        }
        error.set(None);
        let rater = Rater {
            person: crate::model::PersonId::parse(&who.get_untracked()),
            name: name.get_untracked().trim().to_owned(),
            role: role.get_untracked().trim().to_owned(),
        };
        let words = format!("add {} to the scale", rater.label());
        s.edit(words, |a| {
            if let Some(sc) = a.scale_mut(&sid.get_value()) {
                sc.add_rater(rater, random_bytes());
            }
        });
        who.set(String::new());
        name.set(String::new());
        role.set(String::new());
    };
    view! {
        <div class="panel" data-testid="add-rater">
            <h3 class="heading-m">"Add someone to the scale"</h3>
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
            <div class="form-group">
                <label class="label" for="rater-who">"Who"</label>
                <select class="select" id="rater-who" prop:value=move || who.get() on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="">"Someone not listed (type below)"</option>
                    {move || options().into_iter().map(|(v, l, _, _)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
            </div>
            <TextField id="rater-name" label="Name" value=name on_change=Callback::new(move |v| name.set(v)) width_class="input--w20"/>
            <TextField id="rater-role" label="Role" hint="For example: Mother, The child, Health visitor." value=role on_change=Callback::new(move |v| role.set(v)) width_class="input--w20"/>
            <button type="button" class="button" on:click=add>"Add to the scale"</button>
        </div>
    }
}

#[component]
fn History(sid: String) -> impl IntoView {
    let s = use_session();
    let sid = StoredValue::new(sid);
    let date = RwSignal::new(Some(today()));
    let label = RwSignal::new(String::new());
    let record = move |_| {
        let d = date.get_untracked().unwrap_or_else(today);
        let l = label.get_untracked();
        s.edit("record a review of the scale", |a| {
            if let Some(sc) = a.scale_mut(&sid.get_value()) {
                sc.take_snapshot(d, if l.trim().is_empty() { "Review" } else { &l });
            }
        });
        label.set(String::new());
    };
    let rows = move || {
        s.doc.with(|a| {
            let Some(sc) = a.scale(&sid.get_value()) else {
                return Vec::new();
            };
            sc.history
                .iter()
                .map(|h| {
                    let values = h
                        .markers
                        .iter()
                        .map(|m| {
                            format!(
                                "{} {}",
                                m.rater.label(),
                                m.value.map(|v| v.short()).unwrap_or_else(|| "–".into())
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    (long_date(h.date), h.label.clone(), values)
                })
                .collect()
        })
    };
    view! {
        <div class="panel" id="record-review" data-testid="record-review">
            <h3 class="heading-m">"Record a review of this scale"</h3>
            <p class="hint">"Keeps everyone's number on this scale only, as it is now, dated, for its history. After a meeting that looked at every scale, "
                <a class="link" href=move || format!("/assessments/{}/planning#record-meeting", s.doc.read().id)>"record the meeting on the planning page"</a>
                " instead: it keeps every scale at once."</p>
            <DateField id="review-date" label="Date of the review" value=date on_change=Callback::new(move |d: Option<NaiveDate>| date.set(d))/>
            <TextField id="review-label" label="Which review" hint="For example: First review, Child protection conference." value=label on_change=Callback::new(move |v| label.set(v)) width_class="input--w30"/>
            <button type="button" class="button" on:click=record>"Record this review"</button>
        </div>
        <table class="table" data-testid="history-table">
            <caption class="visually-hidden">"Reviews recorded"</caption>
            <thead><tr><th scope="col">"Date"</th><th scope="col">"Review"</th><th scope="col">"Ratings"</th></tr></thead>
            <tbody>
                {move || rows().into_iter().map(|(d, l, v)| view! { <tr><td data-label="Date">{d}</td><th scope="row" data-label="Review">{l}</th><td data-label="Ratings">{v}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}
