//! Splits one field or paragraph into the tokens name finding needs: words with their shape and
//! flags, elided articles apart (`d'Estaing` → `d'` `Estaing`), initials with their dot, and
//! whether a token opens a sentence (where every word is capitalised).

use super::lexicon::{self, Lexicon};

/// The shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A capitalised word with lowercase letters (`Jens`, `Saint-Just`, `M'Bala`), or an
    /// Arabic article joined to a capitalised name (`al-Assad`).
    Name,
    /// A word in capitals (`OTAN`, `LR`), a lone capital, or a word with digits (`G7`).
    Upper,
    /// A lowercase word.
    Lower,
    /// An elided word with its apostrophe (`l'`, `d'`, `qu'`).
    Elision,
    /// A capital letter and its dot (`J.`, `M.`).
    Initial,
    /// Digits.
    Number,
    /// Any other character.
    Punct(char),
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Shape.
    pub kind: Kind,
    /// Lexicon flags (see [`lexicon`]).
    pub flags: u32,
    /// Whether the token opens a sentence, a quote or the text.
    pub sent: bool,
}

impl Token {
    /// Whether the token is a word that may belong to a name (`Jens`, `J.`).
    pub fn is_name(&self) -> bool {
        matches!(self.kind, Kind::Name | Kind::Initial)
    }

    /// Whether the token is the punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

const ELIDED: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"];
const ARTICLES: &[&str] =
    &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ben", "bin", "ibn", "abu", "abou"];

/// A letter or digit; Latin-1 and Latin Extended-A letters without the Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Punctuation after which the next word is capitalised whatever it is.
fn opens_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':' | '«' | '“' | '"' | '—' | '–' | '-' | '•' | '*' | '[')
}

/// Flags not looked up yet: lowercase words far from any capitalised word are never read, so
/// they are looked up only near names (see [`resolve_pending`]).
const PENDING: u32 = 1 << 31;

/// How far from a capitalised word the cue searches read (see `spans`): 8 tokens before,
/// 5 after.
const BEFORE: usize = 8;
const AFTER: usize = 6;

/// Tokenizes `text` into `out` (cleared first). `buf` is scratch space for lexicon keys.
pub(super) fn tokenize(text: &str, lex: &Lexicon, buf: &mut String, out: &mut Vec<Token>) {
    split(text, lex, buf, out);
    resolve_pending(text, lex, buf, out);
}

/// Looks up the flags of the lowercase words within reach of a capitalised word.
fn resolve_pending(text: &str, lex: &Lexicon, buf: &mut String, toks: &mut [Token]) {
    let mut done = 0;
    for i in 0..toks.len() {
        if !toks[i].is_name() {
            continue;
        }
        let end = (i + AFTER).min(toks.len());
        for t in &mut toks[i.saturating_sub(BEFORE).max(done)..end] {
            if t.flags == PENDING {
                let word = &text[t.start..t.end];
                t.flags = lex.flags(word, buf);
                if word.contains('-') {
                    t.flags |= compound_flags(word, lex, buf);
                }
            }
        }
        done = done.max(end);
    }
    for t in toks.iter_mut().filter(|t| t.flags == PENDING) {
        t.flags = 0;
    }
}

/// The character at byte `i` of `text` and its length; ASCII without decoding (most of the
/// text, and this loop runs over every byte of every dispatch).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

fn split(text: &str, lex: &Lexicon, buf: &mut String, out: &mut Vec<Token>) {
    out.clear();
    let mut sent = true;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        // Most words are plain lowercase: no shape to work out, no lexicon lookup yet.
        if let Some(end) = plain_lower_word(text.as_bytes(), i) {
            out.push(Token { start: i, end, kind: Kind::Lower, flags: PENDING, sent });
            sent = false;
            i = end;
            continue;
        }
        if !is_word_char(c) {
            out.push(Token { start: i, end: i + len, kind: Kind::Punct(c), flags: 0, sent });
            // A dot after a civility (`Dr.`) ends no sentence.
            let civility_dot = c == '.'
                && out.len() >= 2
                && out[out.len() - 2].flags & lexicon::CIVILITY != 0
                && out[out.len() - 2].kind == Kind::Name;
            sent = opens_sentence(c) && !civility_dot;
            i += len;
            continue;
        }
        let mut end = i + len;
        while let Some((d, dlen)) = char_at(text, end) {
            // Hyphens and apostrophes join letters (`Jean-Pierre`, `d'Estaing`) and nothing else.
            let joins = is_word_char(d)
                || is_joiner(d) && char_at(text, end + dlen).is_some_and(|(e, _)| is_word_char(e));
            if !joins {
                break;
            }
            end += dlen;
        }
        let before = out.len();
        push_word(text, i, end, sent, lex, buf, out);
        // An initial took its dot.
        i = out.last().map_or(end, |t| t.end.max(end));
        sent = sent && out.len() == before;
    }
}

/// The end of the word at `i` when it is made of lowercase letters only (ASCII, or Latin-1
/// `à`…`ÿ`) and ends on ASCII that neither continues nor joins it; `None` for anything else,
/// which then takes the general path.
#[inline]
fn plain_lower_word(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    loop {
        match b.get(j) {
            Some(b'a'..=b'z') => j += 1,
            // U+00E0..U+00FF but U+00F7 `÷`.
            Some(0xC3)
                if b.get(j + 1).is_some_and(|&n| (0xA0..=0xBF).contains(&n) && n != 0xB7) =>
            {
                j += 2
            }
            Some(&c) if j > i && c.is_ascii() => {
                return (!c.is_ascii_alphanumeric() && c != b'-' && c != b'\'').then_some(j);
            }
            None if j > i => return Some(j),
            _ => return None,
        }
    }
}

/// Pushes the word `text[start..end]`, splitting elided prefixes off.
fn push_word(
    text: &str,
    mut start: usize,
    end: usize,
    sent: bool,
    lex: &Lexicon,
    buf: &mut String,
    out: &mut Vec<Token>,
) {
    let mut first = true;
    loop {
        let word = &text[start..end];
        let Some((a, ap)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) else { break };
        let prefix = &word[..a];
        let rest = &word[a + ap.len_utf8()..];
        lexicon::fold_into(prefix, buf);
        let elided = ELIDED.contains(&buf.as_str());
        // `M'Bala`, `N'Golo`, `D'Alema`: a capital before and after the apostrophe is a name,
        // except where any word would be capitalised.
        let name_like = prefix.chars().count() == 1
            && prefix.chars().all(char::is_uppercase)
            && rest.chars().next().is_some_and(char::is_uppercase)
            && !(sent && first);
        if !elided || name_like || rest.is_empty() {
            break;
        }
        let split = start + a + ap.len_utf8();
        out.push(Token {
            start,
            end: split,
            kind: Kind::Elision,
            flags: PENDING,
            sent: sent && first,
        });
        first = false;
        start = split;
    }
    let word = &text[start..end];
    let kind = shape(word, text[end..].starts_with('.'));
    let mut flags = PENDING;
    if matches!(kind, Kind::Name | Kind::Initial | Kind::Upper) {
        flags = lex.flags(word, buf);
        if word.contains('-') {
            flags |= compound_flags(word, lex, buf);
        }
    }
    let end = if kind == Kind::Initial { end + 1 } else { end };
    out.push(Token { start, end, kind, flags, sent: sent && first });
}

fn shape(word: &str, dot_follows: bool) -> Kind {
    let Some(c) = word.chars().next() else { return Kind::Punct(' ') };
    if c.is_numeric() {
        return Kind::Number;
    }
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return Kind::Upper;
    }
    if c.is_uppercase() {
        if word.len() == c.len_utf8() {
            return if dot_follows { Kind::Initial } else { Kind::Upper };
        }
        let lower = word.bytes().any(|b| b.is_ascii_lowercase())
            || !word.is_ascii() && word.chars().any(char::is_lowercase);
        return if lower { Kind::Name } else { Kind::Upper };
    }
    if let Some((article, rest)) = word.split_once('-')
        && ARTICLES.contains(&article)
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return Kind::Name;
    }
    Kind::Lower
}

/// Flags a hyphenated word gets from its parts: a given name when every part is one
/// (`Jean-Pierre`), otherwise the role or nationality of its last part (`Franco-Américaine`,
/// `ex-ministre`), and a place when a part is one (`Provence-Alpes-Côte`).
fn compound_flags(word: &str, lex: &Lexicon, buf: &mut String) -> u32 {
    let mut all_given = true;
    let mut last = 0;
    let mut place = 0;
    for part in word.split(is_joiner) {
        last = lex.flags(part, buf);
        all_given &= last & lexicon::GIVEN != 0;
        place |= last & lexicon::PLACE;
    }
    if all_given {
        return lexicon::GIVEN | last & (lexicon::ROLE | lexicon::NATIONALITY);
    }
    last & (lexicon::ROLE | lexicon::NATIONALITY) | place
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, Kind, bool)> {
        let mut out = Vec::new();
        tokenize(text, Lexicon::get(), &mut String::new(), &mut out);
        out.iter().map(|t| (text[t.start..t.end].to_owned(), t.kind, t.sent)).collect()
    }

    #[test]
    fn shapes_and_elisions() {
        use Kind::*;
        let cases: &[(&str, &[(&str, Kind)])] = &[
            (
                "Valéry Giscard d'Estaing",
                &[("Valéry", Name), ("Giscard", Name), ("d'", Elision), ("Estaing", Name)],
            ),
            (
                "l’OTAN, Jens",
                &[("l’", Elision), ("OTAN", Upper), (",", Punct(',')), ("Jens", Name)],
            ),
            ("Donald J. Trump", &[("Donald", Name), ("J.", Initial), ("Trump", Name)]),
            ("Dieudonné M'Bala M'Bala", &[("Dieudonné", Name), ("M'Bala", Name), ("M'Bala", Name)]),
            ("Bachar al-Assad", &[("Bachar", Name), ("al-Assad", Name)]),
            ("a-t-il dit", &[("a-t-il", Lower), ("dit", Lower)]),
            ("le G7 de 2019", &[("le", Lower), ("G7", Upper), ("de", Lower), ("2019", Number)]),
            ("aujourd'hui", &[("aujourd'hui", Lower)]),
            ("jusqu'à", &[("jusqu'", Elision), ("à", Lower)]),
        ];
        for (text, want) in cases {
            let got = toks(text);
            let got: Vec<(&str, Kind)> = got.iter().map(|(s, k, _)| (s.as_str(), *k)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn sentence_starts() {
        let got = toks("Selon M. Macron. Il a dit : « Moscou », puis Mme. Le Pen.");
        let starts: Vec<&str> =
            got.iter().filter(|(_, _, s)| *s).map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(starts, ["Selon", "Il", "«", "Moscou"]);
    }

    #[test]
    fn hyphenated_given_names() {
        let lex = Lexicon::get();
        let mut out = Vec::new();
        let text = "Jean-Pierre Saint-Just Franco-Américaine";
        tokenize(text, lex, &mut String::new(), &mut out);
        assert_ne!(out[0].flags & lexicon::GIVEN, 0);
        assert_eq!(out[1].flags & lexicon::GIVEN, 0);
        assert_ne!(out[2].flags & lexicon::NATIONALITY, 0);
    }
}
