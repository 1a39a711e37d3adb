//! Automatic layout by generation: partners side by side, children below their parents in birth
//! order, siblings kept together, no two symbols overlapping, and people pinned by hand left
//! where they are (others move aside for them).

use super::{Genogram, Parents};
use crate::model::{Assessment, PersonId};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// Horizontal distance between neighbours, and vertical distance between generations.
pub const STEP_X: i32 = 130;
pub const STEP_Y: i32 = 160;

/// A partner unit with where it should sit (its parents' centre) and its first-born's birth.
type KeyedUnit = (Option<f64>, (Option<NaiveDate>, usize), Vec<usize>);

/// Where everyone on the genogram goes: pinned people keep their place.
pub fn layout(a: &Assessment) -> BTreeMap<PersonId, (i32, i32)> {
    let g = &a.genogram;
    let n = g.members.len();
    let index: HashMap<&PersonId, usize> = g
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| (&m.person, i))
        .collect();
    let gens = generations(g, &index);
    let parents: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            g.parents_of(&g.members[i].person)
                .iter()
                .filter_map(|p| index.get(p).copied())
                .collect()
        })
        .collect();
    // Birth order: known dates first, oldest first; unknown dates after, in drawing order.
    let birth: Vec<(Option<NaiveDate>, usize)> = g
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let dob = a.person(&m.person).and_then(|p| p.date_of_birth);
            (Some(dob.unwrap_or(NaiveDate::MAX)), i)
        })
        .collect();
    let rows = 1 + gens.iter().copied().max().unwrap_or(0);
    let mut units_by_row: Vec<Vec<Vec<usize>>> = vec![Vec::new(); rows];
    for unit in partner_units(g, &index, &gens) {
        units_by_row[gens[unit[0]]].push(unit);
    }
    let mut x: Vec<Option<i32>> = vec![None; n];
    for units in units_by_row.iter_mut() {
        // The centre each unit should sit under: its members' parents, already placed above.
        let key = |unit: &Vec<usize>, x: &[Option<i32>]| -> Option<f64> {
            let xs: Vec<i32> = unit
                .iter()
                .flat_map(|&i| parents[i].iter().filter_map(|&p| x[p]))
                .collect();
            (!xs.is_empty())
                .then(|| xs.iter().map(|&v| f64::from(v)).sum::<f64>() / xs.len() as f64)
        };
        let mut keyed: Vec<KeyedUnit> = units
            .drain(..)
            .map(|mut u| {
                let k = key(&u, &x);
                // Partners in the order that puts each nearer their own parents (Tom, whose
                // parents are on the left, to the left of Maria, whose parents are on the right).
                if let Some(k) = k {
                    let width = (u.len() as f64 - 1.0) * f64::from(STEP_X);
                    let cost = |order: &mut dyn Iterator<Item = &usize>| -> f64 {
                        order
                            .enumerate()
                            .filter_map(|(j, &i)| {
                                let xs: Vec<f64> = parents[i]
                                    .iter()
                                    .filter_map(|&p| x[p])
                                    .map(f64::from)
                                    .collect();
                                (!xs.is_empty()).then(|| {
                                    let at = k - width / 2.0 + j as f64 * f64::from(STEP_X);
                                    (at - xs.iter().sum::<f64>() / xs.len() as f64).abs()
                                })
                            })
                            .sum()
                    };
                    if cost(&mut u.iter().rev()) + 0.5 < cost(&mut u.iter()) {
                        u.reverse();
                    }
                }
                let first_born = u
                    .iter()
                    .filter(|&&i| !parents[i].is_empty())
                    .map(|&i| birth[i])
                    .min()
                    .unwrap_or(birth[u[0]]);
                (k, first_born, u)
            })
            .collect();
        keyed.sort_by(|a, b| {
            let ka = a.0.unwrap_or(f64::INFINITY);
            let kb = b.0.unwrap_or(f64::INFINITY);
            ka.total_cmp(&kb).then_with(|| a.1.cmp(&b.1))
        });
        let mut cursor: Option<i32> = None;
        for (n, (k, _, unit)) in keyed.iter().enumerate() {
            let width = (unit.len() as i32 - 1) * STEP_X;
            // Brothers and sisters (units under the same parents) are centred as one group
            // under them, not each started at the parents' middle.
            let same = |other: &KeyedUnit| match (k, other.0) {
                (Some(a), Some(b)) => (a - b).abs() < 0.5,
                _ => false,
            };
            let first = (0..=n)
                .rev()
                .take_while(|&j| same(&keyed[j]))
                .last()
                .unwrap_or(n);
            let group_width: i32 = keyed[first..]
                .iter()
                .take_while(|u| same(u))
                .map(|u| u.2.len() as i32 * STEP_X)
                .sum::<i32>()
                - STEP_X;
            let before: i32 = keyed[first..n]
                .iter()
                .map(|u| u.2.len() as i32 * STEP_X)
                .sum();
            let desired = k.map_or(0, |k| k.round() as i32 - group_width / 2 + before);
            let left = cursor.map_or(desired, |c| desired.max(c + STEP_X));
            for (j, &i) in unit.iter().enumerate() {
                x[i] = Some(left + j as i32 * STEP_X);
            }
            cursor = Some(left + width);
        }
        *units = keyed.into_iter().map(|(_, _, u)| u).collect();
    }
    centre_parents_over_children(g, &index, &units_by_row, &mut x);
    let mut out = BTreeMap::new();
    for (row, units) in units_by_row.iter().enumerate() {
        let y = row as i32 * STEP_Y;
        let pinned: Vec<i32> = g
            .members
            .iter()
            .filter(|m| m.pinned && (m.y - y).abs() < STEP_Y / 2)
            .map(|m| m.x)
            .collect();
        let mut cursor: Option<i32> = None;
        for &i in units.iter().flatten() {
            let m = &g.members[i];
            if m.pinned {
                out.insert(m.person.clone(), (m.x, m.y));
                continue;
            }
            let mut xi = x[i].unwrap_or(0);
            if let Some(c) = cursor {
                xi = xi.max(c + STEP_X);
            }
            while let Some(&p) = pinned.iter().find(|&&p| (p - xi).abs() < STEP_X) {
                xi = p + STEP_X;
            }
            cursor = Some(xi);
            out.insert(m.person.clone(), (xi, y));
        }
    }
    out
}

/// Generation numbers: a child is below each parent, partners share a row, the top row is 0.
fn generations(g: &Genogram, index: &HashMap<&PersonId, usize>) -> Vec<usize> {
    let n = g.members.len();
    let mut gen = vec![0usize; n];
    let links: Vec<(usize, Vec<usize>)> = g
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let ps = g.parents_of(&m.person);
            (i, ps.iter().filter_map(|p| index.get(p).copied()).collect())
        })
        .collect();
    let pairs: Vec<(usize, usize)> = g
        .partnerships
        .iter()
        .filter_map(|u| Some((*index.get(&u.a)?, *index.get(&u.b)?)))
        .collect();
    // Bounded: a malformed document with a cycle of parents stops after enough rounds.
    for _ in 0..=n + 1 {
        let mut changed = false;
        for (c, ps) in &links {
            for &p in ps {
                if gen[*c] < gen[p] + 1 && gen[p] < n {
                    gen[*c] = gen[p] + 1;
                    changed = true;
                }
            }
        }
        for &(a, b) in &pairs {
            let m = gen[a].max(gen[b]);
            if gen[a] != m || gen[b] != m {
                gen[a] = m;
                gen[b] = m;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    gen
}

/// Groups of partners in one row, each in chain order (A - B - C when B had both as partners).
fn partner_units(
    g: &Genogram,
    index: &HashMap<&PersonId, usize>,
    gens: &[usize],
) -> Vec<Vec<usize>> {
    let n = g.members.len();
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for u in &g.partnerships {
        if let (Some(&a), Some(&b)) = (index.get(&u.a), index.get(&u.b)) {
            if gens[a] == gens[b] && a != b {
                adj[a].push(b);
                adj[b].push(a);
            }
        }
    }
    let mut seen = vec![false; n];
    let mut units = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        // Collect the component, then walk it from an end so a chain stays in order.
        let mut comp = vec![start];
        seen[start] = true;
        let mut k = 0;
        while k < comp.len() {
            for &nb in &adj[comp[k]] {
                if !seen[nb] {
                    seen[nb] = true;
                    comp.push(nb);
                }
            }
            k += 1;
        }
        let end = comp
            .iter()
            .copied()
            .find(|&i| adj[i].len() <= 1)
            .unwrap_or(start);
        let mut order = Vec::with_capacity(comp.len());
        let mut visited: Vec<usize> = Vec::new();
        let mut stack = vec![end];
        while let Some(i) = stack.pop() {
            if visited.contains(&i) {
                continue;
            }
            visited.push(i);
            order.push(i);
            for &nb in adj[i].iter().rev() {
                if !visited.contains(&nb) {
                    stack.push(nb);
                }
            }
        }
        units.push(order);
    }
    units
}

/// Moves parents right (never left, never into a neighbour) to sit over their children.
fn centre_parents_over_children(
    g: &Genogram,
    index: &HashMap<&PersonId, usize>,
    units_by_row: &[Vec<Vec<usize>>],
    x: &mut [Option<i32>],
) {
    let mut children_of: HashMap<usize, Vec<usize>> = HashMap::new();
    for l in &g.parentage {
        let Some(&c) = index.get(&l.child) else {
            continue;
        };
        let ps: Vec<&PersonId> = match &l.parents {
            Parents::Partnership { partnership } => g
                .partnership(partnership)
                .map(|u| vec![&u.a, &u.b])
                .unwrap_or_default(),
            Parents::Parent { person } => vec![person],
        };
        for p in ps.into_iter().filter_map(|p| index.get(p)) {
            children_of.entry(*p).or_default().push(c);
        }
    }
    for units in units_by_row.iter().rev() {
        let mut prev_end: Option<i32> = None;
        for unit in units {
            let xs: Vec<i32> = unit
                .iter()
                .flat_map(|i| children_of.get(i).into_iter().flatten())
                .filter_map(|&c| x[c])
                .collect();
            let left = unit.iter().filter_map(|&i| x[i]).min().unwrap_or(0);
            let right = unit.iter().filter_map(|&i| x[i]).max().unwrap_or(0);
            let mut shift = 0;
            if let (Some(lo), Some(hi)) = (xs.iter().min(), xs.iter().max()) {
                shift = ((lo + hi) / 2 - (left + right) / 2).max(0);
            }
            if let Some(p) = prev_end {
                shift = shift.max(p + STEP_X - left);
            }
            for &i in unit {
                if let Some(v) = x[i].as_mut() {
                    *v += shift;
                }
            }
            prev_end = Some(right + shift);
        }
    }
}
