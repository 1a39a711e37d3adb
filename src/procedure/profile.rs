//! The shape of a procedure profile: sections of question groups, each question with its answer
//! type, help (with the procedure's section number), whether it is required, and when it shows.
//! Profiles are JSON files; [`check`] refuses a profile that could not drive the flow.

use super::timescales::TimescaleRules;
use serde::Deserialize;
use std::collections::HashSet;

/// One local authority's assessment procedure, as data.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    /// Counts up each time the council publishes a changed chapter; an assessment keeps the
    /// version it was started under until the worker moves it on.
    #[serde(default = "first_version")]
    pub version: u32,
    /// The council whose chapter this is (empty for the built-in, generic profiles).
    #[serde(default)]
    pub council: String,
    /// When this version was published.
    #[serde(default)]
    pub published: Option<chrono::NaiveDate>,
    pub name: String,
    pub summary: String,
    /// The chapter the profile was taken from.
    pub source: String,
    pub timescales: TimescaleRules,
    /// The default wording of the safety scale.
    pub safety_scale: ScaleWording,
    pub sections: Vec<SectionDef>,
    /// The chapter's numbered sections that have no questions, each with why (the rest are
    /// named by a section's or group's `reference`); a test checks every numbered section of
    /// the chapter is one or the other.
    #[serde(default)]
    pub not_asked: Vec<NotAsked>,
    /// The content's SHA-256 (see [`super::identity`]): set when the file is read, never
    /// written in one.
    #[serde(skip)]
    pub hash: String,
}

fn first_version() -> u32 {
    1
}

/// A numbered section of the chapter that the profile asks nothing about, and why.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotAsked {
    /// The section's number, as "§1".
    pub reference: String,
    pub why: String,
}

/// A scale's question and what each end means (a scale's own words, in [`crate::model`]).
pub use crate::model::scales::ScaleWording;

/// A section of the task list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SectionDef {
    pub id: String,
    pub title: String,
    /// The procedure's section number(s), e.g. "§5".
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub intro: String,
    /// Answered once for each child in the assessment.
    #[serde(default)]
    pub per_child: bool,
    /// When the section applies at all: an assessment type, or (for a per-child section) the
    /// children it is answered for. Not shown, not counted, when it does not apply.
    #[serde(default)]
    pub show_if: Option<Condition>,
    pub groups: Vec<GroupDef>,
}

/// One page of questions.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GroupDef {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub help: String,
    /// Records of the assessment this page's questions lead to, offered beside them.
    #[serde(default)]
    pub tools: Vec<Tool>,
    pub questions: Vec<QuestionDef>,
}

/// A part of the workbench a page of questions can point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Tool {
    /// Danger statements paired with safety goals, and harm statements.
    Planning,
    /// The safety plan.
    SafetyPlan,
}

/// The kinds of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QuestionKind {
    Text,
    LongText,
    YesNo,
    Choice,
    Multi,
    Date,
    /// A repeating item ("add another"), each with the question's `fields`.
    List,
}

/// A choice offered by a `choice` or `multi` question.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OptionDef {
    pub value: String,
    pub label: String,
    #[serde(default)]
    pub hint: String,
}

/// When a question is asked.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Condition {
    /// An earlier question in the same section has one of these values.
    #[serde(rename_all = "camelCase")]
    Answer {
        question: String,
        is_one_of: Vec<String>,
    },
    /// The assessment has gone past the profile's maximum working days.
    OverMaxWorkingDays,
    /// The assessment is of one of these types ("section17", "section47", "preBirth").
    #[serde(rename_all = "camelCase")]
    AssessmentType { is_one_of: Vec<String> },
    /// The child a per-child page is for is an unborn baby (`true`) or born (`false`).
    ChildUnborn(bool),
    /// The child a per-child page is for is aged from `min` to `max` years.
    ChildAged { min: u32, max: u32 },
}

impl Condition {
    /// Whether the condition is about the child a page is for (per-child sections only).
    pub fn is_about_the_child(&self) -> bool {
        matches!(
            self,
            Condition::ChildUnborn(_) | Condition::ChildAged { .. }
        )
    }
}

/// One question.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub show_if: Option<Condition>,
    #[serde(default)]
    pub options: Vec<OptionDef>,
    /// For `list` questions: the fields of each item.
    #[serde(default)]
    pub fields: Vec<QuestionDef>,
    /// For `list` questions: what one item is called ("Worry", "Review").
    #[serde(default)]
    pub item_label: String,
    /// For dates of things done (a visit, a review, the completion): a date after today is
    /// refused with a reason, since it cannot have happened yet.
    #[serde(default)]
    pub not_in_future: bool,
}

impl QuestionDef {
    /// The values this question can take, for choice-like questions.
    pub fn values(&self) -> Vec<String> {
        match self.kind {
            QuestionKind::YesNo => vec!["yes".into(), "no".into()],
            _ => self.options.iter().map(|o| o.value.clone()).collect(),
        }
    }
    /// The words shown for a stored value.
    pub fn value_label(&self, value: &str) -> String {
        match self.kind {
            QuestionKind::YesNo => match value {
                "yes" => "Yes".into(),
                "no" => "No".into(),
                other => other.into(),
            },
            _ => self
                .options
                .iter()
                .find(|o| o.value == value)
                .map_or_else(|| value.to_owned(), |o| o.label.clone()),
        }
    }
}

impl Profile {
    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&SectionDef> {
        self.sections.iter().find(|s| s.id == id)
    }
    /// The label of the question with this id, or the id when there is none.
    pub fn question_label(&self, id: &str) -> String {
        self.sections
            .iter()
            .flat_map(|s| s.questions())
            .find(|q| q.id == id)
            .map_or_else(|| id.to_owned(), |q| q.label.clone())
    }
}

impl Profile {
    /// The question with this id, in whichever section asks it.
    pub fn question(&self, id: &str) -> Option<&QuestionDef> {
        self.sections
            .iter()
            .find_map(|s| s.questions().find(|q| q.id == id))
    }

    /// Where a question is asked: its section and the group (page) it is on.
    pub fn question_page(&self, id: &str) -> Option<(&SectionDef, &GroupDef)> {
        self.sections.iter().find_map(|s| {
            s.groups
                .iter()
                .find(|g| g.questions.iter().any(|q| q.id == id))
                .map(|g| (s, g))
        })
    }
}

impl SectionDef {
    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&GroupDef> {
        self.groups.iter().find(|g| g.id == id)
    }
    /// Every question of the section, in order.
    pub fn questions(&self) -> impl Iterator<Item = &QuestionDef> {
        self.groups.iter().flat_map(|g| g.questions.iter())
    }
}

/// The most sections, groups per section, questions per group, options and list fields a
/// profile may have, and characters in any of its words: generous for a real chapter, and the
/// published schema's limits too (`public/schema/profile-v1.schema.json`, which also bounds ids,
/// option values and references in length).
pub const MAX_SECTIONS: usize = 60;
pub const MAX_GROUPS: usize = 60;
pub const MAX_QUESTIONS: usize = 100;
pub const MAX_OPTIONS: usize = 100;
pub const MAX_FIELDS: usize = 30;
pub const MAX_TEXT: usize = 4000;

/// Section ids the app uses for its own pages.
pub const RESERVED_SECTION_IDS: [&str; 5] =
    ["details", "children", "people", "chronology", "delete"];

/// Why a profile was refused: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileProblem {
    pub at: String,
    pub problem: String,
}

fn id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Checks everything the flow relies on; returns every problem found.
pub fn check(p: &Profile) -> Vec<ProfileProblem> {
    let mut out = Vec::new();
    let mut bad = |at: String, problem: &str| {
        out.push(ProfileProblem {
            at,
            problem: problem.to_owned(),
        })
    };
    if !id_ok(&p.id) {
        bad(
            "id".into(),
            "must be letters, digits and dashes, starting with a letter",
        );
    }
    if p.name.trim().is_empty() {
        bad("name".into(), "must not be empty");
    }
    if p.version == 0 {
        bad("version".into(), "must be 1 or more");
    }
    if p.safety_scale.question.trim().is_empty()
        || p.safety_scale.low_anchor.trim().is_empty()
        || p.safety_scale.high_anchor.trim().is_empty()
    {
        bad("safetyScale".into(), "needs a question and both anchors");
    }
    if p.timescales.max_working_days == 0 {
        bad("timescales.maxWorkingDays".into(), "must be more than 0");
    }
    let mut section_ids = HashSet::new();
    let mut question_ids = HashSet::new();
    if p.sections.len() > MAX_SECTIONS {
        bad(
            "sections".into(),
            &format!("a profile may have at most {MAX_SECTIONS} sections"),
        );
    }
    for (at, text) in [
        ("name", &p.name),
        ("summary", &p.summary),
        ("source", &p.source),
        ("council", &p.council),
    ] {
        if text.chars().count() > MAX_TEXT {
            bad(at.into(), &format!("may be at most {MAX_TEXT} characters"));
        }
    }
    for (si, s) in p.sections.iter().enumerate() {
        let at = format!("sections[{si}]");
        if s.groups.len() > MAX_GROUPS {
            bad(
                at.clone(),
                &format!("a section may have at most {MAX_GROUPS} groups"),
            );
        }
        if !id_ok(&s.id) {
            bad(at.clone(), "section id must be letters, digits and dashes");
        }
        if RESERVED_SECTION_IDS.contains(&s.id.as_str()) {
            bad(at.clone(), "this section id is used by the app itself");
        }
        if !section_ids.insert(s.id.as_str()) {
            bad(at.clone(), "section id is used twice");
        }
        if s.groups.is_empty() {
            bad(
                at.clone(),
                "a section needs at least one group of questions",
            );
        }
        match &s.show_if {
            Some(Condition::Answer { .. } | Condition::OverMaxWorkingDays) => bad(
                at.clone(),
                "a section's showIf can only name assessment types or the children it is for",
            ),
            Some(c) if c.is_about_the_child() && !s.per_child => bad(
                at.clone(),
                "showIf is about the child, but the section is not answered per child",
            ),
            Some(c) => check_condition_values(c, &format!("{at}.showIf"), &mut bad),
            None => {}
        }
        let mut group_ids = HashSet::new();
        let mut earlier: Vec<&QuestionDef> = Vec::new();
        // Every question of the section, for a condition that names one asked later.
        let all_in_section: Vec<&str> = s.questions().map(|q| q.id.as_str()).collect();
        for (gi, g) in s.groups.iter().enumerate() {
            let gat = format!("{at}.groups[{gi}]");
            if g.questions.len() > MAX_QUESTIONS {
                bad(
                    gat.clone(),
                    &format!("a group may have at most {MAX_QUESTIONS} questions"),
                );
            }
            if !id_ok(&g.id) || !group_ids.insert(g.id.as_str()) {
                bad(
                    gat.clone(),
                    "group id must be unique in its section, letters, digits and dashes",
                );
            }
            if g.questions.is_empty() {
                bad(gat.clone(), "a group needs at least one question");
            }
            for (qi, q) in g.questions.iter().enumerate() {
                let qat = format!("{gat}.questions[{qi}]");
                let cat = format!("{qat}.showIf");
                if !id_ok(&q.id) || !question_ids.insert(q.id.as_str()) {
                    bad(
                        qat.clone(),
                        "question id must be unique in the profile, letters, digits and dashes",
                    );
                }
                check_question(q, &qat, &mut bad);
                match &q.show_if {
                    Some(c) if c.is_about_the_child() && !s.per_child => bad(
                        cat.clone(),
                        "is about the child, but the section is not answered per child",
                    ),
                    Some(c) => check_condition_values(c, &cat, &mut bad),
                    None => {}
                }
                if let Some(Condition::Answer {
                    question,
                    is_one_of,
                }) = &q.show_if
                {
                    match earlier.iter().find(|e| &e.id == question) {
                        None if question == &q.id => bad(cat.clone(), "names the question itself"),
                        None if all_in_section.contains(&question.as_str()) => bad(
                            cat.clone(),
                            "names a question that comes later: a condition may only name one asked before it in this section",
                        ),
                        None => bad(
                            cat.clone(),
                            "names a question that is not earlier in this section",
                        ),
                        Some(e) => {
                            let values = e.values();
                            if values.is_empty() {
                                bad(
                                    cat.clone(),
                                    "must name a yes/no, choice or multiple-choice question",
                                );
                            } else if is_one_of.is_empty()
                                || is_one_of.iter().any(|v| !values.contains(v))
                            {
                                bad(cat.clone(), "lists a value the question does not offer");
                            }
                        }
                    }
                }
                earlier.push(q);
            }
        }
    }
    for (what, id) in p.timescales.answer_ids() {
        let problem = match p.question_page(id) {
            None => Some(format!(
                "names the question \"{id}\", which the profile does not have"
            )),
            Some((s, _)) if s.per_child => Some(format!(
                "names the question \"{id}\", which is answered per child: the timescales need one answer for the assessment"
            )),
            Some((_, g)) => {
                let q = g.questions.iter().find(|q| q.id == id).expect("found on its page");
                let dated_list = q.kind == QuestionKind::List
                    && q.fields.iter().any(|f| f.id == "date" && f.kind == QuestionKind::Date);
                match what {
                    "reviewsAnswer" if !dated_list => Some(format!(
                        "names the question \"{id}\", which must be a list whose items have a date field with the id \"date\""
                    )),
                    "firstVisitAnswer" | "completedAnswer" if q.kind != QuestionKind::Date => {
                        Some(format!(
                            "names the question \"{id}\", which must be a date question"
                        ))
                    }
                    _ => None,
                }
            }
        };
        if let Some(problem) = problem {
            out.push(ProfileProblem {
                at: format!("timescales.{what}"),
                problem,
            });
        }
    }
    out
}

/// The values a condition names: assessment types the app has, an age range the right way round.
fn check_condition_values(c: &Condition, at: &str, bad: &mut impl FnMut(String, &str)) {
    match c {
        Condition::AssessmentType { is_one_of }
            if is_one_of.is_empty()
                || is_one_of
                    .iter()
                    .any(|v| !["section17", "section47", "preBirth"].contains(&v.as_str())) =>
        {
            bad(
                at.to_owned(),
                "names an assessment type the app does not have",
            )
        }
        Condition::ChildAged { min, max } if min > max => {
            bad(at.to_owned(), "has its age range the wrong way round")
        }
        _ => {}
    }
}

fn check_question(q: &QuestionDef, at: &str, bad: &mut impl FnMut(String, &str)) {
    if q.label.trim().is_empty() {
        bad(at.to_owned(), "a question needs a label");
    }
    if q.not_in_future && q.kind != QuestionKind::Date {
        bad(at.to_owned(), "only dates can be refused in the future");
    }
    if [&q.label, &q.hint, &q.item_label]
        .iter()
        .chain(
            q.options
                .iter()
                .flat_map(|o| [&o.label, &o.hint])
                .collect::<Vec<_>>()
                .iter(),
        )
        .any(|t| t.chars().count() > MAX_TEXT)
    {
        bad(
            at.to_owned(),
            &format!("its words may be at most {MAX_TEXT} characters each"),
        );
    }
    if q.options.len() > MAX_OPTIONS || q.fields.len() > MAX_FIELDS {
        bad(
            at.to_owned(),
            &format!("a question may have at most {MAX_OPTIONS} options and {MAX_FIELDS} fields"),
        );
    }
    match q.kind {
        QuestionKind::Choice | QuestionKind::Multi => {
            let mut seen = HashSet::new();
            if q.options.len() < 2 {
                bad(at.to_owned(), "a choice needs at least two options");
            }
            if q.options
                .iter()
                .any(|o| o.value.is_empty() || !seen.insert(o.value.as_str()))
            {
                bad(at.to_owned(), "option values must be unique and not empty");
            }
        }
        _ if !q.options.is_empty() => bad(at.to_owned(), "only choice questions have options"),
        _ => {}
    }
    match q.kind {
        QuestionKind::List => {
            if q.fields.is_empty() {
                bad(at.to_owned(), "a list needs fields");
            }
            if q.item_label.trim().is_empty() {
                bad(at.to_owned(), "a list needs an itemLabel");
            }
            let mut seen = HashSet::new();
            for (fi, f) in q.fields.iter().enumerate() {
                let fat = format!("{at}.fields[{fi}]");
                if !id_ok(&f.id) || !seen.insert(f.id.as_str()) {
                    bad(fat.clone(), "field ids must be unique in the list");
                }
                if f.kind == QuestionKind::List
                    || f.kind == QuestionKind::Multi
                    || f.show_if.is_some()
                {
                    bad(
                        fat.clone(),
                        "list fields are single answers without conditions",
                    );
                }
                check_question(f, &fat, bad);
            }
        }
        _ if !q.fields.is_empty() => bad(at.to_owned(), "only list questions have fields"),
        _ => {}
    }
}
