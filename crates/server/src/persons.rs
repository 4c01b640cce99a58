//! Person suggestions. Counting persons walks every dispatch (a second or more on a large
//! index) and the page asks at each keystroke, so the server counts them all once, keeps the
//! list with each name's keys, and answers prefixes from it. The list is rebuilt in the
//! background once older than [`TTL`]; until then, counts may lag a commit.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use depeche_index::analyzer::analyze_names;
use depeche_query::{PersonCount, Searcher};

/// How long a list is used before it is rebuilt.
pub(crate) const TTL: Duration = Duration::from_secs(10);

/// A person and the keys of their name (folded, transliterated words).
pub(crate) struct Entry {
    person: PersonCount,
    keys: Vec<String>,
}

/// The list, and when it was built.
#[derive(Default)]
pub(crate) struct Persons {
    slot: Mutex<Option<(Instant, Arc<Vec<Entry>>)>>,
    /// Held while a rebuild runs: one at a time.
    pub building: Arc<tokio::sync::Mutex<()>>,
}

impl Persons {
    /// The list, and whether it is older than [`TTL`].
    pub fn current(&self) -> Option<(Arc<Vec<Entry>>, bool)> {
        let slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        slot.as_ref().map(|(at, list)| (list.clone(), at.elapsed() >= TTL))
    }

    pub fn set(&self, list: Arc<Vec<Entry>>) {
        *self.slot.lock().unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), list));
    }
}

/// Every person of the index, most frequent first. Blocking and costly.
pub(crate) fn build(searcher: &Searcher) -> depeche_query::Result<Vec<Entry>> {
    Ok(searcher
        .persons(None, usize::MAX)?
        .into_iter()
        .map(|person| Entry { keys: keys(&person.name), person })
        .collect())
}

/// What [`Searcher::persons`] answers for `prefix`: names with consecutive words starting
/// with the prefix's words (accents, case and transliteration ignored).
pub(crate) fn lookup(list: &[Entry], prefix: Option<&str>, limit: usize) -> Vec<PersonCount> {
    let wanted = prefix.map(keys).unwrap_or_default();
    list.iter()
        .filter(|e| wanted.is_empty() || matches_prefix(&e.keys, &wanted))
        .take(limit)
        .map(|e| e.person.clone())
        .collect()
}

fn keys(name: &str) -> Vec<String> {
    analyze_names(name).into_iter().map(|a| a.key).collect()
}

/// The prefix's words, in order, start consecutive words of the name; all but the last are
/// whole words (`lav` → Sergueï Lavrov; `serguei l` → Sergueï Lavrov). The same rule as
/// `depeche_query`'s (checked against it by the integration tests).
fn matches_prefix(keys: &[String], wanted: &[String]) -> bool {
    if wanted.len() > keys.len() {
        return false;
    }
    (0..=keys.len() - wanted.len()).any(|start| {
        wanted.iter().enumerate().all(|(j, w)| {
            let k = &keys[start + j];
            if j + 1 == wanted.len() { k.starts_with(w.as_str()) } else { k == w }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, n: u64) -> Entry {
        Entry { person: PersonCount { name: name.into(), dispatches: n }, keys: keys(name) }
    }

    #[test]
    fn prefixes_match_words_of_names() {
        let list =
            vec![entry("Emmanuel Macron", 9), entry("Sergueï Lavrov", 7), entry("Ma Ying-jeou", 1)];
        let names = |p: Option<&str>, limit| -> Vec<String> {
            lookup(&list, p, limit).into_iter().map(|p| p.name).collect()
        };
        assert_eq!(names(Some("lav"), 10), ["Sergueï Lavrov"]);
        assert_eq!(names(Some("SERGUEI L"), 10), ["Sergueï Lavrov"]);
        assert_eq!(names(Some("sergei"), 10), ["Sergueï Lavrov"]);
        assert_eq!(names(Some("ma"), 10), ["Emmanuel Macron", "Ma Ying-jeou"]);
        assert_eq!(names(Some("lavrov sergueï"), 10), Vec::<String>::new());
        assert_eq!(names(None, 2), ["Emmanuel Macron", "Sergueï Lavrov"]);
    }
}
