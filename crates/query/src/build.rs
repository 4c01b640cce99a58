//! From a parsed query and filters to a tantivy query, and to what snippets must highlight.

use std::collections::{HashMap, HashSet};
use std::ops::Bound;

use depeche_index::analyzer::{self, Analyzed, EXACT_MARK};
use depeche_index::{AnalyzerKind, FieldDef, FieldType, Schema};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    RegexPhraseQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Searcher, Term};

use crate::exact::ExactKeyQuery;
use crate::parse::Node;
use crate::request::{Mode, Request};

/// How much more an exact (unstemmed) match weighs than a stemmed one.
pub(crate) const EXACT_BOOST: f32 = 0.25;

/// What the snippets highlight: stem keys (any form of a word), exact terms (one form: a
/// quoted word), phrases, and prefixes of folded words (`ukr*`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Highlight {
    pub keys: HashSet<String>,
    /// Exact terms as the analysis gives them ([`Analyzed::exact`]).
    pub exacts: HashSet<String>,
    /// Each word of a phrase: its position after the first word's (stop words leave gaps),
    /// and its alternative keys.
    pub phrases: Vec<Vec<(usize, Vec<String>)>>,
    pub prefixes: Vec<String>,
}

/// What a date prefix of the query language selects (`date:2022-02`, `depuis:2022`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatePrefix {
    /// Published within the period (`date:`, `published:`, `publié:`).
    Published,
    /// Updated within the period (`updated:`, `maj:`).
    Updated,
    /// Published from the start of the period on (`since:`, `depuis:`, `après:`).
    Since,
    /// Published before the end of the period (`until:`, `jusqu'à:`, `avant:` before its
    /// start).
    Until,
    Before,
}

/// The date prefix `name` is, if any (lowercased, accents optional).
pub(crate) fn date_prefix(name: &str) -> Option<DatePrefix> {
    let key = name.to_lowercase().replace('’', "'");
    Some(match key.as_str() {
        "date" | "published" | "publié" | "publie" => DatePrefix::Published,
        "updated" | "maj" | "modifié" | "modifie" => DatePrefix::Updated,
        "since" | "depuis" | "after" | "après" | "apres" | "from" => DatePrefix::Since,
        "until" | "jusqu'à" | "jusqu'a" | "jusqua" => DatePrefix::Until,
        "before" | "avant" => DatePrefix::Before,
        _ => return None,
    })
}

/// Whether a query prefix only narrows the results, ranking nothing: dates, and fields holding
/// whole values (`section:`, `agency:`, `dateline:`), which BM25 has nothing to weigh in.
pub(crate) fn is_filter_prefix(schema: &Schema, name: &str) -> bool {
    date_prefix(name).is_some()
        || schema.lookup(&name.to_lowercase()).is_some_and(|(_, d)| {
            d.kind == FieldType::Facet || d.analyzer == Some(AnalyzerKind::Keyword)
        })
}

/// Shortest prefix searched for (`ukr*`): a shorter one would match a good part of the
/// vocabulary.
const MIN_PREFIX_CHARS: usize = 2;
/// Most words a prefix is ranked by (the most frequent ones starting with it); the others
/// still match.
const MAX_PREFIX_TERMS: usize = 32;

/// A query ready to run.
pub(crate) struct Built {
    pub query: Box<dyn Query>,
    pub highlight: Highlight,
    /// The query has words to rank by (otherwise results are listed newest first).
    pub scored: bool,
    pub notices: Vec<String>,
    /// Added to the scores of the best matches only (see [`Builder::bonus_fields`]).
    pub bonus: Option<Box<dyn Query>>,
}

pub(crate) struct Builder<'a> {
    pub schema: &'a Schema,
    pub searcher: &'a Searcher,
    pub default_fields: Vec<(Field, &'a FieldDef)>,
    /// Default fields whose text another default field also holds (the title, copied into
    /// `text`): matching them adds a bonus, computed on the best matches of the other
    /// fields rather than as more clauses over every match.
    pub bonus_fields: Vec<(Field, &'a FieldDef)>,
    bonus: Vec<(Occur, Box<dyn Query>)>,
    pub highlight: Highlight,
    pub notices: Vec<String>,
    /// Ranking any word: interrogative words of a question carry no topic and are left out.
    pub skip_question_words: bool,
}

/// Interrogatives (the Snowball stop list already has `quel`, `qui`, `que`…).
const QUESTION_WORDS: &[&str] = &[
    "combien",
    "comment",
    "pourquoi",
    "quand",
    "où",
    "quoi",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "duquel",
    "auquel",
    "auxquels",
    "auxquelles",
    "desquels",
    "desquelles",
    "est-ce",
    "qu'est-ce",
];

fn is_question_word(word: &str) -> bool {
    let lower = word.to_lowercase().replace('’', "'");
    let w = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
    QUESTION_WORDS.contains(&w)
}

/// A query to exclude, made a union (of itself twice) so that tantivy excludes with a union
/// scorer: tantivy 0.27's phrase scorer asserts that it is never probed for a document before
/// its current one, which its exclusion code does on the first probe, so any excluded phrase
/// (`-"conseil de sécurité"`) panicked in debug builds (found by the `query` fuzz target).
fn excluded(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::union(vec![q.box_clone(), q]))
}

impl<'a> Builder<'a> {
    pub fn new(schema: &'a Schema, searcher: &'a Searcher, req: &Request) -> Builder<'a> {
        let mut default_fields = schema.default_fields();
        let mut bonus_fields = Vec::new();
        if req.fields.is_none() {
            let copied =
                |d: &FieldDef| default_fields.iter().any(|(_, c)| c.copy_from.contains(&d.name));
            (bonus_fields, default_fields) =
                default_fields.iter().copied().partition(|(_, d)| copied(d));
        }
        if let Some(only) = &req.fields {
            let mut chosen = Vec::new();
            for name in only {
                match schema.lookup(name) {
                    Some((f, def)) if def.kind == FieldType::Text => chosen.push((f, def)),
                    _ => {}
                }
            }
            default_fields = chosen;
        }
        Builder {
            schema,
            searcher,
            default_fields,
            bonus_fields,
            bonus: Vec::new(),
            highlight: Highlight::default(),
            notices: Vec::new(),
            skip_question_words: false,
        }
    }

    /// Builds the full query: the parsed words combined per `mode`, and the filters.
    pub fn build(mut self, node: Option<&Node>, mode: Mode, req: &Request) -> Built {
        self.skip_question_words = mode == Mode::Any;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // In `Any` mode the words are alternatives; they are gathered into one required
        // clause, as beside a required filter tantivy would take them as optional.
        let mut any_of: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut scored = false;
        if let Some(node) = node {
            let top: Vec<&Node> = match node {
                Node::And(children) => children.iter().collect(),
                n => vec![n],
            };
            for child in top {
                match child {
                    Node::Not(inner) => {
                        if let Some(q) = self.node(inner, mode, false) {
                            clauses.push((Occur::MustNot, excluded(q)));
                        }
                    }
                    Node::Text { field: Some(f), .. } if is_filter_prefix(self.schema, f) => {
                        // A date or a section narrows the results whatever the mode: a filter.
                        if let Some(q) = self.node(child, mode, true) {
                            clauses.push((Occur::Must, q));
                        }
                    }
                    n => {
                        if let Some(q) = self.node(n, mode, true) {
                            if mode == Mode::Any {
                                any_of.push((Occur::Should, q));
                            } else {
                                clauses.push((Occur::Must, q));
                            }
                            scored = true;
                        }
                    }
                }
            }
            match any_of.len() {
                0 => {}
                1 => clauses.push((Occur::Must, any_of.pop().expect("one clause").1)),
                _ => clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_of)))),
            }
            let excludes = clauses.iter().any(|(o, _)| *o == Occur::MustNot);
            if !scored && excludes && req.person.is_none() {
                self.notices.push("the query only excludes: listing every other dispatch".into());
            }
        }
        let mut filters = self.filters(req);
        if !req.query.trim().is_empty() && clauses.is_empty() && filters.is_empty() {
            // Something was typed and none of it can be searched (`le la les`, `date:2020-13`):
            // listing every dispatch would answer a question nobody asked.
            self.notices
                .push("nothing in the query can be searched for: no dispatch listed".into());
            let query: Box<dyn Query> = Box::new(EmptyQuery);
            return Built {
                query,
                highlight: self.highlight,
                scored,
                notices: self.notices,
                bonus: None,
            };
        }
        if !scored {
            // Without words to match, stubs and file records must be kept out explicitly.
            filters.push(self.kind_dispatch());
        }
        for f in filters {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(f, 0.0))));
        }
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(EmptyQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let bonus: Option<Box<dyn Query>> = (scored && !self.bonus.is_empty())
            .then(|| Box::new(BooleanQuery::new(self.bonus)) as _);
        Built { query, highlight: self.highlight, scored, notices: self.notices, bonus }
    }

    fn kind_dispatch(&self) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.schema.field("kind"), "dispatch"),
            IndexRecordOption::Basic,
        ))
    }

    /// A query node. `positive` says whether matches are wanted (their words highlighted).
    fn node(&mut self, node: &Node, mode: Mode, positive: bool) -> Option<Box<dyn Query>> {
        match node {
            Node::Text { field, text, phrase } => {
                self.text(field.as_deref(), text, *phrase, positive)
            }
            Node::Or(children) => {
                let qs: Vec<(Occur, Box<dyn Query>)> = children
                    .iter()
                    .filter_map(|c| self.node(c, mode, positive))
                    .map(|q| (Occur::Should, q))
                    .collect();
                (!qs.is_empty()).then(|| Box::new(BooleanQuery::new(qs)) as Box<dyn Query>)
            }
            Node::And(children) => {
                let occur = if mode == Mode::Any { Occur::Should } else { Occur::Must };
                let mut qs = Vec::new();
                for c in children {
                    match c {
                        Node::Not(inner) => {
                            if let Some(q) = self.node(inner, mode, !positive) {
                                qs.push((Occur::MustNot, excluded(q)));
                            }
                        }
                        c => {
                            if let Some(q) = self.node(c, mode, positive) {
                                qs.push((occur, q));
                            }
                        }
                    }
                }
                if qs.iter().all(|(o, _)| *o == Occur::MustNot) {
                    return None;
                }
                Some(Box::new(BooleanQuery::new(qs)))
            }
            Node::Not(inner) => {
                // A negation nested in OR: "anything but".
                let q = self.node(inner, mode, !positive)?;
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, self.kind_dispatch()),
                    (Occur::MustNot, excluded(q)),
                ])))
            }
        }
    }

    fn text(
        &mut self,
        field: Option<&str>,
        text: &str,
        phrase: bool,
        positive: bool,
    ) -> Option<Box<dyn Query>> {
        if self.skip_question_words && !phrase && positive && is_question_word(text) {
            return None;
        }
        if let Some(kind) = field.and_then(date_prefix) {
            return self.date_filter(field.unwrap_or_default(), kind, text);
        }
        if !phrase && let Some(stem) = text.strip_suffix('*') {
            let stem = stem.trim_end_matches('*');
            match prefix_of(stem) {
                Some(folded) => return self.prefix(field, stem, &folded, positive),
                None if positive && !stem.is_empty() => self.notices.push(format!(
                    "`{text}`: a prefix needs at least {MIN_PREFIX_CHARS} letters; \
                     searched as `{stem}`"
                )),
                None => {}
            }
            return self.text(field, stem, phrase, positive);
        }
        let Some(field) = field else {
            let fields = self.default_fields.clone();
            let mut per_field: Vec<(Occur, Box<dyn Query>)> = fields
                .iter()
                .filter_map(|(f, def)| self.field_text(*f, def, text, phrase, positive))
                .map(|q| (Occur::Should, q))
                .collect();
            // A name typed as a name also finds its other transcriptions among the persons
            // (`Putin`: Poutine, `Sergei`: Sergueï), ranked after matches of the text itself.
            if is_typed_name(text)
                && !analyzer::analyze_names(text).is_empty()
                && let Some(q) = self.person(text, false, false)
            {
                per_field.push((Occur::Should, Box::new(ConstScoreQuery::new(q, NAME_SCORE))));
            }
            if per_field.is_empty() {
                if positive && text.chars().any(char::is_alphanumeric) {
                    self.notices.push(format!(
                        "`{text}` is too common a word to search for and was left out"
                    ));
                } else if positive {
                    self.notices.push(format!("`{text}` has no searchable word and was left out"));
                }
                return None;
            }
            if positive {
                for (f, def) in self.bonus_fields.clone() {
                    if let Some(q) = self.field_text(f, def, text, phrase, false) {
                        self.bonus.push((Occur::Should, q));
                    }
                }
            }
            return Some(Box::new(BooleanQuery::new(per_field)));
        };
        let (mut f, def) = self.schema.lookup(field)?;
        let mut def = def.clone();
        if def.kind == FieldType::Text && !def.indexed {
            // `lede:`/`body:` when they are only searchable through a field copying them.
            let copy =
                self.schema.fields().iter().find(|c| c.copy_from.contains(&def.name)).cloned();
            if let Some(copy) = copy {
                f = self.schema.field(&copy.name);
                def = copy;
            }
        }
        if def.name == "persons" {
            return self.person(text, positive, true);
        }
        if def.name == "section" {
            return Some(self.section(text));
        }
        let q = self.field_text(f, &def, text, phrase, positive);
        if q.is_none() && positive {
            self.notices.push(format!("`{field}:{text}` has no searchable word and was left out"));
        }
        q
    }

    /// A date filter of the query (`date:2022-02`, `depuis:2022-03-15`, `date:2022-01..2022-03`):
    /// matches without scoring.
    fn date_filter(&mut self, name: &str, kind: DatePrefix, text: &str) -> Option<Box<dyn Query>> {
        let bound = |s: &str, end: bool| crate::request::parse_date_bound(s, end);
        let (from, to) = match text.split_once("..") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (text.trim(), text.trim()),
        };
        let (lower, upper) = match kind {
            DatePrefix::Published | DatePrefix::Updated => {
                (Some(bound(from, false)), Some(bound(to, true)))
            }
            DatePrefix::Since => (Some(bound(from, false)), None),
            DatePrefix::Until => (None, Some(bound(to, true))),
            DatePrefix::Before => (None, Some(bound(from, false))),
        };
        if lower.is_some_and(|b| b.is_none()) || upper.is_some_and(|b| b.is_none()) {
            self.notices.push(format!(
                "`{name}:{text}` is not a date (use 2022, 2022-02, 2022-02-15 or 2022-01..2022-03) \
                 and was left out"
            ));
            return None;
        }
        let f =
            self.schema.field(if kind == DatePrefix::Updated { "updated" } else { "published" });
        let t = |ts: jiff::Timestamp| {
            Term::from_field_date(f, DateTime::from_timestamp_secs(ts.as_second()))
        };
        let lower = lower.flatten().map_or(Bound::Unbounded, |ts| Bound::Included(t(ts)));
        let upper = upper.flatten().map_or(Bound::Unbounded, |ts| Bound::Excluded(t(ts)));
        Some(Box::new(ConstScoreQuery::new(Box::new(RangeQuery::new(lower, upper)), 0.0)))
    }

    /// Words starting with a prefix (`ukr*`, `title:négo*`): `folded` is the prefix as the
    /// index folds words.
    fn prefix(
        &mut self,
        field: Option<&str>,
        stem: &str,
        folded: &str,
        positive: bool,
    ) -> Option<Box<dyn Query>> {
        let targets: Vec<(Field, FieldDef)> = match field {
            None => self.default_fields.iter().map(|(f, d)| (*f, (*d).clone())).collect(),
            Some(name) => {
                let (mut f, def) = self.schema.lookup(name)?;
                let mut def = def.clone();
                if def.kind == FieldType::Text && !def.indexed {
                    let copy = self
                        .schema
                        .fields()
                        .iter()
                        .find(|c| c.copy_from.contains(&def.name))
                        .cloned();
                    if let Some(copy) = copy {
                        f = self.schema.field(&copy.name);
                        def = copy;
                    }
                }
                vec![(f, def)]
            }
        };
        let qs: Vec<(Occur, Box<dyn Query>)> = targets
            .iter()
            .filter_map(|(f, def)| self.prefix_in(*f, def, stem, folded))
            .map(|q| (Occur::Should, q))
            .collect();
        if qs.is_empty() {
            if positive {
                self.notices.push(format!("`{stem}*` cannot be searched as a prefix here"));
            }
            return None;
        }
        if positive {
            self.highlight.prefixes.push(folded.to_owned());
            if field.is_none() {
                for (f, def) in self.bonus_fields.clone() {
                    if let Some(q) = self.prefix_ranking(f, def, folded) {
                        self.bonus.push((Occur::Should, boosted(q, def.boost)));
                    }
                }
            }
        }
        Some(Box::new(BooleanQuery::new(qs)))
    }

    /// A prefix in one field: every word starting with it matches, and on French text the
    /// most frequent of them rank (see [`Builder::prefix_ranking`]).
    fn prefix_in(
        &self,
        f: Field,
        def: &FieldDef,
        stem: &str,
        folded: &str,
    ) -> Option<Box<dyn Query>> {
        let matcher = prefix_query(f, def, stem, folded)?;
        let q: Box<dyn Query> = match self.prefix_ranking(f, def, folded) {
            Some(rank) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(ConstScoreQuery::new(matcher, 0.0))),
                (Occur::Should, rank),
            ])),
            None => matcher,
        };
        Some(boosted(q, def.boost))
    }

    /// A prefix ranked as the words it stands for: BM25 over the field's
    /// [`MAX_PREFIX_TERMS`] most frequent terms starting with it, stem keys and exact forms
    /// weighed as in [`Builder::word`]. A prefix query alone gives every match one score.
    /// `None` for fields other than French text.
    fn prefix_ranking(&self, f: Field, def: &FieldDef, folded: &str) -> Option<Box<dyn Query>> {
        let mut prefixes = vec![folded.to_owned()];
        match def.analyzer? {
            AnalyzerKind::French => prefixes.push(format!("{EXACT_MARK}{folded}")),
            AnalyzerKind::FrenchStems => {}
            AnalyzerKind::Name | AnalyzerKind::Keyword => return None,
        }
        let mut freqs: HashMap<String, u64> = HashMap::new();
        for seg in self.searcher.segment_readers() {
            let Ok(inverted) = seg.inverted_index(f) else { continue };
            for prefix in &prefixes {
                let Ok(mut stream) = inverted.terms().range().ge(prefix.as_bytes()).into_stream()
                else {
                    continue;
                };
                while stream.advance() && stream.key().starts_with(prefix.as_bytes()) {
                    if let Ok(term) = std::str::from_utf8(stream.key()) {
                        let n = u64::from(stream.value().doc_freq);
                        *freqs.entry(term.to_owned()).or_default() += n;
                    }
                }
            }
        }
        let mut terms: Vec<(String, u64)> = freqs.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_PREFIX_TERMS);
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|(term, _)| {
                let exact = term.starts_with(EXACT_MARK);
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(f, &term),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, if exact { boosted(q, EXACT_BOOST) } else { q })
            })
            .collect();
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// Words or a phrase in one text field.
    fn field_text(
        &mut self,
        f: Field,
        def: &FieldDef,
        text: &str,
        phrase: bool,
        positive: bool,
    ) -> Option<Box<dyn Query>> {
        let boost = if def.boost > 0.0 { def.boost } else { 1.0 };
        let q: Box<dyn Query> = match def.analyzer? {
            kind @ (AnalyzerKind::French | AnalyzerKind::FrenchStems) => {
                let exact_indexed = kind == AnalyzerKind::French;
                let words = analyzer::analyze(text);
                if words.is_empty() {
                    return None;
                }
                if positive {
                    self.remember(&words, phrase);
                }
                if words.len() == 1 {
                    self.word(f, &words[0], phrase, exact_indexed)
                } else {
                    phrase_query(f, &words)
                }
            }
            AnalyzerKind::Name => {
                let names = analyzer::analyze_names(text);
                if names.is_empty() {
                    return None;
                }
                if names.len() == 1 {
                    Box::new(TermQuery::new(
                        Term::from_field_text(f, &names[0].key),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    phrase_query(f, &names)
                }
            }
            AnalyzerKind::Keyword => {
                let k = analyzer::keyword(text);
                if k.is_empty() {
                    return None;
                }
                Box::new(TermQuery::new(Term::from_field_text(f, &k), IndexRecordOption::Basic))
            }
        };
        Some(if (boost - 1.0).abs() > f32::EPSILON {
            Box::new(BoostQuery::new(q, boost))
        } else {
            q
        })
    }

    /// One French word: its stem key (and accent variants), plus a boost for exact forms.
    /// A quoted single word matches exactly.
    fn word(
        &self,
        f: Field,
        w: &Analyzed,
        exact_only: bool,
        exact_indexed: bool,
    ) -> Box<dyn Query> {
        let variants = analyzer::query_variants(w);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (key, exact) in variants.keys.iter().zip(&variants.exacts) {
            // Fields without exact tokens: the stem key is all there is.
            let exact = if exact_indexed { exact } else { key };
            let exact_term = Term::from_field_text(f, exact);
            if exact_only {
                let q: Box<dyn Query> = if exact_indexed && exact == key {
                    // No exact token of its own: the key also stands for the other forms.
                    Box::new(ExactKeyQuery::new(exact_term))
                } else {
                    Box::new(TermQuery::new(exact_term, IndexRecordOption::WithFreqs))
                };
                clauses.push((Occur::Should, q));
                continue;
            }
            let key_term = Term::from_field_text(f, key);
            clauses.push((
                Occur::Should,
                Box::new(TermQuery::new(key_term, IndexRecordOption::WithFreqs)),
            ));
            if exact.starts_with(EXACT_MARK) {
                let q = TermQuery::new(exact_term, IndexRecordOption::WithFreqs);
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), EXACT_BOOST))));
            }
        }
        if clauses.len() == 1 {
            return clauses.pop().map(|(_, q)| q).unwrap_or_else(|| Box::new(EmptyQuery));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// What snippets highlight for the words of one query term: several words are searched
    /// as a phrase, quoted or not; one quoted word in its exact forms; one word in any form.
    fn remember(&mut self, words: &[Analyzed], quoted: bool) {
        match words {
            [] => {}
            [w] if quoted => self.highlight.exacts.extend(analyzer::query_variants(w).exacts),
            [w] => self.highlight.keys.extend(analyzer::query_variants(w).keys),
            [first, ..] => {
                let phrase = words
                    .iter()
                    .map(|w| (w.position - first.position, analyzer::query_variants(w).keys))
                    .collect();
                self.highlight.phrases.push(phrase);
            }
        }
    }

    /// A person, surname alone or full name, accents and transliteration variants within one
    /// edit on longer name tokens. With `rank`, mentions in title, lede and body add to the
    /// score, so dispatches about the person come first.
    pub fn person(&mut self, name: &str, positive: bool, rank: bool) -> Option<Box<dyn Query>> {
        let persons = self.schema.field("persons");
        let tokens = analyzer::analyze_names(name);
        if tokens.is_empty() {
            self.notices.push(format!("`{name}` is not a name depeche can search for"));
            return None;
        }
        let alternatives: Vec<Vec<String>> =
            tokens.iter().map(|t| self.name_variants(persons, &t.key)).collect();
        let matcher: Box<dyn Query> = if tokens.len() == 1 {
            let qs: Vec<(Occur, Box<dyn Query>)> = alternatives[0]
                .iter()
                .map(|k| {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(
                            Term::from_field_text(persons, k),
                            IndexRecordOption::Basic,
                        )) as Box<dyn Query>,
                    )
                })
                .collect();
            Box::new(BooleanQuery::new(qs))
        } else if alternatives.iter().all(|a| a.len() == 1) {
            let terms = tokens
                .iter()
                .map(|t| (t.position, Term::from_field_text(persons, &t.key)))
                .collect();
            Box::new(PhraseQuery::new_with_offset(terms))
        } else {
            let terms = tokens
                .iter()
                .zip(&alternatives)
                .map(|(t, alts)| {
                    (
                        t.position,
                        format!(
                            "({})",
                            alts.iter().map(|a| regex_escape(a)).collect::<Vec<_>>().join("|")
                        ),
                    )
                })
                .collect();
            Box::new(RegexPhraseQuery::new_with_offset(persons, terms))
        };
        if positive {
            // Highlight the name in the text: the whole name, and the surname alone.
            let words = analyzer::analyze(name);
            if let [first, _, ..] = words.as_slice() {
                let phrase =
                    words.iter().map(|w| (w.position - first.position, vec![w.key.clone()]));
                self.highlight.phrases.push(phrase.collect());
            }
            if let Some(last) = words.last() {
                self.highlight.keys.insert(last.key.clone());
            }
        }
        if !rank {
            return Some(matcher);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(ConstScoreQuery::new(matcher, 1.0)))];
        let text_fields: Vec<(Field, FieldDef)> = self
            .schema
            .default_fields()
            .into_iter()
            .filter(|(_, d)| {
                matches!(d.analyzer, Some(AnalyzerKind::French | AnalyzerKind::FrenchStems))
            })
            .map(|(f, d)| (f, d.clone()))
            .collect();
        for (f, def) in text_fields {
            if let Some(q) = self.field_text(f, &def, name, true, false) {
                clauses.push((Occur::Should, q));
            }
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// The name key and the indexed keys within one edit of it (for keys of 5+ characters).
    fn name_variants(&self, field: Field, key: &str) -> Vec<String> {
        let mut out = vec![key.to_owned()];
        if key.chars().count() < 5 {
            return out;
        }
        let first = key.chars().next().unwrap_or('a');
        let mut upper = String::new();
        upper.push(char::from_u32(first as u32 + 1).unwrap_or(first));
        for seg in self.searcher.segment_readers() {
            let Ok(inv) = seg.inverted_index(field) else { continue };
            let mut lower = [0u8; 4];
            let lower = first.encode_utf8(&mut lower);
            let Ok(mut stream) =
                inv.terms().range().ge(lower.as_bytes()).lt(upper.as_bytes()).into_stream()
            else {
                continue;
            };
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
                if term != key && within_one_edit(term, key) && !out.iter().any(|o| o == term) {
                    out.push(term.to_owned());
                }
            }
        }
        out
    }

    /// Section: matched against the indexed sections, case and accents ignored.
    fn section(&mut self, value: &str) -> Box<dyn Query> {
        let field = self.schema.field("section");
        let wanted = analyzer::keyword(value);
        let mut terms = Vec::new();
        let mut known = Vec::new();
        for seg in self.searcher.segment_readers() {
            let Ok(inv) = seg.inverted_index(field) else { continue };
            let Ok(mut stream) = inv.terms().stream() else { continue };
            while stream.advance() {
                let facet = Facet::from_encoded(stream.key().to_vec()).ok();
                let Some(name) = facet
                    .as_ref()
                    .and_then(|f| f.to_path().last().map(|s| (*s).to_owned()))
                    .filter(|n| !n.is_empty())
                else {
                    continue;
                };
                if analyzer::keyword(&name) == wanted {
                    terms.push(Term::from_facet(field, facet.as_ref().unwrap_or(&Facet::root())));
                } else if !known.contains(&name) {
                    known.push(name);
                }
            }
        }
        terms.dedup();
        if terms.is_empty() {
            known.sort();
            self.notices.push(format!("no section `{value}` (sections: {})", known.join(", ")));
            return Box::new(EmptyQuery);
        }
        let qs = terms
            .into_iter()
            .map(|t| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(qs))
    }

    fn filters(&mut self, req: &Request) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        if let Some(p) = req.person.as_deref().filter(|p| !p.trim().is_empty()) {
            match self.person(p, true, false) {
                Some(q) => out.push(q),
                None => out.push(Box::new(EmptyQuery)),
            }
        }
        if let Some(s) = req.section.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push(self.section(s));
        }
        if let Some(a) = req.agency.as_deref().filter(|a| !a.trim().is_empty()) {
            let f = self.schema.field("agency");
            out.push(Box::new(TermQuery::new(
                Term::from_field_text(f, &analyzer::keyword(a)),
                IndexRecordOption::Basic,
            )));
        }
        if req.since.is_some() || req.until.is_some() {
            let f = self.schema.field("published");
            let t = |ts: jiff::Timestamp| {
                Term::from_field_date(f, DateTime::from_timestamp_secs(ts.as_second()))
            };
            let lower = req.since.map_or(Bound::Unbounded, |s| Bound::Included(t(s)));
            let upper = req.until.map_or(Bound::Unbounded, |u| Bound::Excluded(t(u)));
            out.push(Box::new(RangeQuery::new(lower, upper)));
        }
        out
    }
}

fn phrase_query(f: Field, words: &[Analyzed]) -> Box<dyn Query> {
    let first = words[0].position;
    let terms =
        words.iter().map(|w| (w.position - first, Term::from_field_text(f, &w.key))).collect();
    Box::new(PhraseQuery::new_with_offset(terms))
}

/// Score of a match found only among the persons' transcriptions of a typed name: below
/// any match of the word in the text.
const NAME_SCORE: f32 = 0.5;

/// Words typed as names: each capitalised, with lowercase after (`Putin`, `Sergei Lavrov`),
/// not an acronym (`OTAN`) nor a lowercase word.
fn is_typed_name(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
        })
}

/// The folded form of a prefix typed before `*` (`Négo` → `nego`, `l'Ukr` → `ukr`), when
/// it is one word long enough to search for.
fn prefix_of(stem: &str) -> Option<String> {
    if stem.contains(char::is_whitespace) {
        return None;
    }
    // The French analysis folds and drops elision; a stop word (`pour*`) is folded alone.
    let folded = match analyzer::analyze(stem).as_slice() {
        [w] => w.exact.strip_prefix(EXACT_MARK).unwrap_or(&w.exact).to_owned(),
        [] => analyzer::keyword(stem),
        _ => return None,
    };
    (folded.chars().count() >= MIN_PREFIX_CHARS).then_some(folded)
}

/// The prefix query of one field, by its analysis: exact tokens and stem keys of French
/// fields, name keys, whole folded values.
fn prefix_query(f: Field, def: &FieldDef, stem: &str, folded: &str) -> Option<Box<dyn Query>> {
    let pattern = match def.analyzer? {
        AnalyzerKind::French => {
            let e = regex_escape(folded);
            format!("({EXACT_MARK}{e}|{e}).*")
        }
        AnalyzerKind::FrenchStems => format!("{}.*", regex_escape(folded)),
        AnalyzerKind::Name => {
            let key = analyzer::analyze_names(stem).pop()?.key;
            format!("{}.*", regex_escape(&key))
        }
        AnalyzerKind::Keyword => format!("{}.*", regex_escape(&analyzer::keyword(stem))),
    };
    Some(Box::new(tantivy::query::RegexQuery::from_pattern(&pattern, f).ok()?))
}

/// `q` weighed by a field's boost (a boost of 0, for a field searched only by prefix, is 1).
fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    let boost = if boost > 0.0 { boost } else { 1.0 };
    if (boost - 1.0).abs() > f32::EPSILON { Box::new(BoostQuery::new(q, boost)) } else { q }
}

pub(crate) fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~\"@<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Levenshtein distance ≤ 1.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        return short[prefix..].iter().skip(1).eq(long[prefix..].iter().skip(1));
    }
    short[prefix..] == long[prefix + 1..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        let cases = [
            ("sergei", "sergei", true),
            ("sergei", "serguei", true),
            ("sergei", "sergey", true),
            ("serguei", "sergey", false),
            ("lavrov", "lavrof", true),
            ("poutine", "putin", false),
            ("abc", "abcd", true),
            ("", "a", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn escape() {
        assert_eq!(regex_escape("o'neill"), "o'neill");
        assert_eq!(regex_escape("a.b"), "a\\.b");
    }
}
