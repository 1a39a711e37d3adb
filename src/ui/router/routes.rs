//! The app's URLs as data: one [`Route`] for every page, parsed from a path with no browser
//! involved, so the table is tested natively and both app modules read the same one.

/// One page of the app, with what its URL names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the assessments on this device.
    List,
    /// `/new`
    New,
    /// `/import`
    Import,
    /// `/bin`
    Bin,
    /// `/storage`: storage on this device and the passphrase.
    Storage,
    /// `/due`: what is due this week across every assessment.
    Due,
    /// `/backup`: back up every assessment to one file, or restore a backup.
    Backup,
    /// `/procedures`: the procedure profiles on this device; load, withdraw, preview.
    Procedures,
    /// `/procedures/preview?profile=…&version=…`: a profile walked through on an empty
    /// fictional case, nothing stored.
    ProcedurePreview,
    /// `/exports`: every authorised assessment in a date range, for the case system (a
    /// workbench page: its mappings stay out of the front's first load).
    Exports,
    /// `/demo`: makes a new demonstration case and opens it (a workbench page).
    Demo,
    /// `/assessments/:id/...`
    Assessment { id: String, page: Page },
    /// Anything else.
    NotFound,
}

/// A page inside one assessment (the part of the URL after `/assessments/:id`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Details,
    Children,
    People,
    Person(String),
    Delete,
    Chronology,
    Print,
    PrintFamily,
    Genogram,
    Network,
    NetworkPresent,
    Scales,
    Scale(String),
    ScalePresent(String),
    /// Harm and danger statements, safety goals and meetings.
    Planning,
    /// One danger statement with its safety goal and scale.
    Pair(String),
    SafetyPlan,
    SafetyPlanPresent,
    /// Completion, authorisation, census facts and the exports for the case system.
    CaseRecord,
    /// One of the child's own tools, as the worker records it.
    Tool(String),
    /// The tool in child mode: the tool alone, nothing else reachable until the worker leaves.
    ToolChild(String),
    /// Drawing one surface of a tool (a story page's picture) full screen, outside child mode.
    ToolDraw(String, String),
    /// Family group decision-making: the offer, the exception, the application, the meetings.
    FamilyGroup,
    /// One family group decision-making meeting and the family's plan.
    FamilyMeeting(String),
    /// The family's plan printed on its own, for the family to take away.
    FamilyPlanPrint(String),
    Section(String),
    Group(String, String),
    NotFound,
}

impl Route {
    /// The route for a path (no query or fragment); a trailing slash is ignored.
    pub fn parse(path: &str) -> Route {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::List,
            ["new"] => Route::New,
            ["import"] => Route::Import,
            ["bin"] => Route::Bin,
            ["storage"] => Route::Storage,
            ["due"] => Route::Due,
            ["backup"] => Route::Backup,
            ["procedures"] => Route::Procedures,
            ["procedures", "preview"] => Route::ProcedurePreview,
            ["exports"] => Route::Exports,
            ["demo"] => Route::Demo,
            ["assessments", id, rest @ ..] => Route::Assessment {
                id: decode(id),
                page: Page::parse(rest),
            },
            _ => Route::NotFound,
        }
    }

    /// The smallest app module that has this route's page (see `ui::handoff`).
    /// `public/boot.js` makes the same choice before any module loads.
    pub fn module(&self) -> Module {
        match self {
            Route::List | Route::NotFound => Module::Front,
            Route::New => Module::Workbench,
            Route::Assessment { page, .. } if page.is_everyday() => Module::Workbench,
            _ => Module::Whole,
        }
    }

    /// Whether this route is one of an assessment's pages.
    pub fn is_assessment(&self) -> bool {
        matches!(self, Route::Assessment { .. })
    }

    /// The named parts of the URL, under the names the pages ask for.
    pub fn params(&self) -> Params {
        let mut out = Params::default();
        if let Route::Assessment { id, page } = self {
            out.insert("id", id);
            match page {
                Page::Person(p) => out.insert("pid", p),
                Page::Scale(s) | Page::ScalePresent(s) => out.insert("sid", s),
                Page::Pair(p) => out.insert("pair", p),
                Page::FamilyMeeting(m) | Page::FamilyPlanPrint(m) => out.insert("meeting", m),
                Page::Tool(t) | Page::ToolChild(t) => out.insert("tool", t),
                Page::ToolDraw(t, surface) => {
                    out.insert("tool", t);
                    out.insert("surface", surface);
                }
                Page::Section(s) => out.insert("section", s),
                Page::Group(s, g) => {
                    out.insert("section", s);
                    out.insert("group", g);
                }
                _ => {}
            }
        }
        out
    }
}

/// The three app modules, smallest first: each has every page of the ones before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Module {
    /// The list of assessments, from the summaries stored with them.
    Front,
    /// Opening an assessment and the pages a worker uses most: the overview, the guided
    /// questions, the people, the scales, danger statements and goals, the safety plan.
    Workbench,
    /// Every page: the drawing editors, the child's own tools, the family group pages, the
    /// case record, the printed summaries, and the pages outside any one assessment.
    Whole,
}

impl Module {
    /// The module's name in the built files and the loader (`public/boot.js`).
    pub fn name(self) -> &'static str {
        match self {
            Module::Front => "front",
            Module::Workbench => "workbench",
            Module::Whole => "whole",
        }
    }
}

impl Page {
    /// Whether the workbench module has this page: the ones a worker uses in most visits.
    pub fn is_everyday(&self) -> bool {
        matches!(
            self,
            Page::Overview
                | Page::Details
                | Page::Children
                | Page::People
                | Page::Person(_)
                | Page::Delete
                | Page::Scales
                | Page::Scale(_)
                | Page::Planning
                | Page::Pair(_)
                | Page::SafetyPlan
                | Page::Section(_)
                | Page::Group(..)
                | Page::NotFound
        )
    }

    fn parse(rest: &[&str]) -> Page {
        let one = |s: &&str| decode(s);
        match rest {
            [] => Page::Overview,
            ["details"] => Page::Details,
            ["children"] => Page::Children,
            ["people"] => Page::People,
            ["person", pid] => Page::Person(one(pid)),
            ["delete"] => Page::Delete,
            ["chronology"] => Page::Chronology,
            ["print"] => Page::Print,
            ["print", "family"] => Page::PrintFamily,
            ["genogram"] => Page::Genogram,
            ["network"] => Page::Network,
            ["network", "present"] => Page::NetworkPresent,
            ["scales"] => Page::Scales,
            ["scales", sid] => Page::Scale(one(sid)),
            ["scales", sid, "present"] => Page::ScalePresent(one(sid)),
            ["planning"] => Page::Planning,
            ["case-record"] => Page::CaseRecord,
            ["planning", pair] => Page::Pair(one(pair)),
            ["tools", t] => Page::Tool(one(t)),
            ["tools", t, "child"] => Page::ToolChild(one(t)),
            ["tools", t, "draw", surface] => Page::ToolDraw(one(t), one(surface)),
            ["safety-plan"] => Page::SafetyPlan,
            ["safety-plan", "present"] => Page::SafetyPlanPresent,
            ["family-group"] => Page::FamilyGroup,
            ["family-group", m] => Page::FamilyMeeting(one(m)),
            ["family-group", m, "print"] => Page::FamilyPlanPrint(one(m)),
            ["s", section] => Page::Section(one(section)),
            ["s", section, group] => Page::Group(one(section), one(group)),
            _ => Page::NotFound,
        }
    }
}

/// Named values from a path or a query string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The value under `key`, if any (the first, for a repeated query key).
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    fn insert(&mut self, key: &str, value: &str) {
        self.0.push((key.to_string(), value.to_string()));
    }

    /// The pairs of a query string (with or without its leading `?`).
    pub fn from_query(query: &str) -> Params {
        let mut out = Params::default();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            out.insert(&percent_decode(k, true), &percent_decode(v, true));
        }
        out
    }
}

/// Percent-decoding of a path segment; a malformed escape is kept as written.
fn decode(s: &str) -> String {
    percent_decode(s, false)
}

/// Percent-decoding, with `+` as a space in a query; a malformed escape is kept as written.
fn percent_decode(s: &str, query: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if query => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str) -> Page {
        match Route::parse(path) {
            Route::Assessment { page, .. } => page,
            other => panic!("{path} is not an assessment page: {other:?}"),
        }
    }

    #[test]
    fn top_level_pages() {
        assert_eq!(Route::parse("/"), Route::List);
        assert_eq!(Route::parse(""), Route::List);
        assert_eq!(Route::parse("/new"), Route::New);
        assert_eq!(Route::parse("/import/"), Route::Import);
        assert_eq!(Route::parse("/bin"), Route::Bin);
        assert_eq!(Route::parse("/storage"), Route::Storage);
        assert_eq!(Route::parse("/due"), Route::Due);
        assert_eq!(Route::parse("/backup/"), Route::Backup);
        assert_eq!(Route::parse("/procedures"), Route::Procedures);
        let fg = |page| Route::Assessment {
            id: "a-01".into(),
            page,
        };
        assert_eq!(
            Route::parse("/assessments/a-01/family-group"),
            fg(Page::FamilyGroup)
        );
        assert_eq!(
            Route::parse("/assessments/a-01/family-group/i-0a"),
            fg(Page::FamilyMeeting("i-0a".into()))
        );
        assert_eq!(
            Route::parse("/assessments/a-01/family-group/i-0a/print"),
            fg(Page::FamilyPlanPrint("i-0a".into()))
        );
        assert_eq!(
            fg(Page::FamilyMeeting("i-0a".into()))
                .params()
                .get("meeting")
                .as_deref(),
            Some("i-0a")
        );
        assert_eq!(
            Route::parse("/procedures/preview/"),
            Route::ProcedurePreview
        );

        assert_eq!(Route::parse("/exports"), Route::Exports);
        assert_eq!(Route::parse("/nowhere"), Route::NotFound);
        assert_eq!(Route::parse("/new/extra"), Route::NotFound);
        assert!(!Route::parse("/bin").is_assessment());
    }

    #[test]
    fn assessment_pages_and_their_params() {
        let r = Route::parse("/assessments/abc-1/s/analysis/risks");
        assert!(r.is_assessment());
        assert_eq!(r.params().get("id").as_deref(), Some("abc-1"));
        assert_eq!(r.params().get("section").as_deref(), Some("analysis"));
        assert_eq!(r.params().get("group").as_deref(), Some("risks"));
        assert_eq!(r.params().get("pid"), None);
        assert_eq!(page("/assessments/a"), Page::Overview);
        assert_eq!(page("/assessments/a/"), Page::Overview);
        assert_eq!(page("/assessments/a/print/family"), Page::PrintFamily);
        assert_eq!(page("/assessments/a/network/present"), Page::NetworkPresent);
        assert_eq!(
            page("/assessments/a/scales/s1/present"),
            Page::ScalePresent("s1".into())
        );
        assert_eq!(page("/assessments/a/person/p9"), Page::Person("p9".into()));
        assert_eq!(page("/assessments/a/planning"), Page::Planning);
        assert_eq!(page("/assessments/a/case-record"), Page::CaseRecord);
        assert_eq!(
            page("/assessments/a/planning/i-1"),
            Page::Pair("i-1".into())
        );
        assert_eq!(page("/assessments/a/safety-plan"), Page::SafetyPlan);
        assert_eq!(
            page("/assessments/a/safety-plan/present"),
            Page::SafetyPlanPresent
        );
        assert_eq!(
            Route::parse("/assessments/a/planning/i-1")
                .params()
                .get("pair")
                .as_deref(),
            Some("i-1")
        );
        assert_eq!(
            Route::parse("/assessments/a/scales/s1")
                .params()
                .get("sid")
                .as_deref(),
            Some("s1")
        );
        assert_eq!(page("/assessments/a/tools/i-1"), Page::Tool("i-1".into()));
        assert_eq!(
            page("/assessments/a/tools/i-1/child"),
            Page::ToolChild("i-1".into())
        );
        let draw = Route::parse("/assessments/a/tools/i-1/draw/i-2");
        assert_eq!(draw.params().get("tool").as_deref(), Some("i-1"));
        assert_eq!(draw.params().get("surface").as_deref(), Some("i-2"));
        assert_eq!(page("/assessments/a/tools/i-1/other"), Page::NotFound);
        assert_eq!(page("/assessments/a/genogram/extra"), Page::NotFound);
        assert_eq!(Route::parse("/assessments"), Route::NotFound);
    }

    #[test]
    fn each_page_is_in_the_smallest_module_that_has_it() {
        let module = |path: &str| Route::parse(path).module();
        assert_eq!(module("/"), Module::Front);
        assert_eq!(module("/nowhere"), Module::Front);
        assert_eq!(module("/new"), Module::Workbench);
        for everyday in [
            "",
            "/details",
            "/children",
            "/people",
            "/person/p1",
            "/delete",
            "/scales",
            "/scales/s1",
            "/planning",
            "/planning/i-1",
            "/safety-plan",
            "/s/analysis",
            "/s/analysis/risks",
            "/nonsense",
        ] {
            assert_eq!(
                module(&format!("/assessments/a{everyday}")),
                Module::Workbench,
                "{everyday}"
            );
        }
        for other in [
            "/genogram",
            "/network",
            "/network/present",
            "/tools/i-1",
            "/tools/i-1/child",
            "/tools/i-1/draw/i-2",
            "/family-group",
            "/family-group/i-1",
            "/family-group/i-1/print",
            "/case-record",
            "/print",
            "/print/family",
            "/chronology",
            "/scales/s1/present",
            "/safety-plan/present",
        ] {
            assert_eq!(
                module(&format!("/assessments/a{other}")),
                Module::Whole,
                "{other}"
            );
        }
        for top in [
            "/import",
            "/bin",
            "/due",
            "/storage",
            "/backup",
            "/procedures",
            "/procedures/preview",
            "/exports",
            "/demo",
        ] {
            assert_eq!(module(top), Module::Whole, "{top}");
        }
        assert!(Module::Front < Module::Workbench && Module::Workbench < Module::Whole);
    }

    #[test]
    fn queries_are_decoded() {
        let q = Params::from_query("?deleted=a%2Db&child=Ava+Smith&flag&x=%zz");
        assert_eq!(q.get("deleted").as_deref(), Some("a-b"));
        assert_eq!(q.get("child").as_deref(), Some("Ava Smith"));
        assert_eq!(q.get("flag").as_deref(), Some(""));
        assert_eq!(q.get("x").as_deref(), Some("%zz"));
        assert_eq!(q.get("missing"), None);
        assert_eq!(Params::from_query(""), Params::default());
        assert_eq!(
            Route::parse("/assessments/a%20b+c")
                .params()
                .get("id")
                .as_deref(),
            Some("a b+c")
        );
    }
}
