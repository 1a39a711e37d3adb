//! Answers to the procedure's questions, as the guided flow's pages change them. Each touches
//! the answers alone (see [`crate::workspace::Change::answering`]).

use crate::model::{Answer, Assessment};
use std::collections::BTreeMap;

/// One item of a repeating question: its fields' values by field id.
pub type Item = BTreeMap<String, String>;

/// Sets the answer under `key`; an answer that says nothing removes it.
pub fn set_answer(a: &mut Assessment, key: &str, answer: Option<Answer>) {
    match answer.filter(Answer::is_given) {
        Some(v) => {
            a.answers.insert(key.to_owned(), v);
        }
        None => {
            a.answers.remove(key);
        }
    }
}

/// Changes the items of the repeating question under `key`. Blank items are kept while they
/// are being written (they are not "given"), so the answer goes only when no item is left.
pub fn edit_items(a: &mut Assessment, key: &str, f: impl FnOnce(&mut Vec<Item>)) {
    let mut list = match a.answers.remove(key) {
        Some(Answer::Items(i)) => i,
        _ => Vec::new(),
    };
    f(&mut list);
    if !list.is_empty() {
        a.answers.insert(key.to_owned(), Answer::Items(list));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::tests::sample;

    #[test]
    fn an_answer_that_says_nothing_is_removed_and_blank_items_stay_while_written() {
        let mut a = sample();
        set_answer(&mut a, "q", Some(Answer::Text("Yes".into())));
        assert_eq!(a.answers.get("q"), Some(&Answer::Text("Yes".into())));
        set_answer(&mut a, "q", Some(Answer::Text("  ".into())));
        assert_eq!(a.answers.get("q"), None);
        edit_items(&mut a, "l", |items| items.push(Item::new()));
        assert_eq!(a.answers.get("l"), Some(&Answer::Items(vec![Item::new()])));
        edit_items(&mut a, "l", Vec::clear);
        assert_eq!(a.answers.get("l"), None);
    }
}
