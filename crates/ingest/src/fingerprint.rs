//! Keys that group dispatches: identical text, versions of one story, stable ids.

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::dispatch::Dispatch;

/// Content fingerprint: a hash of the body's letters and digits, lowercased, accents kept
/// (title and lede too when there is no body). Two dispatches with the same text, whatever
/// their layout, markup, spacing or punctuation, get the same fingerprint.
pub fn fingerprint(d: &Dispatch) -> String {
    let mut key = LetterHasher::default();
    if d.body.is_empty() {
        key.push(&d.title);
        key.push(d.lede.as_deref().unwrap_or(""));
    } else {
        for p in &d.body {
            key.push(p);
        }
    }
    format!("{:032x}", key.finish())
}

/// Hashes the lowercased letters and digits of text as it goes, without building the string.
#[derive(Default)]
struct LetterHasher {
    hasher: Xxh3,
    buf: Vec<u8>,
}

impl LetterHasher {
    fn push(&mut self, s: &str) {
        push_letters(&mut self.buf, s);
        if self.buf.len() >= 4096 {
            self.hasher.update(&self.buf);
            self.buf.clear();
        }
    }

    fn finish(mut self) -> u128 {
        self.hasher.update(&self.buf);
        self.hasher.digest128()
    }
}

/// Update key: agency, title and first publication day. Later versions of a dispatch keep
/// these, so the indexer can keep the latest one.
pub fn story_key(d: &Dispatch) -> String {
    let mut key = Vec::new();
    push_letters(&mut key, d.agency.as_deref().unwrap_or(""));
    key.push(b'|');
    push_letters(&mut key, &d.title);
    key.push(b'|');
    if let Some(p) = d.published {
        key.extend_from_slice(p.strftime("%Y-%m-%d").to_string().as_bytes());
    }
    format!("{:016x}", xxh3_64(&key))
}

/// An id for a dispatch whose source gives none: stable for the same text of the same story,
/// whatever file it is read from.
pub fn derive_id(d: &Dispatch) -> String {
    let story = if d.story.is_empty() { story_key(d) } else { d.story.clone() };
    let fp = if d.fingerprint.is_empty() { fingerprint(d) } else { d.fingerprint.clone() };
    format!("d{:016x}", xxh3_64(format!("{story}|{fp}").as_bytes()))
}

/// Whether an id given by a source is specific enough to be used as is: short numeric ids
/// (`"1"`, `"42"`) are per-feed counters and would collide across feeds.
pub(crate) fn is_usable_id(id: &str) -> bool {
    let id = id.trim();
    id.len() >= 6 && !id.bytes().all(|b| b.is_ascii_digit())
}

/// Appends the lowercased letters and digits of `s` (UTF-8) to `out`. ASCII, most of the
/// text, is copied byte by byte without decoding.
fn push_letters(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            i += 1;
            continue;
        }
        let Some(ch) = s[i..].chars().next() else { break };
        if ch.is_alphanumeric() {
            let mut utf8 = [0; 4];
            for l in ch.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        }
        i += ch.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(title: &str, body: &[&str]) -> Dispatch {
        Dispatch {
            title: title.into(),
            body: body.iter().map(|s| s.to_string()).collect(),
            agency: Some("AFP".into()),
            published: Some("2020-07-02T19:09:00+02:00".parse().unwrap()),
            ..Dispatch::default()
        }
    }

    #[test]
    fn same_text_same_fingerprint() {
        let a = d("Titre", &["Le gouvernement a annoncé.", "Deuxième paragraphe."]);
        let b = d("Autre titre", &["Le  gouvernement a annoncé !", "Deuxième\u{a0}paragraphe"]);
        let c = d("Titre", &["Le gouvernement a démenti.", "Deuxième paragraphe."]);
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&c));
    }

    #[test]
    fn versions_share_the_story_key() {
        let a = d("Séisme au Japon", &["Premier bilan."]);
        let mut b = d("Séisme au Japon", &["Nouveau bilan, plus lourd."]);
        b.updated = Some("2020-07-03T08:00:00Z".parse().unwrap());
        assert_eq!(story_key(&a), story_key(&b));
        assert_ne!(derive_id(&a), derive_id(&b));
        assert_ne!(story_key(&a), story_key(&d("Séisme en Italie", &["Premier bilan."])));
    }

    #[test]
    fn usable_ids() {
        assert!(is_usable_id("orangesum-2"));
        assert!(is_usable_id("urn:newsml:afp.com:20240710:240710125902.qpsp2jzk"));
        assert!(!is_usable_id("42"));
        assert!(!is_usable_id("1234567"));
        assert!(!is_usable_id("ab"));
    }
}
