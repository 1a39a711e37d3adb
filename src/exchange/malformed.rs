//! Generated malformed export files, for the fuzz tests of import (natively and in the browser).
//! Every variant is broken in a way the format forbids: cut short, a required field removed, a
//! value of the wrong type, an unknown field, a bad version, or bytes of garbage.

use serde_json::{Map, Value};

/// A small deterministic generator (xorshift), so failures can be replayed from the seed.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed non-zero seed).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 {
            0x9e37_79b9_7f4a_7c15
        } else {
            seed
        })
    }
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Every path to an object member in `v`, as (object path, key).
fn members(v: &Value, path: &mut Vec<PathStep>, out: &mut Vec<(Vec<PathStep>, String)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                out.push((path.clone(), k.clone()));
                path.push(PathStep::Key(k.clone()));
                members(child, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                path.push(PathStep::Index(i));
                members(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// A value of a type the field cannot take.
fn wrong_type(v: &Value) -> Value {
    match v {
        Value::String(_) => Value::from(42),
        Value::Number(_) => Value::from("forty-two"),
        Value::Bool(_) => Value::from("yes"),
        Value::Null => Value::from("seven"),
        Value::Array(_) => Value::Object(Map::new()),
        Value::Object(_) => Value::Array(vec![]),
    }
}

/// `n` malformed variants of `valid` (a valid export file), from `seed`.
pub fn variants(valid: &str, seed: u64, n: usize) -> Vec<String> {
    let base: Value = serde_json::from_str(valid).expect("a valid file to start from");
    let mut all = Vec::new();
    members(&base, &mut Vec::new(), &mut all);
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let mut doc = base.clone();
            match i % 7 {
                // cut short: a prefix of an object is never complete JSON
                0 => valid[..rng.below(valid.len() - 2)].to_owned(),
                // a required field removed (every field of the format is required, except the
                // entries of the free-form answers map)
                1 => {
                    let fixed: Vec<&(Vec<PathStep>, String)> = all
                        .iter()
                        .filter(|(p, k)| k != "answers" || !p.is_empty())
                        .filter(|(p, _)| {
                            !p.iter()
                                .any(|s| matches!(s, PathStep::Key(k) if k == "answers"))
                        })
                        .collect();
                    let (path, key) = fixed[rng.below(fixed.len())];
                    if let Value::Object(m) = at(&mut doc, path) {
                        m.remove(key);
                    }
                    doc.to_string()
                }
                // a value of the wrong type
                2 => {
                    let (path, key) = &all[rng.below(all.len())];
                    let target = &mut at(&mut doc, path)[key.as_str()];
                    *target = wrong_type(target);
                    doc.to_string()
                }
                // a field the format does not have (1 is never a valid value for a new member)
                3 => {
                    let (path, key) = &all[rng.below(all.len())];
                    let mut obj_path = path.clone();
                    obj_path.push(PathStep::Key(key.clone()));
                    match at(&mut doc, &obj_path) {
                        Value::Object(m) => {
                            m.insert(format!("unexpected{}", rng.below(1000)), Value::from(1));
                        }
                        _ => {
                            if let Value::Object(m) = at(&mut doc, path) {
                                m.insert(format!("unexpected{}", rng.below(1000)), Value::from(1));
                            }
                        }
                    }
                    doc.to_string()
                }
                // a schema version that is not one we know
                4 => {
                    let bad = [
                        Value::from(0),
                        Value::from(-1),
                        Value::from(99),
                        Value::from(1.5),
                        Value::from("3"),
                        Value::Null,
                    ];
                    doc["schemaVersion"] = bad[rng.below(bad.len())].clone();
                    doc.to_string()
                }
                // garbage bytes
                5 => {
                    (0..rng.below(200) + 1)
                        .map(|_| char::from(b"{}[]\",:0123456789abcXYZ \n\\"[rng.below(26)]))
                        .collect::<String>()
                        + "\u{0}"
                }
                // not an object at all
                _ => {
                    let bad = ["[]", "null", "true", "\"assessment\"", "12", "{}"];
                    bad[rng.below(bad.len())].to_owned()
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::import_json;

    #[test]
    fn a_thousand_malformed_files_are_all_refused_with_a_message() {
        let valid = include_str!("../../tests/fixtures/assessment-v4.json");
        assert!(import_json(valid, crate::exchange::any_profile).is_ok());
        for (i, text) in variants(valid, 20261125, 1000).iter().enumerate() {
            match import_json(text, crate::procedure::known_hash) {
                Ok(_) => panic!(
                    "variant {i} (kind {}) was accepted: {}",
                    i % 7,
                    &text[..text.len().min(300)]
                ),
                Err(e) => {
                    let words = e.to_string();
                    assert!(
                        words.len() > 20 && words.ends_with('.'),
                        "variant {i}: {words}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_generator_is_deterministic_and_varied() {
        let valid = include_str!("../../tests/fixtures/assessment-v4.json");
        let a = variants(valid, 7, 50);
        assert_eq!(a, variants(valid, 7, 50));
        let distinct: std::collections::HashSet<_> = a.iter().collect();
        assert!(distinct.len() > 40);
    }
}
