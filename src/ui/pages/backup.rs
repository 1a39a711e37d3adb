//! "Back up and restore" (`/backup`): every assessment on this device, the bin's included, in
//! one encrypted file; and a backup restored on any device, checked completely before anything
//! is stored, with a choice for each assessment the device already has.

use crate::exchange::backup::{
    backup_file_name, backup_json, read_backup, Backup, BackupItem, MAX_BACKUP_BYTES,
};
use crate::model::AssessmentId;
use crate::storage::backups::{Choice, Here, Restored};
use crate::storage::prefs;
use crate::ui::crypto::{self, PassphraseError};
use crate::ui::load::Load;
use crate::ui::pages::lock::password_field;
use crate::ui::platform::{download, input_file_text, long_time, now, random_bytes, repo, today};
use crate::ui::widgets::fields::{Choice as Pick, RadioGroup};
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The page at `/backup`.
#[component]
pub fn BackupPage() -> impl IntoView {
    view! {
        <a href="/" class="back-link">"Back"</a>
        <h1 class="heading-xl">"Back up and restore"</h1>
        <p class="body">"Your assessments are kept in this browser on this device only. If the device is lost, broken or reset, or the browser's data is cleared, they are gone unless there is a copy somewhere else."</p>
        <MakeBackup/>
        <RestoreBackup/>
    }
}

/// How many assessments a backup made now would hold.
#[derive(Clone, Debug, PartialEq)]
struct Counts {
    listed: usize,
    in_bin: usize,
    left_out: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
fn MakeBackup() -> impl IntoView {
    let counts = RwSignal::new(Load::<Counts>::Loading);
    spawn_local(async move {
        counts.set(match async { repo().await?.for_backup().await }.await {
            Ok(f) => Load::Ready(Counts {
                in_bin: f.items.iter().filter(|i| i.deleted_at.is_some()).count(),
                listed: f.items.iter().filter(|i| i.deleted_at.is_none()).count(),
                left_out: f.left_out.len(),
            }),
            Err(e) => Load::Failed(format!("Your assessments cannot be read: {e}.")),
        })
    });
    let protected = crypto::is_protected();
    let which = RwSignal::new(if protected { "device" } else { "other" }.to_owned());
    let first = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let passphrase = if which.get_untracked() == "device" {
            None
        } else {
            match crypto::new_passphrase(first.get_untracked(), &again.get_untracked()) {
                Ok(p) => Some(p),
                Err(e) => return message.set(Some((false, e))),
            }
        };
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let result = make_backup(passphrase).await;
            busy.set(false);
            message.set(Some(match result {
                Ok(words) => (true, words),
                Err(e) => (
                    false,
                    format!("The backup could not be saved: {e}. Nothing was changed."),
                ),
            }));
        });
    };

    view! {
        <h2 class="heading-l">"Back up everything"</h2>
        {move || match counts.get() {
            Load::Loading => view! { <p class="body">"Counting your assessments…"</p> }.into_any(),
            Load::Failed(m) => view! { <ErrorSummary title="There is a problem" messages=vec![m]/> }.into_any(),
            Load::Ready(c) if c.listed + c.in_bin == 0 => view! {
                <p class="body" data-testid="backup-count">"There are no assessments on this device to back up yet."</p>
            }.into_any(),
            Load::Ready(c) => view! {
                <p class="body" data-testid="backup-count">{format!(
                    "A backup made now holds {}{}, in one file encrypted with a passphrase.",
                    plural(c.listed + c.in_bin, "assessment", "assessments"),
                    if c.in_bin > 0 { format!(" ({} in the bin)", c.in_bin) } else { String::new() },
                )}</p>
                {(c.left_out > 0).then(|| view! {
                    <p class="body" data-testid="backup-left-out">{format!(
                        "{} on this device cannot be read and will not be in the backup. Download {} as stored from the list of assessments.",
                        plural(c.left_out, "record", "records"), if c.left_out == 1 { "it" } else { "each" }
                    )}</p>
                })}
                <form novalidate on:submit=submit>
                    {protected.then(|| view! {
                        <RadioGroup
                            name="backup-passphrase"
                            legend="Which passphrase should open the backup?"
                            choices=vec![
                                Pick::with_hint("device", "This device's passphrase", "The one you unlock the app with. Anyone restoring the backup needs it."),
                                Pick::with_hint("other", "Another passphrase", "For a backup you will restore somewhere this passphrase should not be known."),
                            ]
                            value=which
                            on_change=Callback::new(move |v| which.set(v))
                        />
                    })}
                    {move || (which.get() == "other").then(|| view! {
                        <p class="body">"Choose a passphrase of at least 12 characters. Keep it apart from the file: without it the backup cannot be opened, by you or anyone."</p>
                        {password_field("backup-new", "Passphrase for the backup", "new-password", first)}
                        {password_field("backup-again", "Passphrase for the backup again", "new-password", again)}
                    })}
                    <button class="button" type="submit" disabled=move || busy.get()>"Save a backup"</button>
                </form>
            }.into_any(),
        }}
        {move || message.get().map(|(ok, m)| view! {
            <p class=if ok { "inset-text" } else { "error-message" } role=if ok { "status" } else { "alert" } data-testid="backup-message">{m}</p>
        })}
    }
}

/// Makes, encrypts and downloads a backup, and notes it in the backup log. Returns what to say.
async fn make_backup(passphrase: Option<String>) -> Result<String, String> {
    let found = async { repo().await?.for_backup().await }
        .await
        .map_err(|e| e.to_string())?;
    if found.items.is_empty() {
        return Err("there are no assessments to back up".into());
    }
    let made_at = now();
    let text = backup_json(&found.items, made_at, crate::APP_VERSION);
    let sealed = match passphrase {
        Some(p) => crypto::encrypt_export(&text, &p).await,
        None => crypto::encrypt_with_device_passphrase(&text).await,
    }
    .map_err(|e| e.to_string())?;
    let name = backup_file_name(today(), found.items.len());
    download(&name, "application/json", &sealed)?;
    prefs::note_in_backup_log(|log| {
        log.backed_up(
            found.items.iter().map(|i| i.assessment.id.as_str()),
            made_at,
        )
    });
    Ok(format!(
        "Backup saved as {name}, with {}. Keep it somewhere other than this device (your council's secure storage, not a personal account), and the passphrase apart from it.",
        plural(found.items.len(), "assessment", "assessments")
    ))
}

/// One assessment of a backup being restored, what the device has of it, and the choice.
#[derive(Clone)]
struct Row {
    item: BackupItem,
    here: Here,
    choice: RwSignal<String>,
}

#[derive(Clone)]
enum Stage {
    Choose,
    Review {
        made_at: String,
        rows: Vec<Row>,
    },
    Restoring {
        done: usize,
        total: usize,
    },
    Done {
        words: Vec<String>,
        stopped: Option<String>,
    },
}

async fn read_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    input_file_text(
        input,
        "Select a backup file to restore.",
        MAX_BACKUP_BYTES,
        |_| {
            format!(
                "The file is larger than the {} MB a backup may be.",
                MAX_BACKUP_BYTES / 1024 / 1024
            )
        },
    )
    .await
}

/// Reads, decrypts and checks a backup file completely; nothing is stored.
async fn check_backup(text: String, passphrase: String) -> Result<Backup, String> {
    let plain = match crate::exchange::encrypted::read(&text) {
        None => text,
        Some(Err(e)) => return Err(format!("The backup file is damaged: {e}")),
        Some(Ok(sealed)) => match crypto::decrypt_with_device_passphrase(&sealed).await {
            Some(t) if passphrase.is_empty() => t,
            _ if passphrase.is_empty() => {
                return Err(
                    "This backup is encrypted. Enter the passphrase it was made with.".into(),
                )
            }
            _ => crypto::decrypt_export(&sealed, &passphrase)
                .await
                .map_err(|e| match e {
                    PassphraseError::Wrong => {
                        "The passphrase for this backup is not right.".to_owned()
                    }
                    PassphraseError::Failed(e) => {
                        format!("The backup could not be decrypted: {e}.")
                    }
                })?,
        },
    };
    read_backup(&plain, crate::procedure::known_hash).map_err(|e| e.to_string())
}

#[component]
fn RestoreBackup() -> impl IntoView {
    let stage = RwSignal::new(Stage::Choose);
    let error = RwSignal::new(None::<String>);
    let passphrase = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    // Procedures the backup's assessments follow that this device does not have: added (they
    // were checked with the backup) when the restore starts, before any assessment.
    let profiles_to_add = StoredValue::new(Vec::<crate::exchange::CarriedProfile>::new());

    let on_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(el) = input.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        error.set(None);
        spawn_local(async move {
            let text = match read_file(&el).await {
                Ok(t) => t,
                Err(m) => return error.set(Some(m)),
            };
            let backup = match check_backup(text, passphrase.get_untracked()).await {
                Ok(b) => b,
                Err(m) => return error.set(Some(format!("{m} Nothing has been restored."))),
            };
            profiles_to_add.set_value(backup.profiles_to_add);
            let mut rows = Vec::with_capacity(backup.items.len());
            for item in backup.items {
                let here = match async { repo().await?.compare(&item).await }.await {
                    Ok(h) => h,
                    Err(e) => {
                        return error.set(Some(format!(
                            "Your assessments cannot be read: {e}. Nothing has been restored."
                        )))
                    }
                };
                rows.push(Row {
                    item,
                    here,
                    choice: RwSignal::new("newer".to_owned()),
                });
            }
            stage.set(Stage::Review {
                made_at: long_time(backup.made_at),
                rows,
            });
        });
    };

    let restore = move |rows: Vec<Row>| {
        let total = rows.len();
        stage.set(Stage::Restoring { done: 0, total });
        spawn_local(async move {
            let (mut added, mut replaced, mut kept, mut copied, mut skipped) = (0, 0, 0, 0, 0);
            let mut stopped = None;
            for p in profiles_to_add.get_value() {
                if let Err(e) =
                    async { repo().await?.add_profile(p.profile, p.canonical).await }.await
                {
                    stopped = Some(format!(
                        "A procedure the assessments follow could not be stored: {e}. Nothing has been restored."
                    ));
                }
            }
            for (n, row) in rows.iter().enumerate().filter(|_| stopped.is_none()) {
                let choice = match row.choice.get_untracked().as_str() {
                    "both" => Choice::KeepBoth,
                    "skip" => Choice::Skip,
                    _ => Choice::KeepNewer,
                };
                let fresh = AssessmentId::from_random(random_bytes());
                match async { repo().await?.restore_item(&row.item, choice, fresh).await }.await {
                    Ok(Restored::Added) => added += 1,
                    Ok(Restored::Replaced) => replaced += 1,
                    Ok(Restored::KeptDevice) => kept += 1,
                    Ok(Restored::Copied(_)) => copied += 1,
                    Ok(Restored::Skipped) => skipped += 1,
                    Err(e) => {
                        stopped = Some(format!(
                            "Restoring stopped after {n} of {total}: {e}. Those {n} are restored whole and nothing else was changed. Restore the backup again to finish: what is already here is found the same."
                        ));
                        break;
                    }
                }
                stage.set(Stage::Restoring { done: n + 1, total });
            }
            crate::ui::platform::ask_to_keep_data();
            let mut words = Vec::new();
            for (n, one, many) in [
                (added, "assessment added", "assessments added"),
                (
                    replaced,
                    "replaced by the backup's newer copy",
                    "replaced by the backup's newer copies",
                ),
                (
                    copied,
                    "kept as both (the backup's copy has a new id)",
                    "kept as both (the backups' copies have new ids)",
                ),
                (
                    kept,
                    "already here as new or newer, kept as it is",
                    "already here as new or newer, kept as they are",
                ),
                (skipped, "skipped", "skipped"),
            ] {
                if n > 0 {
                    words.push(format!("{n} {}", if n == 1 { one } else { many }));
                }
            }
            stage.set(Stage::Done { words, stopped });
        });
    };

    view! {
        <h2 class="heading-l">"Restore from a backup"</h2>
        {move || error.get().map(|m| view! { <ErrorSummary title="The backup cannot be restored" messages=vec![m]/> })}
        {move || match stage.get() {
            Stage::Choose => view! {
                <p class="body">"On this device or another: the backup is checked completely before anything is stored. For each assessment this device already has, you choose what happens."</p>
                <form novalidate on:submit=on_check>
                    <div class="form-group">
                        <label class="label" for="backup-file">"Backup file"</label>
                        <div class="hint" id="backup-file-hint">"A file named like assessment-workbench-backup-2026-12-06-20-assessments.json"</div>
                        <input class="file-upload" id="backup-file" name="backup-file" type="file"
                            accept=".json,application/json" aria-describedby="backup-file-hint" node_ref=input/>
                    </div>
                    <div class="form-group">
                        <label class="label" for="backup-passphrase-restore">"The backup's passphrase"</label>
                        <div class="hint" id="backup-passphrase-restore-hint">"Leave it empty for a backup made on this device with its own passphrase."</div>
                        <input class="input input--w20" id="backup-passphrase-restore" name="backup-passphrase-restore" type="password"
                            autocomplete="off" aria-describedby="backup-passphrase-restore-hint" prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <button class="button" type="submit">"Check the backup"</button>
                </form>
            }.into_any(),
            Stage::Review { made_at, rows } => review(made_at, rows, restore, move || stage.set(Stage::Choose)).into_any(),
            Stage::Restoring { done, total } => view! {
                <p class="body" role="status" aria-live="polite" data-testid="restore-progress">{format!("Restoring {done} of {total}…")}</p>
            }.into_any(),
            Stage::Done { words, stopped } => view! {
                {stopped.map(|m| view! { <ErrorSummary title="The restore did not finish" messages=vec![m]/> })}
                <div class="banner banner--success" role="status" data-testid="restore-result">
                    <div class="banner__header"><h2 class="banner__title">"Restored"</h2></div>
                    <div class="banner__content">
                        <ul class="list list--bullet">{words.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    </div>
                </div>
                <p class="body"><a href="/" rel="external">"Go to your assessments"</a></p>
            }.into_any(),
        }}
    }
}

/// The backup's assessments before anything is stored: what is new here, and a choice for each
/// the device already has.
fn review(
    made_at: String,
    rows: Vec<Row>,
    restore: impl Fn(Vec<Row>) + Clone + 'static,
    cancel: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let new = rows.iter().filter(|r| r.here == Here::Absent).count();
    let same = rows.iter().filter(|r| r.here == Here::Same).count();
    let clashes: Vec<Row> = rows
        .iter()
        .filter(|r| !matches!(r.here, Here::Absent | Here::Same))
        .cloned()
        .collect();
    let total = rows.len();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        restore(rows.clone());
    };
    let cancel_click = move |_| cancel();
    view! {
        <p class="body" data-testid="restore-summary">{format!(
            "The backup was made {made_at} and holds {}: {new} new to this device{}.",
            plural(total, "assessment", "assessments"),
            if same > 0 { format!(", {same} already here exactly as in the backup") } else { String::new() },
        )}</p>
        <form novalidate on:submit=on_submit>
            {(!clashes.is_empty()).then(|| view! {
                <p class="body">{format!("{} already on this device with different contents. Choose for each:", plural(clashes.len(), "is", "are"))}</p>
            })}
            {clashes.into_iter().enumerate().map(|(i, r)| {
                let a = &r.item.assessment;
                let backup_time = long_time(a.updated_at);
                let (hint, newer_label) = match r.here {
                    Here::Different { updated_at, in_bin } => (
                        format!(
                            "This device's copy{} was last changed {}; the backup's {}.",
                            if in_bin { " (in the bin)" } else { "" },
                            long_time(updated_at),
                            backup_time
                        ),
                        if updated_at >= a.updated_at { "Keep the newer copy (this device's)" } else { "Keep the newer copy (the backup's)" },
                    ),
                    _ => (
                        format!("This device has a copy that cannot be read; the backup's was last changed {backup_time}. Keeping the newer keeps both."),
                        "Keep the newer copy",
                    ),
                };
                let choice = r.choice;
                view! {
                    <RadioGroup
                        name=format!("restore-{i}")
                        legend=format!("{} ({})", a.title(), a.id)
                        hint=hint
                        choices=vec![
                            Pick::new("newer", newer_label),
                            Pick::with_hint("both", "Keep both", "The backup's copy is added with a new id."),
                            Pick::new("skip", "Skip: leave this device's copy"),
                        ]
                        value=choice
                        on_change=Callback::new(move |v| choice.set(v))
                    />
                }
            }).collect_view()}
            <div class="button-group">
                <button class="button" type="submit">{format!("Restore {}", plural(total, "assessment", "assessments"))}</button>
                <button class="button button--secondary" type="button" on:click=cancel_click>"Cancel"</button>
            </div>
        </form>
    }
}
