//! The guided flow over a profile: which questions are asked (conditions, per child), what
//! required answers are missing, each section's status, the order of pages, and the
//! timescale facts an assessment's answers give. Pure: tested natively.

use crate::model::progress::{self, SectionProgress, SectionStatus};
use crate::model::{answer_key, Answer, Assessment, AssessmentType, Life, PersonId};
use crate::procedure::profile::{Condition, QuestionDef, SectionDef};
use crate::procedure::timescales::{self, Basis, Deadline, Facts};
use crate::procedure::Profile;
use chrono::NaiveDate;

pub mod writing_help;

/// The id of the chronology's task-list entry.
pub const CHRONOLOGY: &str = "chronology";

/// An assessment seen through its profile, on a given day.
#[derive(Clone, Copy)]
pub struct Flow<'a> {
    pub a: &'a Assessment,
    pub profile: &'a Profile,
    pub today: NaiveDate,
}

/// A required answer not given yet, and the page that asks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub words: String,
    pub section: String,
    pub page: Page,
}

/// One page of the flow: a group, for a child when the section is per child.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub group: String,
    pub child: Option<PersonId>,
}

impl<'a> Flow<'a> {
    /// The flow of `a` under `profile`.
    pub fn new(a: &'a Assessment, profile: &'a Profile, today: NaiveDate) -> Self {
        Self { a, profile, today }
    }

    /// The stored answer to a question, for a child when per child.
    pub fn answer(&self, question: &str, child: Option<&PersonId>) -> Option<&'a Answer> {
        self.a.answers.get(&answer_key(question, child))
    }

    /// The day the assessment was completed: the answer the profile names for it, the one
    /// completion date shown and used everywhere.
    pub fn completed_on(&self) -> Option<NaiveDate> {
        self.answer(&self.profile.timescales.completed_answer, None)
            .and_then(Answer::date)
    }

    /// The dates and facts the timescales need, read from the assessment and its answers.
    pub fn facts(&self) -> Facts {
        let rules = &self.profile.timescales;
        // A "done" date after today is not a fact yet (the form refuses one; older records
        // may hold one): it does not count as done.
        let past = |d: NaiveDate| d <= self.today;
        let date = |id: &str| {
            self.answer(id, None)
                .and_then(Answer::date)
                .filter(|d| past(*d))
        };
        let mut reviews: Vec<NaiveDate> = match self.answer(&rules.reviews_answer, None) {
            Some(Answer::Items(items)) => items
                .iter()
                .filter_map(|i| i.get("date"))
                .filter_map(|d| d.parse::<NaiveDate>().ok())
                .filter(|d| past(*d))
                .collect(),
            _ => Vec::new(),
        };
        reviews.sort();
        Facts {
            basis: match self.a.assessment_type {
                AssessmentType::Section17 => Basis::Section17,
                AssessmentType::Section47 => Basis::Section47,
                AssessmentType::PreBirth {
                    expected_delivery_date,
                } => Basis::PreBirth {
                    due_date: expected_delivery_date,
                },
            },
            referral: self.a.referral_date,
            start: self.a.start_date,
            first_visit: date(&rules.first_visit_answer),
            reviews_held: reviews,
            // Concluded when the team manager authorised it, else the date the worker gave.
            completed: self
                .a
                .case
                .authorised_on()
                .filter(|d| past(*d))
                .or_else(|| date(&rules.completed_answer)),
        }
    }

    /// Every deadline, in date order.
    pub fn deadlines(&self) -> Vec<Deadline> {
        timescales::deadlines(&self.profile.timescales, &self.facts(), self.today)
    }

    /// A warning when a deadline falls past the end of the bank holiday table, where working
    /// days are counted without bank holidays.
    pub fn calendar_warning(&self) -> Option<String> {
        let cal = crate::procedure::calendar::Calendar::england_and_wales();
        let last = self.deadlines().into_iter().map(|d| d.due).max()?;
        (!cal.covers(last)).then(|| {
            format!(
                "Timescales after {} do not count bank holidays yet: the dates shown after then count Monday to Friday only. Check them against the published bank holidays.",
                cal.last_year()
            )
        })
    }

    /// Why a date typed for `q` cannot be saved, if it cannot: a "done" date after today.
    pub fn refuse_date(&self, q: &QuestionDef, d: NaiveDate) -> Option<String> {
        (q.not_in_future && d > self.today).then(|| {
            format!(
                "{} must be today or in the past: it records something that has happened",
                q.label
            )
        })
    }

    /// What is overdue, or due in the next `days` working days, and not done: visits, reviews
    /// and completions, in date order.
    pub fn due_within(&self, days: u32) -> Vec<Deadline> {
        let cal = crate::procedure::calendar::Calendar::england_and_wales();
        let horizon =
            cal.add_working_days(self.today, crate::procedure::calendar::WorkingDays(days));
        self.deadlines()
            .into_iter()
            .filter(|d| !matches!(d.state, timescales::DueState::Done { .. }) && d.due <= horizon)
            .collect()
    }

    /// Whether the assessment is (or finished) past the profile's maximum.
    pub fn over_max(&self) -> bool {
        timescales::over_max(&self.profile.timescales, &self.facts(), self.today)
    }

    /// The children a per-child section is answered for.
    pub fn children(&self) -> Vec<PersonId> {
        self.a.children().map(|c| c.id.clone()).collect()
    }

    /// Whether a question is asked, given the answers so far.
    pub fn is_visible(
        &self,
        section: &SectionDef,
        q: &QuestionDef,
        child: Option<&PersonId>,
    ) -> bool {
        match &q.show_if {
            None => true,
            Some(c) => self.holds(section, c, child),
        }
    }

    /// Whether a condition holds for the page of `section` for `child`.
    fn holds(&self, section: &SectionDef, c: &Condition, child: Option<&PersonId>) -> bool {
        let person = || child.and_then(|c| self.a.person(c));
        match c {
            Condition::OverMaxWorkingDays => self.over_max(),
            Condition::AssessmentType { is_one_of } => {
                is_one_of.iter().any(|t| t == self.a.assessment_type.code())
            }
            Condition::ChildUnborn(unborn) => {
                person().is_some_and(|p| p.life == Life::Pregnancy) == *unborn
            }
            Condition::ChildAged { min, max } => person()
                .and_then(|p| p.age_on(self.a.as_at(self.today)))
                .is_some_and(|age| (*min..=*max).contains(&age)),
            Condition::Answer {
                question,
                is_one_of,
            } => {
                let Some(parent) = section.questions().find(|p| &p.id == question) else {
                    return false;
                };
                if !self.is_visible(section, parent, child) {
                    return false;
                }
                match self.answer(question, child) {
                    Some(Answer::Text(v)) => is_one_of.contains(v),
                    Some(Answer::Choices(vs)) => vs.iter().any(|v| is_one_of.contains(v)),
                    _ => false,
                }
            }
        }
    }

    /// Whether a section applies to this assessment (its `showIf`: the type, or for a
    /// per-child section whether any child is one it is for).
    pub fn applies(&self, section: &SectionDef) -> bool {
        !self.passes(section).is_empty()
    }

    /// The profile's sections that apply, in order.
    pub fn sections(&self) -> impl Iterator<Item = &'a SectionDef> + '_ {
        self.profile.sections.iter().filter(|s| self.applies(s))
    }

    /// The children to answer for: each child (that the section is for) for a per-child
    /// section, otherwise one pass; none when the section does not apply.
    fn passes(&self, section: &SectionDef) -> Vec<Option<PersonId>> {
        let passes: Vec<Option<PersonId>> = if section.per_child {
            self.children().into_iter().map(Some).collect()
        } else {
            vec![None]
        };
        match &section.show_if {
            None => passes,
            Some(c) => passes
                .into_iter()
                .filter(|child| self.holds(section, c, child.as_ref()))
                .collect(),
        }
    }

    fn child_name(&self, child: &PersonId) -> String {
        self.a
            .person(child)
            .map_or_else(|| "a child".to_owned(), |p| p.display_name())
    }

    /// Required questions asked but not answered, in plain words.
    pub fn missing(&self, section: &SectionDef) -> Vec<String> {
        let mut out: Vec<String> = self
            .missing_items(section)
            .into_iter()
            .map(|m| m.words)
            .collect();
        if section.per_child && self.a.children().next().is_none() && section.show_if.is_none() {
            out.push("Add a child first".to_owned());
        }
        out
    }

    /// Required questions asked but not answered, each with the page that asks it.
    pub fn missing_items(&self, section: &SectionDef) -> Vec<Missing> {
        let mut out = Vec::new();
        for child in self.passes(section) {
            for g in &section.groups {
                for q in &g.questions {
                    if !q.required || !self.is_visible(section, q, child.as_ref()) {
                        continue;
                    }
                    if self
                        .answer(&q.id, child.as_ref())
                        .is_some_and(Answer::is_given)
                    {
                        continue;
                    }
                    out.push(Missing {
                        words: match &child {
                            Some(c) => format!("{} ({})", q.label, self.child_name(c)),
                            None => q.label.clone(),
                        },
                        section: section.id.clone(),
                        page: Page {
                            group: g.id.clone(),
                            child: child.clone(),
                        },
                    });
                }
            }
        }
        out
    }

    /// Everything required that is still missing, in the order of the task list: empty when
    /// the assessment is ready for the manager to authorise.
    pub fn missing_everywhere(&self) -> Vec<Missing> {
        self.sections()
            .flat_map(|s| self.missing_items(s))
            .collect()
    }

    /// Whether anything in the section has been answered.
    pub fn started(&self, section: &SectionDef) -> bool {
        self.passes(section).iter().any(|child| {
            section.questions().any(|q| {
                self.answer(&q.id, child.as_ref())
                    .is_some_and(Answer::is_given)
            })
        })
    }

    /// One profile section's row in the task list.
    pub fn progress(&self, section: &SectionDef) -> SectionProgress {
        let missing = self.missing(section);
        SectionProgress {
            id: section.id.clone(),
            title: section.title.clone(),
            status: progress::status(self.a, &section.id, self.started(section), &missing),
            missing,
        }
    }

    /// The whole task list: the common sections, the profile's, then the chronology.
    pub fn task_list(&self) -> Vec<SectionProgress> {
        let mut all = progress::sections(self.a);
        all.extend(self.sections().map(|s| self.progress(s)));
        let started = !self.a.chronology.is_empty();
        all.push(SectionProgress {
            id: CHRONOLOGY.to_owned(),
            title: "Chronology".to_owned(),
            status: progress::status(self.a, CHRONOLOGY, started, &[]),
            missing: Vec::new(),
        });
        all
    }

    /// The pages of a section in order: each group, for each child in turn when per child;
    /// a group with no question to ask (for this child) is not a page.
    pub fn pages(&self, section: &SectionDef) -> Vec<Page> {
        self.passes(section)
            .into_iter()
            .flat_map(|child| {
                section
                    .groups
                    .iter()
                    .filter(|g| {
                        g.questions
                            .iter()
                            .any(|q| self.is_visible(section, q, child.as_ref()))
                    })
                    .map(|g| Page {
                        group: g.id.clone(),
                        child: child.clone(),
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The page after `page`, or `None` at the end of the section.
    pub fn next_page(&self, section: &SectionDef, page: &Page) -> Option<Page> {
        let pages = self.pages(section);
        let i = pages.iter().position(|p| p == page)?;
        pages.get(i + 1).cloned()
    }
}

/// Whether every listed section is completed.
pub fn all_completed(list: &[SectionProgress]) -> bool {
    list.iter().all(|s| s.status == SectionStatus::Completed)
}

#[cfg(test)]
mod tests;
