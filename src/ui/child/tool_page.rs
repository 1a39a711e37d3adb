//! The worker's page for one of the child's tools: hand the tablet to the child (child mode),
//! see and download the drawings, write down the child's own words and how the conversation
//! went, record the Safety House as well as drawing it, and choose whether the family's
//! summary includes it. Words and Pictures has its story editor here.

use super::story::{StoryBook, StoryEditor};
use crate::diagram::child_drawing::surface_svg;
use crate::edit::child_tools::{
    add_words, draw, edit_words, remove, remove_words, set_path, tool, tool_mut, At, DrawEdit, Mark,
};
use crate::model::child_tools::{
    drawn_name, people_to_place, read_safety_house, safety_house, ChildTool, Place, Surface, Work,
};
use crate::model::drawing::{Ink, PictureKind, PlacedPicture, PlacedWords, HEIGHT, WIDTH};
use crate::model::marks::Target;
use crate::model::{ItemId, PersonId};
use crate::report::child_tools::title;
use crate::ui::editors::export::{file_name, save_png, save_svg};
use crate::ui::platform::{long_date, random_bytes};
use crate::ui::router::{use_navigate, use_params_map};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Checkbox, Choice, RadioGroup, SelectField, TextArea, TextField};
use crate::ui::widgets::mark_control::MarkControl;
use leptos::prelude::*;

/// The page at `/assessments/:id/tools/:tool`.
#[component]
pub fn ToolPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let wanted = Memo::new(move |_| params.read().get("tool").and_then(|t| ItemId::parse(&t)));
    move || {
        let found = wanted
            .get()
            .filter(|t| s.doc.with_untracked(|a| tool(a, t).is_some()));
        match found {
            Some(id) => view! { <ToolRecord id=id/> }.into_any(),
            None => view! { <super::super::pages::not_found::NotFound/> }.into_any(),
        }
    }
}

#[component]
fn ToolRecord(id: ItemId) -> impl IntoView {
    let s = use_session();
    let navigate = use_navigate();
    let hand_over_to = use_navigate();
    let id = StoredValue::new(id);
    let hand_over_click = Callback::new(move |()| {
        let to = format!(
            "/assessments/{}/tools/{}/child",
            s.doc.read_untracked().id,
            id.get_value().as_str()
        );
        crate::ui::router::hand_over(&to);
        hand_over_to(&to, Default::default());
    });
    let with_tool = move |f: fn(&ChildTool) -> String| {
        Signal::derive(move || {
            s.doc
                .with(|a| tool(a, &id.get_value()).map(f).unwrap_or_default())
        })
    };
    let heading = Signal::derive(move || {
        s.doc.with(|a| {
            tool(a, &id.get_value())
                .map(|t| title(a, t))
                .unwrap_or_default()
        })
    });
    let (kind, child) = s.doc.with_untracked(|a| {
        let t = tool(a, &id.get_value()).expect("checked by the page");
        (t.kind(), t.child.clone())
    });
    let name = Signal::derive({
        let child = child.clone();
        move || {
            s.doc.with(|a| {
                a.person(&child)
                    .map(|p| p.given_name.trim().to_owned())
                    .unwrap_or_default()
            })
        }
    });
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let back = {
        let child = child.clone();
        move || format!("{}/person/{}", base(), child.as_str())
    };
    let set_conv = move |label: &'static str, f: fn(&mut ChildTool, String)| {
        Callback::new(move |v: String| {
            s.typing(label, label, |a| {
                if let Some(t) = tool_mut(a, &id.get_value()) {
                    f(t, v)
                }
            })
        })
    };
    let confirming = RwSignal::new(false);
    let hand_over = match kind {
        crate::model::child_tools::ToolKind::WordsAndPictures => "Read the story with ",
        _ => "Hand the tablet to ",
    };
    let back_after = back.clone();
    view! {
        <a href=back.clone() class="back-link">"Back"</a>
        <span class="caption">"The child's own tools"</span>
        <h1 class="heading-xl" data-testid="tool-heading">{heading}</h1>
        <p class="body">{move || format!("Started {}.", s.doc.with(|a| tool(a, &id.get_value()).map(|t| long_date(t.started_on)).unwrap_or_default()))}</p>
        <div class="inset-text">
            <p class="body">{move || format!("Child mode shows {} the tool alone, with big buttons and nothing else to reach. Everything is saved as it is made. To leave, hold \"Grown-ups\" for two seconds{}.",
                name.get(), if crate::ui::crypto::is_protected() { " and enter the passphrase" } else { ", then confirm" })}</p>
            <Show when=move || !s.doc.read().is_locked()
                fallback=|| view! { <p class="body">"The assessment is authorised: start an update to use the tool again."</p> }>
                <button type="button" class="button button--start" data-testid="hand-over"
                    on:click=move |_| hand_over_click.run(())>{move || format!("{hand_over}{}", name.get())}</button>
            </Show>
        </div>
        {match kind {
            crate::model::child_tools::ToolKind::WordsAndPictures => view! {
                <StoryEditor id=id.get_value()/>
                <button type="button" class="button button--secondary" data-testid="print-book"
                    on:click=move |_| print_book()>"Print as a small book"</button>
                <StoryBook id=id.get_value()/>
            }.into_any(),
            _ => view! { <Drawings id=id.get_value()/> }.into_any(),
        }}
        {(kind == crate::model::child_tools::ToolKind::SafetyHouse).then(|| view! { <SafetyHouseRecord id=id.get_value() child=child.clone()/> })}
        <ChildWordsRecord id=id.get_value() name=name/>
        <h2 class="heading-l">"How the conversation went"</h2>
        <TextField id="conv-place" label="Where" hint="For example: at school, in the library." value=with_tool(|t| t.conversation.place.clone())
            on_change=set_conv("change where the conversation was", |t, v| t.conversation.place = v) width_class="input--w30"/>
        <TextField id="conv-present" label="Who else was there" value=with_tool(|t| t.conversation.present.clone())
            on_change=set_conv("change who else was there", |t, v| t.conversation.present = v) width_class="input--w30"/>
        <RadioGroup name="seen-alone" legend="Was the child seen alone?" inline=true
            choices=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
            value=with_tool(|t| match t.conversation.seen_alone { Some(true) => "yes".into(), Some(false) => "no".into(), None => String::new() })
            on_change=Callback::new(move |v: String| s.edit("change whether the child was seen alone", |a| if let Some(t) = tool_mut(a, &id.get_value()) { t.conversation.seen_alone = Some(v == "yes") }))/>
        <TextArea id="conv-notes" label="How it went" hint="How the child seemed, what helped, anything to follow up."
            value=with_tool(|t| t.conversation.notes.clone()) on_change=set_conv("change how the conversation went", |t, v| t.conversation.notes = v)/>
        <Checkbox id="in-family-summary" label="Include this in the family's summary and the child's own"
            checked=Signal::derive(move || s.doc.with(|a| tool(a, &id.get_value()).is_some_and(|t| t.in_family_summary)))
            on_change=Callback::new(move |v: bool| s.edit(if v { "include the tool in the family's summary" } else { "leave the tool out of the family's summary" }, |a| if let Some(t) = tool_mut(a, &id.get_value()) { t.in_family_summary = v }))/>
        <h2 class="heading-m">"Remove"</h2>
        <Show when=move || confirming.get() fallback=move || view! {
            <button type="button" class="button button--warning" on:click=move |_| confirming.set(true)>"Remove this tool"</button>
        }>
            <div class="card__confirm" role="alert">
                <p class="body">"Remove it, with everything the child drew and said in it? Export the assessment first to keep a copy."</p>
                <div class="button-group">
                    <button type="button" class="button button--warning" data-testid="remove-tool" on:click={
                        let navigate = navigate.clone();
                        let to = back_after.clone();
                        move |_| {
                            let target = to();
                            s.edit(format!("remove {}", heading.get_untracked()), |a| remove(a, &id.get_value()));
                            navigate(&target, Default::default());
                        }
                    }>"Yes, remove it"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}

/// Prints the story alone, a page to each sheet of A5: the print styles for `print-book`, and
/// an A5 page size added to the style sheet (through the CSSOM, which the CSP allows) until the
/// printing is over.
fn print_book() {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    let Some(body) = doc.body() else { return };
    // The last sheet, so the A5 size comes after the summaries' A4.
    let sheets = doc.style_sheets();
    let sheet = sheets
        .get(sheets.length().saturating_sub(1))
        .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok());
    let added = sheet.as_ref().and_then(|s| {
        let at = s.css_rules().map(|r| r.length()).unwrap_or(0);
        s.insert_rule_with_index("@page { size: A5; margin: 12mm; }", at)
            .ok()
    });
    let _ = body.class_list().add_1("print-book");
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = body.class_list().remove_1("print-book");
        if let (Some(s), Some(at)) = (sheet, added) {
            let _ = s.delete_rule(at);
        }
    });
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_once(true);
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "afterprint",
        done.unchecked_ref(),
        &opts,
    );
    let _ = w.print();
}

/// Each drawing of the tool, with its downloads.
#[component]
fn Drawings(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let error = RwSignal::new(None::<String>);
    let surfaces = s.doc.with_untracked(|a| {
        tool(a, &id.get_value())
            .map(|t| t.surfaces())
            .unwrap_or_default()
    });
    view! {
        <h2 class="heading-l">"The drawings"</h2>
        {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        <div class="tool-drawings">
            {surfaces.into_iter().map(|surface| {
                let label = surface.label();
                let code = surface.code();
                let svg = {
                    let surface = surface.clone();
                    move || s.doc.with(|a| {
                        let t = tool(a, &id.get_value())?;
                        let path = match &t.work { Work::SafetyHouse { path, .. } => *path, _ => None };
                        Some(surface_svg(&format!("{}: {label}", title(a, t)), &surface, t.drawing(&surface)?, path))
                    }).unwrap_or_default()
                };
                let name = move || s.doc.with(|a| tool(a, &id.get_value()).map(|t| format!("{} {label}", title(a, t))).unwrap_or_default());
                let svg_for_save = svg.clone();
                let svg_for_png = svg.clone();
                // A story page's picture is marked with its page.
                let (target, what) = match &surface {
                    Surface::Page(page) => (Target::StoryPage { page: page.clone() }, "this page of the story".to_owned()),
                    _ => (Target::Drawing { tool: id.get_value(), surface: code.clone() }, format!("the drawing: {}", label.to_lowercase())),
                };
                view! {
                    <figure class="tool-drawing" data-testid=format!("drawing-{code}")>
                        <div class="tool-drawing__picture" inner_html=svg></div>
                        <figcaption class="body">{label}</figcaption>
                        <MarkControl target=target what=what/>
                        <div class="button-group">
                            <button type="button" class="button button--secondary button--small" data-testid=format!("svg-{code}")
                                on:click=move |_| error.set(save_svg(&file_name(&name(), "svg"), &svg_for_save()).err())>"Download SVG"</button>
                            <button type="button" class="button button--secondary button--small" data-testid=format!("png-{code}")
                                on:click=move |_| save_png(file_name(&name(), "png"), svg_for_png(), f64::from(WIDTH), f64::from(HEIGHT), move |r| error.set(r.err()))>"Download PNG"</button>
                        </div>
                    </figure>
                }
            }).collect_view()}
        </div>
    }
}

/// The Safety House in words, and the worker's way to record it by keyboard: the path, who
/// is inside and outside (placed on the drawing too), the rules on the roof.
#[component]
fn SafetyHouseRecord(id: ItemId, child: PersonId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let surface = StoredValue::new(crate::model::child_tools::Surface::SafetyHouse);
    let house = Memo::new(move |_| {
        s.doc
            .with(|a| match tool(a, &id.get_value()).map(|t| &t.work) {
                Some(Work::SafetyHouse { house, path }) => Some((house.clone(), *path)),
                _ => None,
            })
    });
    let path_choices: Vec<Choice> = std::iter::once(Choice::new("", "Not yet"))
        .chain((0..=safety_house::TOP).map(|i| {
            let words = match i {
                0 => "0 (far from the door)".to_owned(),
                10 => "10 (at the door)".to_owned(),
                n => n.to_string(),
            };
            Choice::new(&i.to_string(), &words)
        }))
        .collect();
    let people = Memo::new(move |_| {
        s.doc.with(|a| {
            people_to_place(a, &child)
                .into_iter()
                .map(|p| (p.id.as_str().to_owned(), p.display_name()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(String::new());
    let rule = RwSignal::new(String::new());
    // A free place inside or outside the house, and a change to its drawing.
    let spot = move |inside: bool| {
        house
            .with_untracked(|h| h.as_ref().map(|(d, _)| safety_house::free_spot(d, inside)))
            .unwrap_or((500, 350))
    };
    let change = move |label: &str, e: DrawEdit| {
        s.edit(label, |a| {
            draw(a, &id.get_value(), &surface.get_value(), e);
        })
    };
    let put = move |inside: bool| {
        let Some(pid) = PersonId::parse(&chosen.get_untracked()).or_else(|| {
            people
                .get_untracked()
                .first()
                .and_then(|(p, _)| PersonId::parse(p))
        }) else {
            return;
        };
        let label = s
            .doc
            .with_untracked(|a| a.person(&pid).map(drawn_name).unwrap_or_default());
        let (x, y) = spot(inside);
        let where_ = if inside { "inside" } else { "outside" };
        change(
            &format!("put {label} {where_} the Safety House"),
            DrawEdit::Add(Mark::Picture(PlacedPicture {
                kind: PictureKind::Person,
                x,
                y,
                label,
                person: Some(pid),
            })),
        );
    };
    let shift = move |index: usize, inside: bool| {
        let (x, y) = spot(inside);
        change(
            if inside {
                "move someone inside the Safety House"
            } else {
                "move someone outside the Safety House"
            },
            DrawEdit::Move(At::Picture(index), x, y),
        );
    };
    let people_list = move |inside: bool| {
        move || {
            let Some((d, _)) = house.get() else {
                return Vec::new();
            };
            let r = read_safety_house(&d);
            let these = if inside { r.inside } else { r.outside };
            if these.is_empty() {
                return vec![view! { <li class="hint">"Nobody yet"</li> }.into_any()];
            }
            these
                .into_iter()
                .map(|p| {
                    let index = d.pictures.iter().position(|q| q == p).unwrap_or(0);
                    let name = if p.label.trim().is_empty() { "Someone not named".to_owned() } else { p.label.clone() };
                    view! {
                        <li>{name}" "
                            <button type="button" class="link-button" on:click=move |_| shift(index, !inside)>
                                {if inside { "Move outside" } else { "Move inside" }}</button></li>
                    }
                    .into_any()
                })
                .collect::<Vec<_>>()
        }
    };
    view! {
        <h2 class="heading-l">"What the Safety House says"</h2>
        <RadioGroup name="path" legend="Where the child put themselves on the path" inline=true
            hint="The path is a scale from 0 to 10: 10 is at the door, feeling safe."
            choices=path_choices
            value=Signal::derive(move || house.get().and_then(|(_, p)| p).map(|p| p.to_string()).unwrap_or_default())
            on_change=Callback::new(move |v: String| s.edit("change where the child is on the path", |a| set_path(a, &id.get_value(), v.parse().ok())))/>
        <div class="safety-house-lists">
            <div>
                <h3 class="heading-s">"Inside the house"</h3>
                <ul class="list" data-testid="inside">{people_list(true)}</ul>
            </div>
            <div>
                <h3 class="heading-s">"Outside the house"</h3>
                <ul class="list" data-testid="outside">{people_list(false)}</ul>
            </div>
        </div>
        <SelectField id="house-person" label="Add someone from the people in this assessment"
            options=Signal::derive(move || people.get()) value=Signal::derive(move || chosen.get()) on_change=Callback::new(move |v| chosen.set(v))/>
        <div class="button-group">
            <button type="button" class="button button--secondary" data-testid="put-inside" on:click=move |_| put(true)>"Put them inside"</button>
            <button type="button" class="button button--secondary" data-testid="put-outside" on:click=move |_| put(false)>"Put them outside"</button>
        </div>
        <h3 class="heading-s">"The rules on the roof"</h3>
        <ul class="list list--bullet" data-testid="rules">
            {move || house.get().map(|(d, _)| read_safety_house(&d).rules.into_iter().map(|r| view! { <li>{r.to_owned()}</li> }).collect::<Vec<_>>())}
        </ul>
        <TextField id="house-rule" label="Write a rule on the roof" value=Signal::derive(move || rule.get()) on_change=Callback::new(move |v| rule.set(v)) width_class="input--w30"/>
        <button type="button" class="button button--secondary" data-testid="add-rule" on:click=move |_| {
            let text = rule.get_untracked().trim().to_owned();
            if text.is_empty() { return; }
            let (x, y) = house.with_untracked(|h| h.as_ref().map(|(d, _)| safety_house::roof_spot(d))).unwrap_or(safety_house::APEX);
            s.edit("write a rule on the roof", |a| { draw(a, &id.get_value(), &surface.get_value(), DrawEdit::Add(Mark::Words(PlacedWords { text, x, y, ink: Ink::Red }))); });
            rule.set(String::new());
        }>"Add the rule"</button>
    }
}

/// The child's words, written down as they said them, under each part of the tool.
#[component]
fn ChildWordsRecord(id: ItemId, name: Signal<String>) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let places = s.doc.with_untracked(|a| {
        tool(a, &id.get_value())
            .map(|t| Place::of(t.kind()))
            .unwrap_or(&[])
    });
    view! {
        <h2 class="heading-l">{move || format!("What {} said", name.get())}</h2>
        <p class="body">"Write down the child's own words, as they said them. They are shown as the child's words in the summaries."</p>
        {places.iter().map(|&place| {
            let typed = RwSignal::new(String::new());
            let said = Memo::new(move |_| s.doc.with(|a| tool(a, &id.get_value()).map(|t| t.child_words.iter().filter(|w| w.place == place).map(|w| w.id.clone()).collect::<Vec<_>>()).unwrap_or_default()));
            view! {
                <div class="child-words-record" data-testid=format!("words-{}", place.code())>
                    <h3 class="heading-s">{place.label()}</h3>
                    <For each=move || said.get() key=|w| w.clone() let:wid>
                        {
                            let wid = StoredValue::new(wid);
                            view! {
                                <div class="child-words-entry">
                                    <MarkControl target=Target::ChildWords { words: wid.get_value() } what="these words"/>
                                    <TextArea id=format!("said-{}", wid.get_value().as_str()) label="In the child's words"
                                        value=Signal::derive(move || s.doc.with(|a| tool(a, &id.get_value()).and_then(|t| t.child_words.iter().find(|w| w.id == wid.get_value())).map(|w| w.words.clone()).unwrap_or_default()))
                                        on_change=Callback::new(move |v: String| s.typing("change the child's words", format!("said-{}", wid.get_value().as_str()), |a| edit_words(a, &id.get_value(), &wid.get_value(), |w| w.words = v)))/>
                                    <button type="button" class="link-button" on:click=move |_| s.edit("remove the child's words", |a| remove_words(a, &id.get_value(), &wid.get_value()))>"Remove these words"</button>
                                </div>
                            }
                        }
                    </For>
                    <TextArea id=format!("new-said-{}", place.code()) label=format!("Add what the child said: {}", place.label().to_lowercase())
                        value=Signal::derive(move || typed.get()) on_change=Callback::new(move |v| typed.set(v))/>
                    <button type="button" class="button button--secondary button--small" data-testid=format!("add-words-{}", place.code())
                        on:click=move |_| {
                            let words = typed.get_untracked();
                            if words.trim().is_empty() { return; }
                            s.edit("add the child's words", |a| { add_words(a, &id.get_value(), place, words.trim(), random_bytes); });
                            typed.set(String::new());
                        }>"Add their words"</button>
                </div>
            }
        }).collect_view()}
    }
}
