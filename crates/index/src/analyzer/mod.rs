//! French analysis: the tokenizers registered in tantivy under [`FRENCH`], [`NAME`] and
//! [`KEYWORD`], and the same analysis as plain data for query building and highlighting.
//!
//! Tantivy stores only a tokenizer's *name* in the index, so [`register`] must run on every
//! index open, at index and at query time.
//!
//! The French pipeline, one [`Tokenizer`] rather than a filter chain (for speed):
//!
//! 1. words: letters and digits; hyphens and other punctuation separate (`États-Unis` →
//!    two consecutive positions); elision `l'`, `d'`, `qu'`, `jusqu'`… drops the article
//!    (`aujourd'hui`, `quelqu'un`, `prud'homme` stay one word); dotted acronyms `O.T.A.N.`
//!    are one word (`otan`); words over [`MAX_WORD_BYTES`] bytes are dropped;
//! 2. lowercase, then stop words (matched before folding: `à`, `été`), which leave a gap
//!    in positions so phrases still line up;
//! 3. key = stem(fold(word)), with the stem guard and accent groups (see `stem.rs`);
//! 4. optionally, an exact token (`=` + the folded word) stacked at the same position when it
//!    differs from the key, so exact matches can rank above stemmed ones.
//!
//! ```
//! use depeche_index::analyzer::{analyze, query_variants};
//!
//! let words = analyze("Les négociations de l'OTAN à Washington");
//! let keys: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
//! assert_eq!(keys, ["negoci", "otan", "washington"]);
//! assert_eq!(words[0].exact, "=negociations");
//! assert_eq!(&"Les négociations de l'OTAN"[words[1].range.clone()], "OTAN");
//! assert_eq!(words.iter().map(|w| w.position).collect::<Vec<_>>(), [1, 3, 5]);
//!
//! // An unaccented query word also looks for the accented words it could stand for.
//! let peche = &analyze("peche")[0];
//! assert!(query_variants(peche).keys.len() > 1);
//! ```

mod cache;
mod fold;
#[rustfmt::skip]
mod fold_table;
mod keyword;
mod lexicon;
mod stem;
mod stop;
mod translit;
mod words;

use std::ops::Range;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer, TokenizerManager};

pub use self::keyword::{KeywordTokenStream, KeywordTokenizer};
pub use self::stem::EXACT_MARK;
use self::words::{Word, WordKind, Words, is_apostrophe};

/// Name of the French analyzer (title, lede, body, keywords).
pub const FRENCH: &str = "depeche_fr";
/// Name of the person-name analyzer (persons, authors, translator): no stemming.
pub const NAME: &str = "depeche_name";
/// Name of the keyword analyzer (section, agency, dateline): the whole value, folded.
pub const KEYWORD: &str = "depeche_keyword";
/// Name of the French analyzer without exact tokens (long fields: body, keywords). Exact
/// tokens add about 60% more postings; on short fields (title, lede) they are cheap and
/// rank exact forms first, on the body they would cost most of the indexing speed.
pub const FRENCH_STEMS: &str = "depeche_fr_stems";
/// Version of the tokens the analyzers produce; indexes record it. Bump on any change.
pub const VERSION: u32 = 1;
/// Words longer than this (in bytes, as written) are dropped, like tantivy's
/// `RemoveLongFilter`; they still take a position.
pub const MAX_WORD_BYTES: usize = 40;

/// Registers the three analyzers, with exact tokens on.
pub fn register(manager: &TokenizerManager) {
    register_with(manager, true);
}

/// Registers the three analyzers; `exact` says whether the French analyzer stacks exact
/// tokens (see [`FrenchTokenizer::new`]).
pub fn register_with(manager: &TokenizerManager, exact: bool) {
    manager.register(FRENCH, FrenchTokenizer::new(exact));
    manager.register(FRENCH_STEMS, FrenchTokenizer::new(false));
    manager.register(NAME, NameTokenizer::default());
    manager.register(KEYWORD, KeywordTokenizer::default());
}

/// The keyword form of a value, as the [`KEYWORD`] analyzer indexes it (empty if the value
/// has no letter or digit).
pub fn keyword(value: &str) -> String {
    let mut out = String::new();
    keyword::push_keyword(value, &mut out);
    out
}

/// One analyzed surface word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analyzed {
    /// Byte range of the word in the analyzed text (elided article excluded).
    pub range: Range<usize>,
    /// Token position, as indexed (stop words and dropped words leave gaps).
    pub position: usize,
    /// The matching key: the stem key for French, the transliteration key for names.
    pub key: String,
    /// The term of an exact match: [`EXACT_MARK`] + the folded word, or `key` itself when
    /// the two are equal (then no separate exact token was indexed; `key` stands for it).
    pub exact: String,
    /// The word, as written, carries diacritics (`é`, `ç`…).
    pub accented: bool,
}

/// Keys to search for one query word: any of `keys` matches; any of `exacts` is an exact
/// match. The first of each is the word's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variants {
    /// Stem keys.
    pub keys: Vec<String>,
    /// Exact terms, aligned with `keys`.
    pub exacts: Vec<String>,
}

/// Query-side expansion of a French word: a word typed without any accent whose key is
/// ambiguous in the lexicon (`peche`: `pêche` or `péché`) also looks for the circumflexed
/// variants; an accented word (`pêche`) looks only for itself.
pub fn query_variants(word: &Analyzed) -> Variants {
    let mut v = Variants { keys: vec![word.key.clone()], exacts: vec![word.exact.clone()] };
    if word.accented {
        return v;
    }
    if let Some(variants) = lexicon::tables().accents.get(word.key.as_str()) {
        let folded = word.exact.strip_prefix(EXACT_MARK).unwrap_or(&word.exact);
        for variant in variants {
            let exact = stem::exact_for_variant(folded, variant);
            v.keys.push(variant.to_string());
            v.exacts.push(if exact == *variant { exact } else { format!("{EXACT_MARK}{exact}") });
        }
    }
    v
}

/// A word as [`for_each_word`] sees it: borrowed, nothing allocated.
#[derive(Clone, Copy, Debug)]
pub struct WordRef<'a> {
    /// Byte range start in the text.
    pub start: usize,
    /// Byte range end in the text.
    pub end: usize,
    /// Token position.
    pub position: usize,
    /// Stem key.
    pub key: &'a str,
    /// Exact term (see [`Analyzed::exact`]).
    pub exact: &'a str,
}

/// Lowercases a word's span into `out`, leaving out apostrophes and acronym dots.
pub(crate) fn lower_word(text: &str, word: Word, out: &mut String) {
    let span = &text[word.start..word.end];
    if word.kind == WordKind::Plain {
        if span.is_ascii() {
            out.extend(span.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            span.chars().for_each(|c| fold::push_lower(c, out));
        }
    } else {
        span.chars()
            .filter(|&c| c != '.' && !is_apostrophe(c))
            .for_each(|c| fold::push_lower(c, out));
    }
}

/// The French analysis of `text`, word by word, without allocating: `f` is called for each
/// indexed word (stop words and over-long words are skipped but counted in positions).
/// Highlighting uses this.
pub fn for_each_word(text: &str, f: impl FnMut(WordRef<'_>)) {
    for_each_kept_word(text, |_| true, f);
}

/// [`for_each_word`] over the words `keep` accepts (the others still count in positions).
fn for_each_kept_word(
    text: &str,
    mut keep: impl FnMut(Word) -> bool,
    mut f: impl FnMut(WordRef<'_>),
) {
    let mut lower = String::new();
    for (pos, w) in Words::new(text, true).enumerate() {
        if w.end - w.start > MAX_WORD_BYTES || !keep(w) {
            continue;
        }
        lower.clear();
        lower_word(text, w, &mut lower);
        // Stop words, nearly half of French text, skip the cache: their table is smaller.
        if w.kind != WordKind::Acronym && stop::is_stop_word(&lower) {
            continue;
        }
        cache::with_entry(&lower, |e| {
            if !e.stop || w.kind == WordKind::Acronym {
                let exact = e.exact.unwrap_or(e.key);
                f(WordRef { start: w.start, end: w.end, position: pos, key: e.key, exact });
            }
        });
    }
}

/// The first bytes that keys can start with, for [`for_each_word_among`].
pub struct Initials([bool; 256]);

impl Initials {
    /// The initials of these keys (exact keys included: their mark is skipped). An empty key
    /// lets every word through.
    pub fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> Initials {
        let mut set = [false; 256];
        for key in keys {
            match key.strip_prefix(EXACT_MARK).unwrap_or(key).bytes().next() {
                Some(b) => set[usize::from(b)] = true,
                None => return Initials([true; 256]),
            }
        }
        Initials(set)
    }
}

/// The first byte of a word's key, from its first letter alone: analysis never changes the
/// first letter but for case and accents (elision is cut off by the word splitter, the
/// stemmer works on endings), so most words can be left out of highlighting unanalyzed.
fn initial(text: &str, w: Word, lower: &mut String, folded: &mut String) -> Option<u8> {
    let c = text[w.start..w.end].chars().find(|&c| c != '.' && !is_apostrophe(c))?;
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase() as u8);
    }
    lower.clear();
    folded.clear();
    fold::push_lower(c, lower);
    fold::push_folded(lower, folded);
    folded.bytes().next()
}

/// [`for_each_word`] for highlighting: only the words whose key can start with one of
/// `initials` are analyzed and passed to `f` (positions still count every word).
pub fn for_each_word_among(text: &str, initials: &Initials, f: impl FnMut(WordRef<'_>)) {
    let (mut a, mut b) = (String::new(), String::new());
    let keep = |w| initial(text, w, &mut a, &mut b).is_none_or(|i| initials.0[usize::from(i)]);
    for_each_kept_word(text, keep, f);
}

/// The French analysis of `text`: what the [`FRENCH`] analyzer indexes, word by word.
pub fn analyze(text: &str) -> Vec<Analyzed> {
    let mut out = Vec::new();
    for_each_word(text, |w| {
        let span = &text[w.start..w.end];
        out.push(Analyzed {
            range: w.start..w.end,
            position: w.position,
            key: w.key.to_string(),
            exact: w.exact.to_string(),
            accented: is_accented(span),
        });
    });
    out
}

fn is_accented(span: &str) -> bool {
    if span.is_ascii() {
        return false;
    }
    let mut lower = String::new();
    span.chars().for_each(|c| fold::push_lower(c, &mut lower));
    fold::has_diacritics(&lower)
}

/// The name analysis of `text`: what the [`NAME`] analyzer indexes, word by word.
pub fn analyze_names(text: &str) -> Vec<Analyzed> {
    let mut out = Vec::new();
    let mut keys = NameKeys::default();
    for (pos, w) in Words::new(text, true).enumerate() {
        if w.end - w.start > MAX_WORD_BYTES || !keys.compute(text, w) {
            continue;
        }
        let exact = if keys.exact.is_empty() { keys.key.clone() } else { keys.exact.clone() };
        out.push(Analyzed {
            range: w.start..w.end,
            position: pos,
            key: keys.key.clone(),
            exact,
            accented: is_accented(&text[w.start..w.end]),
        });
    }
    out
}

/// Buffers of the name keys of one word.
#[derive(Default, Clone)]
struct NameKeys {
    lower: String,
    folded: String,
    key: String,
    /// Marked folded word, empty when equal to `key`.
    exact: String,
}

impl NameKeys {
    /// Computes the keys of `w`; false if it has none (only invisible characters).
    fn compute(&mut self, text: &str, w: Word) -> bool {
        self.lower.clear();
        lower_word(text, w, &mut self.lower);
        self.folded.clear();
        fold::push_folded(&self.lower, &mut self.folded);
        self.key.clear();
        translit::push_translit(&self.folded, &mut self.key);
        self.exact.clear();
        if self.folded != self.key {
            self.exact.push(EXACT_MARK);
            self.exact.push_str(&self.folded);
        }
        !self.key.is_empty()
    }
}

/// The [`FRENCH`] analyzer as a tantivy tokenizer (see the module docs).
#[derive(Clone)]
pub struct FrenchTokenizer {
    exact: bool,
    token: Token,
    lower: String,
    exact_buf: String,
}

impl FrenchTokenizer {
    /// A French tokenizer; with `exact`, each word whose folded form differs from its stem
    /// key also yields an exact token (`=` + folded word) at the same position.
    pub fn new(exact: bool) -> Self {
        FrenchTokenizer {
            exact,
            token: Token::default(),
            lower: String::new(),
            exact_buf: String::new(),
        }
    }
}

impl Default for FrenchTokenizer {
    fn default() -> Self {
        FrenchTokenizer::new(true)
    }
}

/// Token stream of [`FrenchTokenizer`].
pub struct FrenchTokenStream<'a> {
    text: &'a str,
    words: Words<'a>,
    token: &'a mut Token,
    lower: &'a mut String,
    exact_buf: &'a mut String,
    exact: bool,
    /// An exact token is waiting in `exact_buf`.
    pending_exact: bool,
    next_position: usize,
}

impl Tokenizer for FrenchTokenizer {
    type TokenStream<'a> = FrenchTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FrenchTokenStream<'a> {
        self.token.reset();
        FrenchTokenStream {
            text,
            words: Words::new(text, true),
            token: &mut self.token,
            lower: &mut self.lower,
            exact_buf: &mut self.exact_buf,
            exact: self.exact,
            pending_exact: false,
            next_position: 0,
        }
    }
}

impl TokenStream for FrenchTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if std::mem::take(&mut self.pending_exact) {
            self.token.text.clear();
            self.token.text.push_str(self.exact_buf);
            return true;
        }
        for w in self.words.by_ref() {
            let position = self.next_position;
            self.next_position += 1;
            if w.end - w.start > MAX_WORD_BYTES {
                continue;
            }
            self.lower.clear();
            lower_word(self.text, w, self.lower);
            if w.kind != WordKind::Acronym && stop::is_stop_word(self.lower) {
                continue;
            }
            let (token, exact_buf, exact) = (&mut *self.token, &mut *self.exact_buf, self.exact);
            let emitted = cache::with_entry(self.lower.as_str(), |e| {
                if e.stop && w.kind != WordKind::Acronym {
                    return None;
                }
                token.text.clear();
                token.text.push_str(e.key);
                let pending = exact && e.exact.is_some();
                if let Some(x) = e.exact.filter(|_| exact) {
                    exact_buf.clear();
                    exact_buf.push_str(x);
                }
                Some(pending)
            });
            match emitted {
                None => continue,
                Some(pending) => {
                    self.pending_exact = pending;
                    self.token.offset_from = w.start;
                    self.token.offset_to = w.end;
                    self.token.position = position;
                    return true;
                }
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The [`NAME`] analyzer as a tantivy tokenizer: words as for French, elision included,
/// lowercased and folded, never stemmed nor stopped; the token is the transliteration key
/// (`Sergueï`, `Sergey` → `sergei`), with the folded word stacked as an exact token when it
/// differs.
#[derive(Clone, Default)]
pub struct NameTokenizer {
    token: Token,
    keys: NameKeys,
}

/// Token stream of [`NameTokenizer`].
pub struct NameTokenStream<'a> {
    text: &'a str,
    words: Words<'a>,
    token: &'a mut Token,
    keys: &'a mut NameKeys,
    pending_exact: bool,
    next_position: usize,
}

impl Tokenizer for NameTokenizer {
    type TokenStream<'a> = NameTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NameTokenStream<'a> {
        self.token.reset();
        NameTokenStream {
            text,
            words: Words::new(text, true),
            token: &mut self.token,
            keys: &mut self.keys,
            pending_exact: false,
            next_position: 0,
        }
    }
}

impl TokenStream for NameTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if std::mem::take(&mut self.pending_exact) {
            self.token.text.clear();
            self.token.text.push_str(&self.keys.exact);
            return true;
        }
        for w in self.words.by_ref() {
            let position = self.next_position;
            self.next_position += 1;
            if w.end - w.start > MAX_WORD_BYTES || !self.keys.compute(self.text, w) {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(&self.keys.key);
            self.token.offset_from = w.start;
            self.token.offset_to = w.end;
            self.token.position = position;
            self.pending_exact = !self.keys.exact.is_empty();
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The shared data folder, when present: `$DEPECHE_SHARED`, else `shared/` beside the
/// checkout (as in CI), else `/work/shared`. Tests that need it skip otherwise.
#[cfg(test)]
pub(crate) fn shared_dir() -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    std::env::var_os("DEPECHE_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([beside, PathBuf::from("/work/shared")])
        .find(|d| d.join("snowball").exists())
}

#[cfg(test)]
mod tests;
