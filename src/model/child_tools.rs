//! The child's own tools of Signs of Safety, each used with one child: the Three Houses (a
//! house of worries, of good things, of dreams), the Safety House (who is inside keeping the
//! child safe, who is outside, the rules on the roof, and where the child puts themselves on
//! the path to the door) and Words and Pictures (the story, written with the parents, that
//! explains to the child why social workers are involved). Each keeps what the child drew,
//! the child's own words as the worker wrote them down, and how the conversation went.

use super::drawing::{Drawing, PictureKind, PlacedPicture};
use super::ids::{ItemId, PersonId};
use super::{Assessment, Person, PersonRole};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Which tool.
    ToolKind {
        ThreeHouses => ("threeHouses", "Three Houses"),
        SafetyHouse => ("safetyHouse", "Safety House"),
        WordsAndPictures => ("wordsAndPictures", "Words and Pictures"),
    }
);

coded_enum!(
    /// Which part of a tool the child's words are about.
    Place {
        Worries => ("worries", "House of worries"),
        GoodThings => ("goodThings", "House of good things"),
        Dreams => ("dreams", "House of dreams"),
        Inside => ("inside", "Inside the house"),
        Outside => ("outside", "Outside the house"),
        Roof => ("roof", "The rules on the roof"),
        Path => ("path", "The path to the door"),
        Story => ("story", "The story"),
    }
);

impl Place {
    /// The places that belong to a tool, in the order they are offered.
    pub fn of(kind: ToolKind) -> &'static [Place] {
        match kind {
            ToolKind::ThreeHouses => &[Place::Worries, Place::GoodThings, Place::Dreams],
            ToolKind::SafetyHouse => &[Place::Inside, Place::Outside, Place::Roof, Place::Path],
            ToolKind::WordsAndPictures => &[Place::Story],
        }
    }
}

/// How the conversation with the child went.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Conversation {
    /// Where it happened ("at school, in the library").
    pub place: String,
    /// Who else was there.
    pub present: String,
    /// Whether the child was seen alone (`None`: not recorded yet).
    pub seen_alone: Option<bool>,
    /// How it went: how the child seemed, what helped.
    pub notes: String,
}

/// Something the child said, written down as they said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildWords {
    pub id: ItemId,
    pub place: Place,
    /// The child's words, verbatim.
    pub words: String,
}

/// A page of a Words and Pictures story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoryPage {
    pub id: ItemId,
    pub text: String,
    /// Who suggested these words ("Dana (mum)", "the social worker").
    pub suggested_by: String,
    pub picture: Drawing,
}

/// A page as it stood in a version: the words kept as they were.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VersionPage {
    /// The page it was, to match pages across versions and find its picture.
    pub page: ItemId,
    pub text: String,
    pub suggested_by: String,
}

/// A version shared with someone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sharing {
    /// Who it was shared with, in words ("Dana and Lee", "Ava's school").
    pub with: String,
    pub on: NaiveDate,
}

/// One version of the story, kept as it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoryVersion {
    /// 1, 2, 3… in order.
    pub number: u32,
    pub made_on: NaiveDate,
    pub pages: Vec<VersionPage>,
    /// When it was shared, with whom, oldest first.
    pub shared: Vec<Sharing>,
    /// Whether the family agreed this wording.
    pub agreed_by_family: bool,
}

/// What one tool holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "tool", deny_unknown_fields)]
pub enum Work {
    #[serde(rename_all = "camelCase")]
    ThreeHouses {
        worries: Drawing,
        good_things: Drawing,
        dreams: Drawing,
    },
    #[serde(rename_all = "camelCase")]
    SafetyHouse {
        house: Drawing,
        /// Where the child put themselves on the path: 0 far from the door, 10 at the door
        /// (`None`: not yet).
        path: Option<u8>,
    },
    #[serde(rename_all = "camelCase")]
    WordsAndPictures {
        pages: Vec<StoryPage>,
        versions: Vec<StoryVersion>,
    },
}

/// The surfaces a tool has, to address one drawing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Surface {
    Worries,
    GoodThings,
    Dreams,
    SafetyHouse,
    Page(ItemId),
}

impl Surface {
    /// The surface's name in a URL or test id.
    pub fn code(&self) -> String {
        match self {
            Surface::Worries => "worries".into(),
            Surface::GoodThings => "goodThings".into(),
            Surface::Dreams => "dreams".into(),
            Surface::SafetyHouse => "house".into(),
            Surface::Page(id) => id.as_str().to_owned(),
        }
    }
    /// The surface a code names.
    pub fn from_code(code: &str) -> Option<Surface> {
        match code {
            "worries" => Some(Surface::Worries),
            "goodThings" => Some(Surface::GoodThings),
            "dreams" => Some(Surface::Dreams),
            "house" => Some(Surface::SafetyHouse),
            other => ItemId::parse(other).map(Surface::Page),
        }
    }
    /// Its heading.
    pub fn label(&self) -> &'static str {
        match self {
            Surface::Worries => "House of worries",
            Surface::GoodThings => "House of good things",
            Surface::Dreams => "House of dreams",
            Surface::SafetyHouse => "Safety House",
            Surface::Page(_) => "Picture",
        }
    }
}

/// One tool used with one child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildTool {
    pub id: ItemId,
    /// The child it was used with (someone in the register).
    pub child: PersonId,
    pub started_on: NaiveDate,
    pub conversation: Conversation,
    pub child_words: Vec<ChildWords>,
    /// Whether the worker chose to put it in summaries for the family.
    pub in_family_summary: bool,
    pub work: Work,
}

impl ChildTool {
    /// A new, empty tool.
    pub fn new(id: ItemId, child: PersonId, kind: ToolKind, on: NaiveDate) -> ChildTool {
        let work = match kind {
            ToolKind::ThreeHouses => Work::ThreeHouses {
                worries: Drawing::default(),
                good_things: Drawing::default(),
                dreams: Drawing::default(),
            },
            ToolKind::SafetyHouse => Work::SafetyHouse {
                house: Drawing::default(),
                path: None,
            },
            ToolKind::WordsAndPictures => Work::WordsAndPictures {
                pages: Vec::new(),
                versions: Vec::new(),
            },
        };
        ChildTool {
            id,
            child,
            started_on: on,
            conversation: Conversation::default(),
            child_words: Vec::new(),
            in_family_summary: false,
            work,
        }
    }

    pub fn kind(&self) -> ToolKind {
        match self.work {
            Work::ThreeHouses { .. } => ToolKind::ThreeHouses,
            Work::SafetyHouse { .. } => ToolKind::SafetyHouse,
            Work::WordsAndPictures { .. } => ToolKind::WordsAndPictures,
        }
    }

    /// Every surface, in order.
    pub fn surfaces(&self) -> Vec<Surface> {
        match &self.work {
            Work::ThreeHouses { .. } => {
                vec![Surface::Worries, Surface::GoodThings, Surface::Dreams]
            }
            Work::SafetyHouse { .. } => vec![Surface::SafetyHouse],
            Work::WordsAndPictures { pages, .. } => {
                pages.iter().map(|p| Surface::Page(p.id.clone())).collect()
            }
        }
    }

    /// The drawing on a surface.
    pub fn drawing(&self, s: &Surface) -> Option<&Drawing> {
        match (&self.work, s) {
            (Work::ThreeHouses { worries, .. }, Surface::Worries) => Some(worries),
            (Work::ThreeHouses { good_things, .. }, Surface::GoodThings) => Some(good_things),
            (Work::ThreeHouses { dreams, .. }, Surface::Dreams) => Some(dreams),
            (Work::SafetyHouse { house, .. }, Surface::SafetyHouse) => Some(house),
            (Work::WordsAndPictures { pages, .. }, Surface::Page(id)) => {
                pages.iter().find(|p| &p.id == id).map(|p| &p.picture)
            }
            _ => None,
        }
    }

    /// The drawing on a surface, to change.
    pub fn drawing_mut(&mut self, s: &Surface) -> Option<&mut Drawing> {
        match (&mut self.work, s) {
            (Work::ThreeHouses { worries, .. }, Surface::Worries) => Some(worries),
            (Work::ThreeHouses { good_things, .. }, Surface::GoodThings) => Some(good_things),
            (Work::ThreeHouses { dreams, .. }, Surface::Dreams) => Some(dreams),
            (Work::SafetyHouse { house, .. }, Surface::SafetyHouse) => Some(house),
            (Work::WordsAndPictures { pages, .. }, Surface::Page(id)) => pages
                .iter_mut()
                .find(|p| &p.id == id)
                .map(|p| &mut p.picture),
            _ => None,
        }
    }

    /// Every drawing, with its surface.
    pub fn drawings(&self) -> impl Iterator<Item = (Surface, &Drawing)> {
        self.surfaces()
            .into_iter()
            .filter_map(move |s| self.drawing(&s).map(|d| (s.clone(), d)))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Every drawing, to change.
    pub fn drawings_mut(&mut self) -> Vec<&mut Drawing> {
        match &mut self.work {
            Work::ThreeHouses {
                worries,
                good_things,
                dreams,
            } => vec![worries, good_things, dreams],
            Work::SafetyHouse { house, .. } => vec![house],
            Work::WordsAndPictures { pages, .. } => {
                pages.iter_mut().map(|p| &mut p.picture).collect()
            }
        }
    }

    /// Every item id the tool uses (its own, its words', its pages').
    pub fn ids(&self) -> Vec<&ItemId> {
        let mut out = vec![&self.id];
        out.extend(self.child_words.iter().map(|w| &w.id));
        if let Work::WordsAndPictures { pages, .. } = &self.work {
            out.extend(pages.iter().map(|p| &p.id));
        }
        out
    }

    /// The pictures placed, on every surface.
    pub fn pictures(&self) -> impl Iterator<Item = &PlacedPicture> {
        self.drawings()
            .flat_map(|(_, d)| d.pictures.iter())
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Whether anything has been drawn, written, placed or recorded.
    pub fn is_empty(&self) -> bool {
        self.child_words.is_empty()
            && self.drawings().all(|(_, d)| d.is_empty())
            && match &self.work {
                Work::SafetyHouse { path, .. } => path.is_none(),
                Work::WordsAndPictures { pages, .. } => pages.is_empty(),
                Work::ThreeHouses { .. } => true,
            }
    }
}

/// The regions of the Safety House drawing, in drawing units (the house is drawn to match).
pub mod safety_house {
    /// The house's walls: left, top, right, bottom.
    pub const WALLS: (i32, i32, i32, i32) = (190, 250, 610, 600);
    /// The roof's apex; its eaves are the walls' top corners pushed out by [`EAVES`].
    pub const APEX: (i32, i32) = (400, 40);
    pub const EAVES: i32 = 50;
    /// The door, at the bottom of the walls: left, top, right.
    pub const DOOR: (i32, i32, i32) = (360, 470, 440);
    /// The highest place on the path.
    pub const TOP: u8 = 10;

    /// Where each stone of the path is: 0 far from the door (bottom right), 10 at the door.
    pub fn stone(i: u8) -> (i32, i32) {
        let t = f64::from(i.min(TOP)) / f64::from(TOP);
        let x = 950.0 - t * (950.0 - 400.0);
        let y = 625.0 + (1.0 - t) * 25.0 + (t * std::f64::consts::PI).sin() * 30.0;
        (x.round() as i32, y.round() as i32)
    }

    /// A place for someone put inside (`true`) or outside the house from the worker's page:
    /// the first of a few spots that nothing placed is near.
    pub fn free_spot(house: &super::Drawing, inside: bool) -> (i32, i32) {
        let spots: Vec<(i32, i32)> = if inside {
            [330, 560]
                .iter()
                .flat_map(|&y| [250, 350, 450, 550].map(|x| (x, y)))
                .collect()
        } else {
            [
                (80, 120),
                (80, 300),
                (80, 480),
                (720, 120),
                (860, 120),
                (720, 330),
                (860, 330),
            ]
            .to_vec()
        };
        let taken = |(x, y): (i32, i32)| {
            house
                .pictures
                .iter()
                .any(|p| (p.x - x).abs() < 60 && (p.y - y).abs() < 60)
        };
        spots
            .iter()
            .copied()
            .find(|s| !taken(*s))
            .unwrap_or(spots[0])
    }

    /// Where the next rule written from the worker's page goes on the roof.
    pub fn roof_spot(house: &super::Drawing) -> (i32, i32) {
        let rules = house.words.iter().filter(|w| on_roof(w.x, w.y)).count() as i32;
        (APEX.0, 130 + (rules % 3) * 45)
    }

    /// The stone of the path nearest a point (where "me" goes when touched there).
    pub fn nearest_stone(x: f64, y: f64) -> u8 {
        (0..=TOP)
            .min_by(|a, b| {
                let d = |i: u8| {
                    let (sx, sy) = stone(i);
                    (f64::from(sx) - x).powi(2) + (f64::from(sy) - y).powi(2)
                };
                d(*a).total_cmp(&d(*b))
            })
            .unwrap_or(0)
    }

    /// Whether a point is inside the walls.
    pub fn inside(x: i32, y: i32) -> bool {
        let (l, t, r, b) = WALLS;
        (l..=r).contains(&x) && (t..=b).contains(&y)
    }

    /// Whether a point is on the roof.
    pub fn on_roof(x: i32, y: i32) -> bool {
        let (l, t, r, _) = WALLS;
        let (ax, ay) = APEX;
        if y < ay || y >= t {
            return false;
        }
        let frac = f64::from(y - ay) / f64::from(t - ay);
        let half = frac * f64::from((r - l) / 2 + EAVES);
        (f64::from(x - ax)).abs() <= half
    }
}

/// The people a child can place on a drawing: the child first, then everyone in the register
/// but the professionals.
pub fn people_to_place<'a>(a: &'a Assessment, child: &PersonId) -> Vec<&'a Person> {
    let mut out: Vec<&Person> = a
        .people
        .iter()
        .filter(|p| p.role != PersonRole::Professional || &p.id == child)
        .collect();
    out.sort_by_key(|p| &p.id != child);
    out
}

/// The name a person placed on a drawing is given: their first name, as a child says it.
pub fn drawn_name(p: &Person) -> String {
    match p.given_name.trim() {
        "" => p.display_name(),
        name => name.to_owned(),
    }
}

/// Who the Safety House has inside and outside, worked out from where the people were placed
/// (so what is recorded and what is drawn cannot disagree), with the rules written on the roof.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafetyHouseReading<'a> {
    pub inside: Vec<&'a PlacedPicture>,
    pub outside: Vec<&'a PlacedPicture>,
    pub rules: Vec<&'a str>,
}

/// What the Safety House drawing says (see [`SafetyHouseReading`]).
pub fn read_safety_house(house: &Drawing) -> SafetyHouseReading<'_> {
    let mut out = SafetyHouseReading::default();
    for p in house
        .pictures
        .iter()
        .filter(|p| p.kind == PictureKind::Person)
    {
        if safety_house::inside(p.x, p.y) || safety_house::on_roof(p.x, p.y) {
            out.inside.push(p);
        } else {
            out.outside.push(p);
        }
    }
    out.rules = house
        .words
        .iter()
        .filter(|w| safety_house::on_roof(w.x, w.y))
        .map(|w| w.text.as_str())
        .collect();
    out
}

/// What changed in the story from one version to the next, page by page (pages matched by the
/// page they were): pages added or taken out, words reworded, who suggested them.
pub fn story_differences(
    before: &StoryVersion,
    after: &StoryVersion,
) -> Vec<super::safety_plan::Difference> {
    use super::safety_plan::Difference;
    let mut out = Vec::new();
    for (n, p) in after.pages.iter().enumerate() {
        let n = n + 1;
        match before.pages.iter().find(|b| b.page == p.page) {
            None => out.push(Difference::Added(format!(
                "page {n}, \"{}\"",
                p.text.trim()
            ))),
            Some(b) => {
                if b.text.trim() != p.text.trim() {
                    out.push(Difference::Changed {
                        what: format!("The words of page {n}"),
                        before: b.text.trim().to_owned(),
                        after: p.text.trim().to_owned(),
                    });
                }
                if b.suggested_by.trim() != p.suggested_by.trim() {
                    out.push(Difference::Changed {
                        what: format!("Who suggested page {n}"),
                        before: b.suggested_by.trim().to_owned(),
                        after: p.suggested_by.trim().to_owned(),
                    });
                }
            }
        }
    }
    for b in &before.pages {
        if !after.pages.iter().any(|p| p.page == b.page) {
            out.push(Difference::Removed(format!(
                "the page \"{}\"",
                b.text.trim()
            )));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::drawing::{Ink, PlacedWords};

    fn person(x: i32, y: i32, label: &str) -> PlacedPicture {
        PlacedPicture {
            kind: PictureKind::Person,
            x,
            y,
            label: label.into(),
            person: None,
        }
    }

    #[test]
    fn the_safety_house_says_who_is_inside_and_what_the_rules_are() {
        let house = Drawing {
            strokes: vec![],
            words: vec![
                PlacedWords {
                    text: "No shouting".into(),
                    x: 400,
                    y: 180,
                    ink: Ink::Red,
                },
                PlacedWords {
                    text: "My cat".into(),
                    x: 800,
                    y: 300,
                    ink: Ink::Red,
                },
            ],
            pictures: vec![person(300, 400, "Nan"), person(850, 200, "Dad"), {
                let mut h = person(400, 400, "");
                h.kind = PictureKind::Heart;
                h
            }],
        };
        let r = read_safety_house(&house);
        assert_eq!(
            r.inside
                .iter()
                .map(|p| p.label.as_str())
                .collect::<Vec<_>>(),
            ["Nan"]
        );
        assert_eq!(
            r.outside
                .iter()
                .map(|p| p.label.as_str())
                .collect::<Vec<_>>(),
            ["Dad"]
        );
        assert_eq!(r.rules, ["No shouting"]);
    }

    #[test]
    fn the_path_runs_from_far_away_to_the_door() {
        let (fx, _) = safety_house::stone(0);
        let (dx, dy) = safety_house::stone(10);
        assert!(fx > dx);
        let (l, _, r, b) = safety_house::WALLS;
        assert!(
            (l..=r).contains(&dx) && dy >= b,
            "the last stone is at the door: {dx},{dy}"
        );
        for i in 0..10 {
            let (a, b) = (safety_house::stone(i), safety_house::stone(i + 1));
            assert!(a.0 > b.0, "each stone nearer the door");
            assert!(crate::model::drawing::on_surface(a.0, a.1));
        }
        assert!(safety_house::on_roof(400, 100) && !safety_house::on_roof(100, 100));
        for i in 0..=10 {
            let (x, y) = safety_house::stone(i);
            assert_eq!(
                safety_house::nearest_stone(f64::from(x) + 3.0, f64::from(y) - 2.0),
                i
            );
        }
        for n in 0..3 {
            let mut d = Drawing::default();
            for _ in 0..n {
                let (x, y) = safety_house::roof_spot(&d);
                assert!(
                    safety_house::on_roof(x, y),
                    "rule {n} on the roof at {x},{y}"
                );
                d.words.push(PlacedWords {
                    text: "rule".into(),
                    x,
                    y,
                    ink: Ink::Red,
                });
            }
        }
        let mut d = Drawing::default();
        for _ in 0..3 {
            let (x, y) = safety_house::free_spot(&d, true);
            assert!(safety_house::inside(x, y));
            assert!(
                d.pictures.iter().all(|p| (p.x, p.y) != (x, y)),
                "a new spot each time"
            );
            d.pictures.push(person(x, y, "in"));
            let (x, y) = safety_house::free_spot(&d, false);
            assert!(!safety_house::inside(x, y) && !safety_house::on_roof(x, y));
            d.pictures.push(person(x, y, "out"));
        }
        let r = read_safety_house(&d);
        assert_eq!((r.inside.len(), r.outside.len()), (3, 3));
    }

    #[test]
    fn a_tool_reaches_each_of_its_drawings_and_no_other() {
        let mut t = ChildTool::new(
            ItemId::from_random([1, 2, 3, 4]),
            PersonId::from_random([5, 6, 7, 8]),
            ToolKind::ThreeHouses,
            NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
        );
        assert!(t.is_empty());
        assert_eq!(t.surfaces().len(), 3);
        assert!(t.drawing(&Surface::SafetyHouse).is_none());
        t.drawing_mut(&Surface::Dreams)
            .unwrap()
            .pictures
            .push(person(1, 1, "me"));
        assert!(!t.is_empty());
        assert_eq!(t.pictures().count(), 1);
        for s in t.surfaces() {
            assert_eq!(Surface::from_code(&s.code()), Some(s));
        }
    }

    #[test]
    fn story_versions_say_what_changed_page_by_page() {
        use crate::model::safety_plan::Difference;
        let page = |id: u8, text: &str, by: &str| VersionPage {
            page: ItemId::from_random([0, 0, 0, id]),
            text: text.into(),
            suggested_by: by.into(),
        };
        let version = |number: u32, pages: Vec<VersionPage>| StoryVersion {
            number,
            made_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            pages,
            shared: Vec::new(),
            agreed_by_family: false,
        };
        let one = version(
            1,
            vec![
                page(1, "Mum and Dad love you.", "Mum"),
                page(2, "Grown-ups argue at night.", "Mum"),
                page(3, "Nan helps.", "Nan"),
            ],
        );
        let two = version(
            2,
            vec![
                page(1, "Mum and Dad love you.", "Mum"),
                page(
                    2,
                    "Mum and Dad shouted at night.",
                    "Mum and the social worker",
                ),
                page(4, "We have a plan.", "The social worker"),
            ],
        );
        assert_eq!(
            story_differences(&one, &two),
            vec![
                Difference::Changed {
                    what: "The words of page 2".into(),
                    before: "Grown-ups argue at night.".into(),
                    after: "Mum and Dad shouted at night.".into(),
                },
                Difference::Changed {
                    what: "Who suggested page 2".into(),
                    before: "Mum".into(),
                    after: "Mum and the social worker".into(),
                },
                Difference::Added("page 3, \"We have a plan.\"".into()),
                Difference::Removed("the page \"Nan helps.\"".into()),
            ]
        );
        assert_eq!(story_differences(&one, &one), vec![]);
    }
}
