//! Cutting text into surface words: letters and digits (any script), with elision,
//! dotted acronyms and a few words that keep their apostrophe.
//!
//! Everything else separates words, hyphens included: `États-Unis` gives two consecutive
//! words, so a query `Etats-Unis` becomes a phrase. Spans are byte ranges of the original
//! text; nothing here allocates.

use super::fold::is_ignorable;

/// A word found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character (an acronym's final dot included).
    pub end: usize,
    /// How the word was formed.
    pub kind: WordKind,
}

/// How a [`Word`] was formed; its key drops apostrophes and dots either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// A run of letters and digits.
    Plain,
    /// Two runs joined by an apostrophe that is part of the word: `aujourd'hui`.
    Joined,
    /// Single letters joined by dots: `O.T.A.N.`.
    Acronym,
}

/// The apostrophes of French typography and their usual stand-ins.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{b4}' | '`')
}

#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Latin-1 letters and Latin Extended-A/B, French's accented letters: all letters but
        // the two signs; spares the Unicode table lookup on the common path.
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        // `ʼ` (U+02BC) is a letter for Unicode but an apostrophe for us.
        _ => !is_apostrophe(c) && (c.is_alphanumeric() || is_ignorable(c)),
    }
}

/// The character starting at byte `i` (a char boundary) and its length; decodes the two-byte
/// sequences of accented Latin letters inline.
#[inline]
fn decode(text: &str, i: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    if (0xc2..0xe0).contains(&b)
        && let Some(&b2) = bytes.get(i + 1)
    {
        let c = char::from_u32((u32::from(b & 0x1f) << 6) | u32::from(b2 & 0x3f))?;
        return Some((c, 2));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Elided words: `l'`, `d'`, `qu'`, `jusqu'`… The apostrophe and what precedes it go.
fn is_elision(seg: &str) -> bool {
    const ELIDED: &[&str] = &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
        "presqu",
    ];
    seg.len() <= 6 && ELIDED.iter().any(|e| e.eq_ignore_ascii_case(seg))
}

/// Words whose apostrophe is not an elision: `aujourd'hui`, `quelqu'un(e)`,
/// `prud'homme(s)`, `prud'homal`, `entr'acte`, `entr'ouvert`.
fn is_joining(seg: &str) -> bool {
    const JOINING: &[&str] = &["aujourd", "quelqu", "prud", "entr"];
    seg.len() <= 7 && JOINING.iter().any(|e| e.eq_ignore_ascii_case(seg))
}

/// Iterator over the [`Word`]s of a text.
pub(crate) struct Words<'a> {
    text: &'a str,
    pos: usize,
    elide: bool,
}

impl<'a> Words<'a> {
    /// Words of `text`; with `elide`, elided articles and pronouns are dropped.
    pub(crate) fn new(text: &'a str, elide: bool) -> Self {
        Words { text, pos: 0, elide }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    /// End of the run of word characters starting at `i`.
    fn run_end(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let Some((c, len)) = decode(self.text, i) else { break };
                if !is_word_char(c) {
                    break;
                }
                i += len;
            }
        }
        i
    }

    /// Start of the next word character at or after `pos`.
    fn next_start(&self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    return Some(i);
                }
                i += 1;
            } else {
                let (c, len) = decode(self.text, i)?;
                if is_word_char(c) {
                    return Some(i);
                }
                i += len;
            }
        }
        None
    }

    /// `O.T.A.N.` / `U.E` at `start`: single letters each followed by a dot, at least two of
    /// them; returns the end of the acronym (its final dot included).
    fn acronym(&self, start: usize) -> Option<usize> {
        // Fast path: a character followed by an ASCII character other than a dot, or by
        // nothing, starts no acronym.
        let (_, first) = decode(self.text, start)?;
        match self.text.as_bytes().get(start + first) {
            Some(b'.') => {}
            Some(&b) if b < 0x80 => return None,
            None => return None,
            _ => {}
        }
        let mut i = start;
        let mut letters = 0;
        let mut end = start;
        while let Some(c) = self.char_at(i) {
            if !c.is_alphabetic() || is_apostrophe(c) {
                break;
            }
            let mut j = i + c.len_utf8();
            // Accents in NFD form follow their letter.
            while let Some(d) = self.char_at(j).filter(|&d| !d.is_ascii() && is_ignorable(d)) {
                j += d.len_utf8();
            }
            if self.char_at(j).is_some_and(is_word_char) {
                break; // a longer word, not an initial
            }
            letters += 1;
            end = j;
            if self.text.as_bytes().get(j) != Some(&b'.') {
                break;
            }
            end = j + 1;
            i = j + 1;
        }
        (letters >= 2).then_some(end)
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        loop {
            let start = self.next_start()?;
            if let Some(end) = self.acronym(start) {
                self.pos = end;
                return Some(Word { start, end, kind: WordKind::Acronym });
            }
            let end = self.run_end(start);
            self.pos = end;
            let ascii_separator =
                self.text.as_bytes().get(end).is_none_or(|&b| b < 0x80 && b != b'\'' && b != b'`');
            if ascii_separator {
                return Some(Word { start, end, kind: WordKind::Plain });
            }
            let Some(apostrophe) = self.char_at(end).filter(|&c| is_apostrophe(c)) else {
                return Some(Word { start, end, kind: WordKind::Plain });
            };
            let next = end + apostrophe.len_utf8();
            if !self.char_at(next).is_some_and(is_word_char) {
                return Some(Word { start, end, kind: WordKind::Plain });
            }
            let seg = &self.text[start..end];
            if self.elide && is_elision(seg) {
                self.pos = next;
                continue;
            }
            if is_joining(seg) {
                let end = self.run_end(next);
                self.pos = end;
                return Some(Word { start, end, kind: WordKind::Joined });
            }
            // Any other apostrophe (`O'Neill`, `don't`) separates like a hyphen.
            return Some(Word { start, end, kind: WordKind::Plain });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, elide: bool) -> Vec<&str> {
        Words::new(text, elide).map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        let table: &[(&str, &[&str])] = &[
            ("États-Unis", &["États", "Unis"]),
            ("Jean-Pierre  Raffarin", &["Jean", "Pierre", "Raffarin"]),
            ("« Bonjour », dit-il.", &["Bonjour", "dit", "il"]),
            ("COVID-19 : 10h30, 3,5 %", &["COVID", "19", "10h30", "3", "5"]),
            ("Москва и 東京", &["Москва", "и", "東京"]),
            ("e\u{301}te\u{301} chaud", &["e\u{301}te\u{301}", "chaud"]),
            ("négo\u{ad}ciation", &["négo\u{ad}ciation"]),
            ("34\u{a0}897 articles", &["34", "897", "articles"]),
            ("😀👍🏽 ok", &["ok"]),
            ("", &[]),
            ("  ... ", &[]),
        ];
        for (text, want) in table {
            assert_eq!(words(text, true), *want, "{text:?}");
        }
    }

    #[test]
    fn elision() {
        let table: &[(&str, &[&str])] = &[
            ("l'OTAN", &["OTAN"]),
            ("d’Ukraine", &["Ukraine"]),
            ("L‘Élysée", &["Élysée"]),
            ("qu'elle", &["elle"]),
            ("jusqu'à", &["à"]),
            ("lorsqu'il puisqu'on quoiqu'il", &["il", "on", "il"]),
            ("presqu'île", &["île"]),
            ("s'est c'était j'ai m'a n'a t'as", &["est", "était", "ai", "a", "a", "as"]),
            ("QU'IL", &["IL"]),
            ("d'aujourd'hui", &["aujourd'hui"]),
            ("quelqu'un, prud'hommes", &["quelqu'un", "prud'hommes"]),
            ("O'Neill", &["O", "Neill"]),
            ("l' OTAN", &["l", "OTAN"]),
            ("d''évolutions'", &["d", "évolutions"]),
            ("l`Europe l´Europe lʼEurope", &["Europe", "Europe", "Europe"]),
            ("l'O.N.U.", &["O.N.U."]),
        ];
        for (text, want) in table {
            assert_eq!(words(text, true), *want, "{text:?}");
        }
        assert_eq!(words("d'Estaing", false), ["d", "Estaing"]);
    }

    #[test]
    fn acronyms() {
        let table: &[(&str, &[&str])] = &[
            ("O.T.A.N.", &["O.T.A.N."]),
            ("l'U.E. et l'O.N.U", &["U.E.", "et", "O.N.U"]),
            ("M. Macron", &["M", "Macron"]),
            ("J.R.R. Tolkien", &["J.R.R.", "Tolkien"]),
            ("A.B.Cdef", &["A.B.", "Cdef"]),
            ("3.5.2", &["3", "5", "2"]),
            ("fin.Début", &["fin", "Début"]),
        ];
        for (text, want) in table {
            assert_eq!(words(text, true), *want, "{text:?}");
        }
        let kinds: Vec<WordKind> =
            Words::new("O.T.A.N. aujourd'hui x", true).map(|w| w.kind).collect();
        assert_eq!(kinds, [WordKind::Acronym, WordKind::Joined, WordKind::Plain]);
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for cp in (0x80u32..0x3000).chain(0xfb00..0xfb10) {
            let Some(c) = char::from_u32(cp) else { continue };
            let slow = !is_apostrophe(c) && (c.is_alphanumeric() || is_ignorable(c));
            assert_eq!(is_word_char(c), slow, "U+{cp:04X}");
            let s = c.to_string();
            assert_eq!(decode(&s, 0), Some((c, c.len_utf8())), "U+{cp:04X}");
        }
        assert_eq!(decode("", 0), None);
    }

    #[test]
    fn hostile_input_is_linear_and_safe() {
        let long = "a".repeat(1 << 20);
        assert_eq!(Words::new(&long, true).count(), 1);
        let elisions = "l'".repeat(100_000) + "x";
        assert_eq!(words(&elisions, true), ["x"]);
        let dots = "A.".repeat(100_000);
        assert_eq!(Words::new(&dots, true).count(), 1);
        let apostrophes = "o'".repeat(100_000);
        assert_eq!(Words::new(&apostrophes, true).count(), 100_000);
        let controls: String =
            (0u8..32).map(char::from).chain("\u{202e}abc\u{0}".chars()).collect();
        assert_eq!(words(&controls, true), ["abc"]);
    }
}
