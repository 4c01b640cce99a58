//! The keyword analyzer: a whole value (section, agency, dateline) as one token.
//!
//! Lowercased and folded; every run of characters that are not letters or digits (spaces,
//! hyphens, underscores, apostrophes, slashes) becomes one space, trimmed at both ends. So
//! `Fait-divers`, `fait divers`, `FAIT_DIVERS` and ` Fait  divers ` are one value, while
//! `Faits divers` stays another: keywords are not stemmed.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::fold::{push_folded, push_lower};

/// Longest keyword kept, in bytes; a longer value is cut at a character boundary.
const MAX_KEYWORD_BYTES: usize = 255;

/// Appends the keyword form of `value` to `out`.
pub(crate) fn push_keyword(value: &str, out: &mut String) {
    let start = out.len();
    let mut lower = String::new();
    let mut pending_space = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            lower.clear();
            push_lower(c, &mut lower);
            push_folded(&lower, out);
        } else if !super::fold::is_ignorable(c) {
            pending_space = true;
        }
        if out.len() - start >= MAX_KEYWORD_BYTES {
            let mut cut = start + MAX_KEYWORD_BYTES;
            while !out.is_char_boundary(cut) {
                cut -= 1;
            }
            out.truncate(cut);
            break;
        }
    }
}

/// Tokenizer of the `KEYWORD` analyzer (see the module docs).
#[derive(Clone, Default)]
pub struct KeywordTokenizer {
    token: Token,
}

/// Token stream of [`KeywordTokenizer`]: zero or one token.
pub struct KeywordTokenStream<'a> {
    token: &'a mut Token,
    ready: bool,
}

impl Tokenizer for KeywordTokenizer {
    type TokenStream<'a> = KeywordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KeywordTokenStream<'a> {
        self.token.reset();
        push_keyword(text, &mut self.token.text);
        self.token.offset_from = 0;
        self.token.offset_to = text.len();
        self.token.position = 0;
        let ready = !self.token.text.is_empty();
        KeywordTokenStream { token: &mut self.token, ready }
    }
}

impl TokenStream for KeywordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        std::mem::take(&mut self.ready)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(value: &str) -> Vec<String> {
        let mut t = KeywordTokenizer::default();
        let mut s = t.token_stream(value);
        let mut out = Vec::new();
        while let Some(tok) = s.next() {
            assert_eq!((tok.offset_from, tok.offset_to, tok.position), (0, value.len(), 0));
            out.push(tok.text.clone());
        }
        out
    }

    #[test]
    fn whole_value_lowercased_folded_collapsed() {
        let table: &[(&str, &[&str])] = &[
            ("Fait-divers", &["fait divers"]),
            ("fait divers", &["fait divers"]),
            ("  FAIT_DIVERS ", &["fait divers"]),
            ("Faits divers", &["faits divers"]),
            ("Santé", &["sante"]),
            ("Orange avec AFP", &["orange avec afp"]),
            ("Côte d’Ivoire", &["cote d ivoire"]),
            ("PARIS (AFP)", &["paris afp"]),
            ("", &[]),
            (" - ", &[]),
        ];
        for (value, want) in table {
            assert_eq!(kw(value), *want, "{value:?}");
        }
    }

    #[test]
    fn long_values_are_cut_safely() {
        let long = "é".repeat(1000);
        let t = kw(&long);
        assert_eq!(t.len(), 1);
        assert!(t[0].len() <= MAX_KEYWORD_BYTES);
        let accents = "ß".repeat(1000); // folds to two bytes per char
        assert!(kw(&accents)[0].len() <= MAX_KEYWORD_BYTES);
    }
}
