//! The guided flow over a profile: which questions are asked (conditions, per child), what
//! required answers are missing, each section's status, the order of pages, and the
//! timescale facts an assessment's answers give. Pure: tested natively.

use crate::model::progress::{self, SectionProgress, SectionStatus};
use crate::model::{answer_key, Answer, Assessment, AssessmentType, PersonId};
use crate::procedure::profile::{Condition, QuestionDef, SectionDef};
use crate::procedure::timescales::{self, Basis, Deadline, Facts};
use crate::procedure::Profile;
use chrono::NaiveDate;

/// The id of the chronology's task-list entry.
pub const CHRONOLOGY: &str = "chronology";

/// An assessment seen through its profile, on a given day.
#[derive(Clone, Copy)]
pub struct Flow<'a> {
    pub a: &'a Assessment,
    pub profile: &'a Profile,
    pub today: NaiveDate,
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

    /// The dates and facts the timescales need, read from the assessment and its answers.
    pub fn facts(&self) -> Facts {
        let rules = &self.profile.timescales;
        let date = |id: &str| self.answer(id, None).and_then(Answer::date);
        let mut reviews: Vec<NaiveDate> = match self.answer(&rules.reviews_answer, None) {
            Some(Answer::Items(items)) => items
                .iter()
                .filter_map(|i| i.get("date"))
                .filter_map(|d| d.parse::<NaiveDate>().ok())
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
            completed: date(&rules.completed_answer),
        }
    }

    /// Every deadline, in date order.
    pub fn deadlines(&self) -> Vec<Deadline> {
        timescales::deadlines(&self.profile.timescales, &self.facts(), self.today)
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
            Some(Condition::OverMaxWorkingDays) => self.over_max(),
            Some(Condition::Answer {
                question,
                is_one_of,
            }) => {
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

    /// The children to answer for: each child for a per-child section, otherwise one pass.
    fn passes(&self, section: &SectionDef) -> Vec<Option<PersonId>> {
        if section.per_child {
            self.children().into_iter().map(Some).collect()
        } else {
            vec![None]
        }
    }

    fn child_name(&self, child: &PersonId) -> String {
        self.a
            .person(child)
            .map_or_else(|| "a child".to_owned(), |p| p.display_name())
    }

    /// Required questions asked but not answered, in plain words.
    pub fn missing(&self, section: &SectionDef) -> Vec<String> {
        let mut out = Vec::new();
        for child in self.passes(section) {
            for q in section.questions() {
                if !q.required || !self.is_visible(section, q, child.as_ref()) {
                    continue;
                }
                if !self
                    .answer(&q.id, child.as_ref())
                    .is_some_and(Answer::is_given)
                {
                    out.push(match &child {
                        Some(c) => format!("{} ({})", q.label, self.child_name(c)),
                        None => q.label.clone(),
                    });
                }
            }
        }
        if section.per_child && self.a.children().next().is_none() {
            out.push("Add a child first".to_owned());
        }
        out
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
        all.extend(self.profile.sections.iter().map(|s| self.progress(s)));
        let started = !self.a.chronology.is_empty();
        all.push(SectionProgress {
            id: CHRONOLOGY.to_owned(),
            title: "Chronology".to_owned(),
            status: progress::status(self.a, CHRONOLOGY, started, &[]),
            missing: Vec::new(),
        });
        all
    }

    /// The pages of a section in order: each group, for each child in turn when per child.
    pub fn pages(&self, section: &SectionDef) -> Vec<Page> {
        self.passes(section)
            .into_iter()
            .flat_map(|child| {
                section.groups.iter().map(move |g| Page {
                    group: g.id.clone(),
                    child: child.clone(),
                })
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
