//! GEDCOM in and out: the one interchange format a family's tree already comes in (family
//! history software and genogram tools export it). Reading takes GEDCOM 5.5.1 and 7.0:
//! `INDI` (`NAME`, `SEX` M/F/X/U, `BIRT`/`DEAT` with `DATE`, `FAMC` with `PEDI`, `RESN`) and
//! `FAM` (`HUSB`, `WIFE`, `CHIL`, `MARR`, `DIV`); everything else is passed over. What is read
//! becomes a small assessment of its own (people and a genogram, laid out), which joins this
//! one the way a sibling's genogram does ([`crate::diagram::genogram::transfer`]): people
//! already here are matched by name and date of birth, one to one. Writing gives GEDCOM 7.0.

use crate::diagram::genogram::commands::{plan, Command};
use crate::diagram::ops::apply;
use crate::model::genogram::{ChildKind, Member, Parentage, Parents, Partnership, PartnershipKind};
use crate::model::{Assessment, Gender, ItemId, Life, Person, PersonId, PersonRole};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::fmt::{self, Write};

/// Why a file could not be read as GEDCOM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GedcomError {
    /// No `0 HEAD` record at the start.
    NotGedcom,
    /// A line that is not "level [xref] tag [value]".
    BadLine { line: usize, text: String },
    /// The file names no one.
    NoPeople,
}

impl fmt::Display for GedcomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GedcomError::NotGedcom => f.write_str(
                "The file is not a GEDCOM file: it should start with \"0 HEAD\". Export the family tree as GEDCOM (.ged) and try again.",
            ),
            GedcomError::BadLine { line, text } => write!(
                f,
                "Line {line} of the GEDCOM file cannot be read (\"{text}\"). Each line should be a level number, a tag and a value."
            ),
            GedcomError::NoPeople => f.write_str("The GEDCOM file has no people (INDI records) in it."),
        }
    }
}

/// One line: its level, cross-reference id, tag and value.
struct Line {
    level: usize,
    xref: Option<String>,
    tag: String,
    value: String,
}

fn parse_line(n: usize, raw: &str) -> Result<Option<Line>, GedcomError> {
    let text = raw.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || GedcomError::BadLine {
        line: n,
        text: text.chars().take(60).collect(),
    };
    let mut parts = text.splitn(2, ' ');
    let level: usize = parts.next().and_then(|l| l.parse().ok()).ok_or_else(bad)?;
    let rest = parts.next().ok_or_else(bad)?;
    let (xref, rest) = match rest.strip_prefix('@') {
        Some(r) => {
            let (id, after) = r.split_once("@ ").ok_or_else(bad)?;
            (Some(id.to_owned()), after)
        }
        None => (None, rest),
    };
    let (tag, value) = rest.split_once(' ').unwrap_or((rest, ""));
    Ok(Some(Line {
        level,
        xref,
        tag: tag.to_ascii_uppercase(),
        value: value.to_owned(),
    }))
}

/// A person as the file describes them.
#[derive(Clone, Debug, Default, PartialEq)]
struct Indi {
    given: String,
    family: String,
    sex: String,
    born: Option<NaiveDate>,
    died: Option<NaiveDate>,
    dead: bool,
    confidential: bool,
    /// Families they are a child of, with how (birth, adopted, foster).
    famc: Vec<(String, String)>,
}

/// A family: up to two partners and their children.
#[derive(Clone, Debug, Default, PartialEq)]
struct Fam {
    partners: Vec<String>,
    children: Vec<String>,
    married: bool,
    divorced: bool,
}

/// The people and families of a GEDCOM file, by their ids in the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tree {
    people: Vec<(String, Indi)>,
    families: Vec<(String, Fam)>,
}

impl Tree {
    /// How many people the file has.
    pub fn len(&self) -> usize {
        self.people.len()
    }
    /// Whether the file has nobody in it.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// A GEDCOM date as a calendar date: "2 MAR 1990"; "MAR 1990" and "1990" (and "ABT 1990")
/// as the first day of what is known. Ranges and other calendars are passed over.
fn date(value: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = value
        .split_whitespace()
        .filter(|w| !["ABT", "CAL", "EST", "BEF", "AFT"].contains(&w.to_ascii_uppercase().as_str()))
        .collect();
    let month = |m: &str| {
        MONTHS
            .iter()
            .position(|x| x.eq_ignore_ascii_case(m))
            .map(|i| i as u32 + 1)
    };
    match words.as_slice() {
        [d, m, y] => NaiveDate::from_ymd_opt(y.parse().ok()?, month(m)?, d.parse().ok()?),
        [m, y] => NaiveDate::from_ymd_opt(y.parse().ok()?, month(m)?, 1),
        [y] => NaiveDate::from_ymd_opt(y.parse().ok()?, 1, 1),
        _ => None,
    }
}

/// "Maria /Oldham/" as given and family names.
fn name(value: &str) -> (String, String) {
    match value.split_once('/') {
        Some((given, rest)) => {
            let family = rest.split('/').next().unwrap_or("");
            (given.trim().to_owned(), family.trim().to_owned())
        }
        None => (value.trim().to_owned(), String::new()),
    }
}

/// Reads a GEDCOM 5.5.1 or 7.0 file.
pub fn read(text: &str) -> Result<Tree, GedcomError> {
    let first = text.trim_start_matches('\u{feff}').trim_start();
    if !first.starts_with("0 HEAD") {
        return Err(GedcomError::NotGedcom);
    }
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if let Some(l) = parse_line(i + 1, raw)? {
            lines.push(l);
        }
    }
    if lines
        .first()
        .is_none_or(|l| l.level != 0 || l.tag != "HEAD")
    {
        return Err(GedcomError::NotGedcom);
    }
    let mut tree = Tree::default();
    // The record and sub-structure each line belongs to.
    let mut record: Option<(String, String)> = None;
    let mut event = String::new();
    for l in &lines {
        if l.level == 0 {
            record = l.xref.clone().map(|x| (l.tag.clone(), x));
            match &record {
                Some((t, x)) if t == "INDI" => tree.people.push((x.clone(), Indi::default())),
                Some((t, x)) if t == "FAM" => tree.families.push((x.clone(), Fam::default())),
                _ => {}
            }
            continue;
        }
        if l.level == 1 {
            event = l.tag.clone();
        }
        let xref = l.value.trim().trim_matches('@').to_owned();
        match record.as_ref().map(|(t, _)| t.as_str()) {
            Some("INDI") => {
                let Some((_, p)) = tree.people.last_mut() else {
                    continue;
                };
                match (l.level, l.tag.as_str()) {
                    (1, "NAME") if p.given.is_empty() && p.family.is_empty() => {
                        (p.given, p.family) = name(&l.value)
                    }
                    (2, "GIVN") if event == "NAME" && p.given.is_empty() => {
                        p.given = l.value.trim().to_owned()
                    }
                    (2, "SURN") if event == "NAME" && p.family.is_empty() => {
                        p.family = l.value.trim().to_owned()
                    }
                    (1, "SEX") => p.sex = l.value.trim().to_ascii_uppercase(),
                    (1, "DEAT") => p.dead = true,
                    (1, "RESN") => {
                        p.confidential = l.value.to_ascii_uppercase().contains("CONFIDENTIAL")
                    }
                    (2, "DATE") if event == "BIRT" => p.born = date(&l.value),
                    (2, "DATE") if event == "DEAT" => p.died = date(&l.value),
                    (1, "FAMC") => p.famc.push((xref, "BIRTH".into())),
                    (2, "PEDI") if event == "FAMC" => {
                        if let Some(last) = p.famc.last_mut() {
                            last.1 = l.value.trim().to_ascii_uppercase();
                        }
                    }
                    _ => {}
                }
            }
            Some("FAM") => {
                let Some((_, f)) = tree.families.last_mut() else {
                    continue;
                };
                match (l.level, l.tag.as_str()) {
                    (1, "HUSB") | (1, "WIFE") => f.partners.push(xref),
                    (1, "CHIL") => f.children.push(xref),
                    (1, "MARR") => f.married = true,
                    (1, "DIV") => f.divorced = true,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if tree.people.is_empty() {
        return Err(GedcomError::NoPeople);
    }
    Ok(tree)
}

fn child_kind(pedi: &str) -> ChildKind {
    match pedi {
        "ADOPTED" => ChildKind::Adopted,
        "FOSTER" => ChildKind::Fostered,
        _ => ChildKind::Birth,
    }
}

/// An item id used neither in `a` nor in `into`.
fn new_item(a: &Assessment, into: &Assessment, fresh: &mut impl FnMut() -> [u8; 4]) -> ItemId {
    loop {
        let id = ItemId::from_random(fresh());
        let used = |x: &Assessment| {
            x.genogram.partnerships.iter().any(|u| u.id == id)
                || x.genogram.parentage.iter().any(|l| l.id == id)
                || x.genogram.households.iter().any(|h| h.id == id)
                || x.genogram.relationships.iter().any(|r| r.id == id)
                || x.map_entries().any(|m| m.id == id)
        };
        if !used(a) && !used(into) {
            return id;
        }
    }
}

/// The file's family as an assessment of its own (people, and a genogram laid out by
/// generation), ready to join `into` as a sibling's genogram would. Ids are fresh for `into`.
pub fn as_assessment(
    tree: &Tree,
    into: &Assessment,
    mut fresh: impl FnMut() -> [u8; 4],
) -> Assessment {
    let mut a = Assessment::new(
        into.id.clone(),
        into.created_at,
        &into.profile,
        into.assessment_type,
    );
    a.profile_version = into.profile_version;
    a.profile_hash = into.profile_hash.clone();
    let mut taken = into.clone();
    let mut ids: HashMap<&str, PersonId> = HashMap::new();
    for (i, (x, p)) in tree.people.iter().enumerate() {
        let id = taken.fresh_person_id(&mut fresh);
        let mut person = Person::new(id.clone(), PersonRole::FamilyMember);
        person.given_name = p.given.clone();
        person.family_name = p.family.clone();
        person.gender = match p.sex.as_str() {
            "M" => Gender::Male,
            "F" => Gender::Female,
            "X" => Gender::Other,
            _ => Gender::Unknown,
        };
        person.date_of_birth = p.born;
        if p.dead {
            person.life = Life::Deceased;
            person.date_of_death = p.died;
        }
        if p.confidential {
            person.notes = "Marked confidential in the GEDCOM file it came from.".into();
        }
        taken.people.push(person.clone());
        a.people.push(person);
        a.genogram.members.push(Member {
            person: id.clone(),
            x: 130 * i as i32,
            y: 0,
            pinned: false,
        });
        ids.insert(x.as_str(), id);
    }
    let mut family_line: HashMap<&str, Parents> = HashMap::new();
    for (x, f) in &tree.families {
        let partners: Vec<&PersonId> = f
            .partners
            .iter()
            .filter_map(|p| ids.get(p.as_str()))
            .collect();
        let parents = match partners.as_slice() {
            [one, two, ..] if one != two => {
                let id = new_item(&a, into, &mut fresh);
                a.genogram.partnerships.push(Partnership {
                    id: id.clone(),
                    a: (*one).clone(),
                    b: (*two).clone(),
                    kind: if f.divorced {
                        PartnershipKind::Divorced
                    } else if f.married {
                        PartnershipKind::Married
                    } else {
                        PartnershipKind::Cohabiting
                    },
                    start: None,
                    end: None,
                });
                Parents::Partnership { partnership: id }
            }
            [one, ..] => Parents::Parent {
                person: (*one).clone(),
            },
            [] => continue,
        };
        family_line.insert(x.as_str(), parents);
    }
    // Each child hangs from their first family in the file (a genogram draws one line).
    for (x, p) in &tree.people {
        let Some(child) = ids.get(x.as_str()) else {
            continue;
        };
        let from_famc = p.famc.iter().find_map(|(fam, pedi)| {
            family_line
                .get(fam.as_str())
                .map(|l| (l.clone(), pedi.clone()))
        });
        let from_chil = || {
            tree.families
                .iter()
                .find(|(_, f)| f.children.contains(x))
                .and_then(|(fx, _)| {
                    family_line
                        .get(fx.as_str())
                        .map(|l| (l.clone(), "BIRTH".to_owned()))
                })
        };
        let Some((parents, pedi)) = from_famc.or_else(from_chil) else {
            continue;
        };
        let own_parent = match &parents {
            Parents::Parent { person } => person == child,
            Parents::Partnership { partnership } => a
                .genogram
                .partnership(partnership)
                .is_some_and(|u| u.involves(child)),
        };
        if own_parent {
            continue;
        }
        let id = new_item(&a, into, &mut fresh);
        a.genogram.parentage.push(Parentage {
            id,
            child: child.clone(),
            parents,
            kind: child_kind(&pedi),
            twin: None,
        });
    }
    if let Ok(ops) = plan(&a, &Command::AutoLayout) {
        apply(&mut a, &ops);
    }
    a
}

fn gedcom_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// The genogram as a GEDCOM 7.0 file: everyone drawn, each partnership (and each parent on
/// their own with children) as a family, with how each child is their parents' child.
pub fn write(a: &Assessment) -> String {
    let g = &a.genogram;
    let mut out = String::from("0 HEAD\n1 GEDC\n2 VERS 7.0\n1 SOUR ASSESSMENT-WORKBENCH\n");
    let indi: HashMap<&PersonId, String> = g
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| (&m.person, format!("I{}", i + 1)))
        .collect();
    // Families: each partnership, then each parent shown alone with a child.
    let mut fams: Vec<(String, Vec<PersonId>, Option<&Partnership>)> = g
        .partnerships
        .iter()
        .map(|u| (String::new(), vec![u.a.clone(), u.b.clone()], Some(u)))
        .collect();
    for l in &g.parentage {
        if let Parents::Parent { person } = &l.parents {
            if !fams
                .iter()
                .any(|(_, who, u)| u.is_none() && who == &vec![person.clone()])
            {
                fams.push((String::new(), vec![person.clone()], None));
            }
        }
    }
    for (i, f) in fams.iter_mut().enumerate() {
        f.0 = format!("F{}", i + 1);
    }
    let fam_of = |l: &Parentage| -> Option<&str> {
        fams.iter()
            .find(|(_, who, u)| match (&l.parents, u) {
                (Parents::Partnership { partnership }, Some(u)) => &u.id == partnership,
                (Parents::Parent { person }, None) => who == &vec![person.clone()],
                _ => false,
            })
            .map(|(x, _, _)| x.as_str())
    };
    for m in &g.members {
        let Some(p) = a.person(&m.person) else {
            continue;
        };
        let _ = writeln!(out, "0 @{}@ INDI", indi[&m.person]);
        let _ = writeln!(
            out,
            "1 NAME {} /{}/",
            p.given_name.trim(),
            p.family_name.trim()
        );
        let sex = match p.gender {
            Gender::Male => "M",
            Gender::Female => "F",
            Gender::Other => "X",
            Gender::Unknown => "U",
        };
        let _ = writeln!(out, "1 SEX {sex}");
        if let Some(d) = p.date_of_birth {
            let _ = writeln!(out, "1 BIRT\n2 DATE {}", gedcom_date(d));
        }
        if p.life == Life::Deceased {
            match p.date_of_death {
                Some(d) => {
                    let _ = writeln!(out, "1 DEAT\n2 DATE {}", gedcom_date(d));
                }
                None => out.push_str("1 DEAT Y\n"),
            }
        }
        if let Some(l) = g.parentage_of(&m.person) {
            if let Some(f) = fam_of(l) {
                let pedi = match l.kind {
                    ChildKind::Adopted => "ADOPTED",
                    ChildKind::Fostered => "FOSTER",
                    ChildKind::Birth => "BIRTH",
                    _ => "OTHER",
                };
                let _ = writeln!(out, "1 FAMC @{f}@\n2 PEDI {pedi}");
            }
        }
        for (x, who, _) in &fams {
            if who.contains(&m.person) {
                let _ = writeln!(out, "1 FAMS @{x}@");
            }
        }
    }
    for (x, who, u) in &fams {
        let _ = writeln!(out, "0 @{x}@ FAM");
        for (i, p) in who.iter().enumerate() {
            let Some(id) = indi.get(p) else { continue };
            let tag = match a.person(p).map(|p| p.gender) {
                Some(Gender::Female) => "WIFE",
                Some(Gender::Male) => "HUSB",
                _ if i == 0 => "HUSB",
                _ => "WIFE",
            };
            let _ = writeln!(out, "1 {tag} @{id}@");
        }
        for l in g.parentage.iter().filter(|l| fam_of(l) == Some(x.as_str())) {
            if let Some(id) = indi.get(&l.child) {
                let _ = writeln!(out, "1 CHIL @{id}@");
            }
        }
        if let Some(u) = u {
            match u.kind {
                PartnershipKind::Married | PartnershipKind::CivilPartnership => {
                    out.push_str("1 MARR Y\n")
                }
                PartnershipKind::Divorced => out.push_str("1 MARR Y\n1 DIV Y\n"),
                _ => {}
            }
        }
    }
    out.push_str("0 TRLR\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::genogram::transfer::import_ops;
    use crate::model::assessment::tests::sample;
    use crate::model::validity::problems;

    /// Three generations, as family-history software writes them (5.5.1).
    const THREE: &str = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n\
0 @I1@ INDI\n1 NAME Rita /Oldham/\n1 SEX F\n1 BIRT\n2 DATE 12 JUN 1958\n1 FAMS @F1@\n\
0 @I2@ INDI\n1 NAME Arthur /Oldham/\n1 SEX M\n1 DEAT\n2 DATE 2021\n1 FAMS @F1@\n\
0 @I3@ INDI\n1 NAME Maria /Oldham/\n1 SEX F\n1 BIRT\n2 DATE MAR 1990\n1 FAMC @F1@\n2 PEDI birth\n1 FAMS @F2@\n\
0 @I4@ INDI\n1 NAME Tom /Hart/\n1 SEX M\n1 FAMS @F2@\n\
0 @I5@ INDI\n1 NAME Noah /Oldham/\n1 SEX M\n1 BIRT\n2 DATE 3 FEB 2018\n1 FAMC @F2@\n\
0 @I6@ INDI\n1 NAME Ella /Hart/\n1 SEX F\n1 FAMC @F2@\n2 PEDI adopted\n\
0 @F1@ FAM\n1 HUSB @I2@\n1 WIFE @I1@\n1 CHIL @I3@\n1 MARR\n\
0 @F2@ FAM\n1 HUSB @I4@\n1 WIFE @I3@\n1 CHIL @I5@\n1 CHIL @I6@\n1 DIV\n0 TRLR\n";

    fn counter() -> impl FnMut() -> [u8; 4] {
        let mut n = 0x7000_0000u32;
        move || {
            n += 1;
            n.to_be_bytes()
        }
    }

    #[test]
    fn a_three_generation_family_is_read_and_joins_the_register_without_doubles() {
        let tree = read(THREE).unwrap();
        assert_eq!(tree.len(), 6);
        // This assessment already has Noah (same name and date of birth).
        let mut a = sample();
        let mut noah = Person::new(PersonId::from_random([0x44; 4]), PersonRole::SubjectChild);
        noah.given_name = "Noah".into();
        noah.family_name = "Oldham".into();
        noah.date_of_birth = NaiveDate::from_ymd_opt(2018, 2, 3);
        a.people.push(noah.clone());
        let source = as_assessment(&tree, &a, counter());
        assert_eq!(problems(&source), vec![]);
        let ops = import_ops(&a, &source, counter(), &[]).unwrap();
        apply(&mut a, &ops);
        assert_eq!(problems(&a), vec![]);
        assert_eq!(a.people.len(), 2 + 1 + 5, "Noah matched, five added");
        assert!(a.genogram.member(&noah.id).is_some());
        let maria = a.people.iter().find(|p| p.given_name == "Maria").unwrap();
        assert_eq!(maria.date_of_birth, NaiveDate::from_ymd_opt(1990, 3, 1));
        let arthur = a.people.iter().find(|p| p.given_name == "Arthur").unwrap();
        assert_eq!(
            (arthur.life, arthur.date_of_death),
            (Life::Deceased, NaiveDate::from_ymd_opt(2021, 1, 1))
        );
        // Noah and Ella hang from Maria and Tom, who divorced; Ella adopted.
        let parents = a.genogram.parents_of(&noah.id);
        assert_eq!(parents.len(), 2);
        assert!(parents.contains(&maria.id));
        let ella = a.people.iter().find(|p| p.given_name == "Ella").unwrap();
        assert_eq!(
            a.genogram.parentage_of(&ella.id).unwrap().kind,
            ChildKind::Adopted
        );
        let u = a
            .genogram
            .partnerships
            .iter()
            .find(|u| u.involves(&maria.id) && !u.involves(&arthur.id))
            .unwrap();
        assert_eq!(u.kind, PartnershipKind::Divorced);
        assert_eq!(a.genogram.parents_of(&maria.id).len(), 2);
    }

    #[test]
    fn what_is_written_reads_back_as_the_same_family() {
        let tree = read(THREE).unwrap();
        let a = as_assessment(&tree, &sample(), counter());
        let text = write(&a);
        assert!(text.starts_with("0 HEAD\n1 GEDC\n2 VERS 7.0\n"));
        assert!(text.contains("2 PEDI ADOPTED"));
        assert!(text.contains("1 DIV Y"));
        assert!(text.ends_with("0 TRLR\n"));
        let again = read(&text).unwrap();
        assert_eq!(again.len(), 6);
        let b = as_assessment(&again, &sample(), counter());
        let shape = |x: &Assessment| {
            let name = |id: &PersonId| x.person(id).unwrap().display_name();
            let mut lines: Vec<String> = x
                .genogram
                .parentage
                .iter()
                .map(|l| {
                    let mut ps: Vec<String> =
                        x.genogram.parents_of(&l.child).iter().map(name).collect();
                    ps.sort();
                    format!("{} of {} ({:?})", name(&l.child), ps.join(" & "), l.kind)
                })
                .collect();
            lines.sort();
            lines
        };
        assert_eq!(shape(&a), shape(&b));
        assert_eq!(shape(&a).len(), 3);
    }

    #[test]
    fn what_is_not_gedcom_is_said_plainly() {
        assert_eq!(read("{\"format\": 1}"), Err(GedcomError::NotGedcom));
        assert_eq!(read("0 HEAD\n0 TRLR\n"), Err(GedcomError::NoPeople));
        assert!(matches!(
            read("0 HEAD\nnonsense here\n"),
            Err(GedcomError::BadLine { line: 2, .. })
        ));
        assert!(GedcomError::NotGedcom.to_string().contains("0 HEAD"));
    }

    #[test]
    fn gedcom_7_names_and_dates_read() {
        let text = "0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @X1@ INDI\n1 NAME\n2 GIVN Sam\n2 SURN Lee\n1 SEX X\n1 BIRT\n2 DATE ABT 2001\n1 RESN CONFIDENTIAL\n0 TRLR\n";
        let tree = read(text).unwrap();
        let a = as_assessment(&tree, &sample(), counter());
        let p = &a.people[0];
        assert_eq!(
            (p.given_name.as_str(), p.family_name.as_str()),
            ("Sam", "Lee")
        );
        assert_eq!(p.gender, Gender::Other);
        assert_eq!(p.date_of_birth, NaiveDate::from_ymd_opt(2001, 1, 1));
        assert!(p.notes.contains("confidential"));
    }
}
