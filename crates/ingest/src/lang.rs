//! A small language guesser for dispatch text, from function words.
//!
//! Metadata lies (a `fr` component holding Dutch text), and French analysis on English text
//! does harm, so the text gets a say.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::hash::Fnv;

const LANGS: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "le", "la", "les", "des", "est", "une", "du", "et", "dans", "pour", "qui", "que",
            "pas", "sur", "au", "avec", "ont", "été", "il", "elle",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "was", "for", "that", "with", "on", "are", "by", "he",
            "she", "it", "has", "have", "from", "at", "said",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf",
            "ein", "eine", "für", "dem", "im", "wird", "auch", "es",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "que", "en", "por", "con", "una", "para", "se", "su",
            "al", "lo", "como", "más", "fue", "ha", "sus",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "della", "per", "non", "sono", "gli", "nel", "alla", "una", "con",
            "del", "è", "ha", "dei", "anche", "come", "più", "delle",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "is", "dat", "op", "niet", "met", "voor", "zijn",
            "er", "ook", "aan", "werd", "wordt", "bij", "naar", "heeft",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "da", "do", "das", "dos", "não", "uma", "com", "para", "em", "foi", "ao",
            "pelo", "pela", "mais", "são", "seu", "sua", "como",
        ],
    ),
];

/// [`guess_parts`] of one text.
#[cfg(test)]
pub(crate) fn guess(text: &str) -> Option<&'static str> {
    guess_parts([text])
}

/// Guesses the language of texts read one after the other (a dispatch's fields): `fr`,
/// `en`, `de`, `es`, `it`, `nl`, `pt`, or `None` when they are too short or no language
/// stands out.
pub(crate) fn guess_parts<'a>(parts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    type Index = HashMap<&'static str, u8, BuildHasherDefault<Fnv>>;
    static INDEX: LazyLock<(Index, usize)> = LazyLock::new(|| {
        let mut map = Index::default();
        for (i, (_, list)) in LANGS.iter().enumerate() {
            for w in *list {
                *map.entry(w).or_default() |= 1 << i;
            }
        }
        let longest = map.keys().map(|w| w.len()).max().unwrap_or(0);
        (map, longest)
    });
    let (index, longest) = &*INDEX;
    let mut scores = [0usize; LANGS.len()];
    let mut words = 0;
    let mut lower = String::new();
    let all_words = parts
        .into_iter()
        .flat_map(|text| text.split(|c: char| !is_letter(c)))
        .filter(|w| !w.is_empty())
        .take(150);
    for w in all_words {
        words += 1;
        // Lowercasing shrinks a character by two bytes at most (the Kelvin sign `K` → `k`):
        // longer words cannot be function words.
        if w.len() > 3 * longest {
            continue;
        }
        let key = if w.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            w
        };
        if let Some(&mask) = index.get(key) {
            for (i, score) in scores.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    *score += 1;
                }
            }
        }
    }
    if words < 8 {
        return None;
    }
    let mut order: Vec<usize> = (0..LANGS.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    (best >= 3 && best * 10 >= second * 13).then(|| LANGS[order[0]].0)
}

/// `char::is_alphabetic`, without its Unicode table for ASCII and Latin letters.
#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(super::is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    use super::guess;

    #[test]
    fn table() {
        let cases = [
            (
                "Le secrétaire général de l'OTAN a déclaré, lundi, que l'OTAN demeurait ouverte à un dialogue avec la Russie et que les forces qui menacent l'Ukraine",
                Some("fr"),
            ),
            (
                "Former Chinese Premier Li Peng, who led a military crackdown on the protests, has died at the age of 90, the state news agency said",
                Some("en"),
            ),
            (
                "Der Bundeskanzler hat sich am Montag mit den Ministerpräsidenten der Länder auf neue Regeln geeinigt, die auch für die Schulen gelten",
                Some("de"),
            ),
            (
                "Una pareja de leones asiáticos hirieron mortalmente a un joven que se coló en el recinto de los felinos en un zoológico de la India",
                Some("es"),
            ),
            (
                "Het kabinet heeft dinsdag besloten dat de maatregelen ook voor de scholen gelden, zo werd na afloop van het overleg bekendgemaakt",
                Some("nl"),
            ),
            ("Trop court", None),
        ];
        for (text, want) in cases {
            assert_eq!(guess(text), want, "{text:?}");
        }
    }
}
