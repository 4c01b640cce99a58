//! Opening an index for search, and running searches.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

use depeche_index::analyzer;
use depeche_index::{DepecheIndex, Kind, Schema, Stats, stored_dispatch};
use depeche_ingest::Dispatch;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, IndexReader, Order, ReloadPolicy, TantivyDocument, Term};

use crate::build::{Builder, Built};
use crate::counts::ValueCounts;
use crate::error::{Error, Result};
use crate::hit::{Facets, Hit, Response};
use crate::parse::{self, Node};
use crate::request::{Mode, Request, Sort};
use crate::snippet;

/// Largest page a request may ask for.
pub const MAX_LIMIT: usize = 1000;
/// Below this many matches for all words, `auto` mode falls back to any word.
const FALLBACK_BELOW: u64 = 3;
/// Boost of the all-words query inside a fallback: far above any BM25 sum, so the few
/// dispatches with every word rank first.
const ALL_WORDS_BOOST: f32 = 1000.0;
/// Persons listed in facets.
const FACET_PERSONS: usize = 20;

/// Searches one index. Cheap to share between threads.
#[derive(Clone)]
pub struct Searcher {
    index: DepecheIndex,
    reader: IndexReader,
}

/// A dispatch with its other copies and older versions, for `depeche show`.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    /// What the record is (`dispatch`, `duplicate`, `version`).
    pub kind: String,
    /// The dispatch (for a duplicate or a version: its searchable dispatch, when there is one).
    pub dispatch: Dispatch,
    /// Sources of identical copies.
    pub copies: Vec<String>,
    /// Older versions: id and source.
    pub versions: Vec<(String, String)>,
}

/// A person and the number of dispatches naming them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonCount {
    /// The most frequent spelling.
    pub name: String,
    /// Dispatches naming the person (all spellings).
    pub dispatches: u64,
}

impl Searcher {
    /// Opens the index at `path` for searching, with `schema`.
    pub fn open(path: &Path, schema: &Schema) -> Result<Searcher> {
        Searcher::new(DepecheIndex::open(path, schema)?)
    }

    /// Searches an open index; new commits show up after [`Searcher::reload`] (or on their own
    /// within a second, as tantivy watches the index).
    pub fn new(index: DepecheIndex) -> Result<Searcher> {
        let reader = index
            .tantivy()
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Searcher { index, reader })
    }

    /// Picks up the latest commit now.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// The open index.
    pub fn index(&self) -> &DepecheIndex {
        &self.index
    }

    /// Figures about the index.
    pub fn stats(&self) -> Result<Stats> {
        Ok(depeche_index::stats(&self.index)?)
    }

    /// Runs a search.
    pub fn search(&self, req: &Request) -> Result<Response> {
        let started = Instant::now();
        if req.limit > MAX_LIMIT {
            return Err(Error::InvalidRequest(format!("limit is at most {MAX_LIMIT}")));
        }
        if let (Some(s), Some(u)) = (req.since, req.until)
            && s >= u
        {
            return Err(Error::InvalidRequest("`since` must be before `until`".into()));
        }
        let schema = self.index.schema();
        let searcher = self.reader.searcher();
        let known = |f: &str| {
            crate::build::date_prefix(f).is_some()
                || schema.lookup(f).is_some_and(|(_, d)| searchable_prefix(&d.name))
        };
        let (node, parse_notices) = parse::parse(&req.query, &known);
        let mut notices: Vec<String> = parse_notices.iter().map(ToString::to_string).collect();
        let words = node.as_ref().map_or(0, |n| count_words(schema, n));
        let first_mode = if req.mode == Mode::Any { Mode::Any } else { Mode::All };
        let built = Builder::new(schema, &searcher, req).build(node.as_ref(), first_mode, req);
        let (mut built, mut mode, mut fallback) = (built, first_mode, false);
        // Count and top hits in one pass over the matches.
        let (mut total, mut top) = top_hits(&searcher, &built, req)?;
        if req.mode == Mode::Auto && total < FALLBACK_BELOW && words > 1 && built.scored {
            let mut any = Builder::new(schema, &searcher, req).build(node.as_ref(), Mode::Any, req);
            if total > 0 {
                // The few dispatches with every word come first.
                let all = BoostQuery::new(built.query.box_clone(), ALL_WORDS_BOOST);
                any.query = Box::new(BooleanQuery::new(vec![
                    (Occur::Must, any.query),
                    (Occur::Should, Box::new(all)),
                ]));
            }
            let (any_total, any_top) = top_hits(&searcher, &any, req)?;
            if any_total > total {
                let all_total = total;
                (built, mode, fallback, total, top) = (any, Mode::Any, true, any_total, any_top);
                notices.push(match all_total {
                    0 => format!(
                        "no dispatch has all the words: showing those with the most of them ({total} match some)"
                    ),
                    n => format!(
                        "only {n} dispatch{} all the words: showing {} first, then those with the most of them ({total} match some)",
                        if n == 1 { " has" } else { "es have" },
                        if n == 1 { "it" } else { "them" },
                    ),
                });
            }
        }
        notices.append(&mut built.notices);
        let top = if req.limit == 0 { Vec::new() } else { top };
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            hits.push(self.hit(&searcher, &doc, score, &built, req.snippets.min(3))?);
        }
        let facets = if req.facets { Some(self.facets(&searcher, &built.query)?) } else { None };
        notices.dedup();
        Ok(Response {
            query: req.query.clone(),
            mode,
            fallback,
            total,
            took_us: started.elapsed().as_micros() as u64,
            hits,
            facets,
            notices,
        })
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        doc: &TantivyDocument,
        score: f32,
        built: &Built,
        snippets: usize,
    ) -> Result<Hit> {
        let schema = self.index.schema();
        let d = stored_dispatch(schema, doc);
        let duplicates =
            self.count_term("fingerprint", &d.fingerprint, searcher)?.saturating_sub(1);
        let body = doc.get_first(schema.field("body")).and_then(|v| v.as_str()).unwrap_or("");
        let lede = d.lede.as_deref().unwrap_or("");
        let snippets =
            snippet::snippets(&[("lede", lede), ("body", body)], &built.highlight, snippets);
        let ts = |t: Option<jiff::Timestamp>| t.map(|t| t.to_string());
        Ok(Hit {
            id: d.id,
            score,
            title: d.title,
            published: ts(d.published),
            updated: ts(d.updated),
            section: d.section,
            dateline: d.dateline,
            agency: d.agency,
            authors: d.authors,
            persons: d.persons.into_iter().map(|p| p.name).collect(),
            source: d.source.to_string(),
            lede: d.lede,
            duplicates,
            snippets,
        })
    }

    fn count_term(&self, field: &str, value: &str, searcher: &tantivy::Searcher) -> Result<u64> {
        if value.is_empty() {
            return Ok(0);
        }
        let term = Term::from_field_text(self.index.schema().field(field), value);
        // The term dictionary's count includes deleted records, so it is only an upper bound:
        // enough when it says at most one (most dispatches have no copy).
        let upper = searcher.doc_freq(&term)?;
        if upper <= 1 {
            return Ok(upper);
        }
        Ok(searcher.search(&TermQuery::new(term, IndexRecordOption::Basic), &Count)? as u64)
    }

    fn facets(&self, searcher: &tantivy::Searcher, query: &dyn Query) -> Result<Facets> {
        let mut sections = FacetCollector::for_field("section");
        sections.add_facet("/");
        let persons = ValueCounts { field: "person_names", limit: Some(FACET_PERSONS) };
        let (s, persons) = searcher.search(query, &(sections, persons))?;
        let name = |f: &tantivy::schema::Facet| {
            f.to_path().last().map(|s| (*s).to_owned()).unwrap_or_default()
        };
        let section: BTreeMap<String, u64> = s.get("/").map(|(f, n)| (name(f), n)).collect();
        Ok(Facets { section, persons: persons.into_iter().collect() })
    }

    /// The dispatch with this id (or the duplicate or version record with it), with its other
    /// copies and older versions.
    pub fn get(&self, id: &str) -> Result<Option<Shown>> {
        let schema = self.index.schema();
        let searcher = self.reader.searcher();
        let doc = match self.first(&searcher, "id", id)? {
            Some(doc) => doc,
            // The id of a copy collapsed into another dispatch (`<canonical>~dup-<hash>~<id>`).
            None => match self.copy_with_id(&searcher, id)? {
                Some(doc) => doc,
                None => return Ok(None),
            },
        };
        let kind =
            doc.get_first(schema.field("kind")).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        let mut d = stored_dispatch(schema, &doc);
        if kind != Kind::Dispatch.as_str() {
            // A stub: show the searchable dispatch it belongs to, when there is one.
            let fp = d.fingerprint.clone();
            let story = d.story.clone();
            let found = self
                .first_dispatch(&searcher, "fingerprint", &fp)?
                .or(self.first_dispatch(&searcher, "story", &story)?);
            if let Some(main) = found {
                d = stored_dispatch(schema, &main);
            }
        }
        let mut copies = Vec::new();
        let mut versions = Vec::new();
        for (field, value) in [("fingerprint", d.fingerprint.clone()), ("story", d.story.clone())] {
            for stub in self.all(&searcher, field, &value)? {
                let k = stub.get_first(schema.field("kind")).and_then(|v| v.as_str()).unwrap_or("");
                let s = stored_dispatch(schema, &stub);
                if k == Kind::Duplicate.as_str() && !copies.contains(&s.source.to_string()) {
                    copies.push(s.source.to_string());
                } else if k == Kind::Version.as_str() && !versions.iter().any(|(i, _)| *i == s.id) {
                    versions.push((s.id, s.source.to_string()));
                }
            }
        }
        fill_person_details(&mut d);
        Ok(Some(Shown { kind, dispatch: d, copies, versions }))
    }

    fn copy_with_id(
        &self,
        searcher: &tantivy::Searcher,
        id: &str,
    ) -> Result<Option<TantivyDocument>> {
        let field = self.index.schema().field("id");
        let pattern = format!(".*~dup-[0-9a-f]{{16}}~{}", crate::build::regex_escape(id));
        let Ok(q) = tantivy::query::RegexQuery::from_pattern(&pattern, field) else {
            return Ok(None);
        };
        let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            Some((_, addr)) => Ok(Some(searcher.doc(*addr)?)),
            None => Ok(None),
        }
    }

    fn first(
        &self,
        searcher: &tantivy::Searcher,
        field: &str,
        value: &str,
    ) -> Result<Option<TantivyDocument>> {
        Ok(self.all(searcher, field, value)?.into_iter().next())
    }

    fn first_dispatch(
        &self,
        searcher: &tantivy::Searcher,
        field: &str,
        value: &str,
    ) -> Result<Option<TantivyDocument>> {
        let schema = self.index.schema();
        Ok(self.all(searcher, field, value)?.into_iter().find(|d| {
            d.get_first(schema.field("kind")).and_then(|v| v.as_str())
                == Some(Kind::Dispatch.as_str())
        }))
    }

    fn all(
        &self,
        searcher: &tantivy::Searcher,
        field: &str,
        value: &str,
    ) -> Result<Vec<TantivyDocument>> {
        if value.is_empty() {
            return Ok(Vec::new());
        }
        let term = Term::from_field_text(self.index.schema().field(field), value);
        let q = TermQuery::new(term, IndexRecordOption::Basic);
        let top = searcher.search(&q, &TopDocs::with_limit(100).order_by_score())?;
        top.into_iter().map(|(_, a)| searcher.doc(a).map_err(Error::from)).collect()
    }

    /// Persons named in the index, with dispatch counts, most frequent first; spellings of one
    /// person (accents, transliterations) are counted together. With a prefix, only names
    /// with a word starting with it (accents and case ignored).
    pub fn persons(&self, prefix: Option<&str>, limit: usize) -> Result<Vec<PersonCount>> {
        let searcher = self.reader.searcher();
        let kind = TermQuery::new(
            Term::from_field_text(self.index.schema().field("kind"), Kind::Dispatch.as_str()),
            IndexRecordOption::Basic,
        );
        let counts = searcher.search(&kind, &ValueCounts { field: "person_names", limit: None })?;
        let wanted: Vec<String> = prefix
            .map(|p| analyzer::analyze_names(p).into_iter().map(|a| a.key).collect())
            .unwrap_or_default();
        // Group spellings by their name keys.
        let mut groups: HashMap<String, (u64, Vec<(String, u64)>)> = HashMap::new();
        for (name, n) in counts {
            let keys: Vec<String> =
                analyzer::analyze_names(&name).into_iter().map(|a| a.key).collect();
            if !wanted.is_empty() && !matches_prefix(&keys, &wanted) {
                continue;
            }
            let g = groups.entry(keys.join(" ")).or_default();
            g.0 += n;
            g.1.push((name, n));
        }
        let mut out: Vec<PersonCount> = groups
            .into_values()
            .map(|(total, mut names)| {
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                PersonCount { name: names[0].0.clone(), dispatches: total }
            })
            .collect();
        out.sort_by(|a, b| b.dispatches.cmp(&a.dispatches).then(a.name.cmp(&b.name)));
        out.truncate(limit);
        Ok(out)
    }
}

/// Prefix match on name keys: the prefix's words, in order, start consecutive words of the
/// name (`lav` → Sergueï Lavrov; `serguei l` → Sergueï Lavrov).
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

/// Field prefixes users may type.
fn searchable_prefix(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "lede"
            | "body"
            | "persons"
            | "section"
            | "dateline"
            | "agency"
            | "authors"
            | "translator"
            | "keywords"
            | "location"
    )
}

fn count_words(schema: &Schema, node: &Node) -> usize {
    match node {
        Node::And(v) | Node::Or(v) => v.iter().map(|n| count_words(schema, n)).sum(),
        Node::Not(_) => 0,
        // A date (`date:2022`) or a section filters, it is no word to rank by.
        Node::Text { field: Some(f), .. } if crate::build::is_filter_prefix(schema, f) => 0,
        Node::Text { text, .. } => text.split_whitespace().count(),
    }
}

/// The index stores person names only; their mentions and where they appear come from the
/// stored text again, as extraction counted them.
fn fill_person_details(d: &mut Dispatch) {
    if d.persons.is_empty() {
        return;
    }
    let found = depeche_ingest::extract_persons(d);
    for p in &mut d.persons {
        if let Some(f) = found.iter().find(|f| f.name == p.name) {
            (p.mentions, p.in_title, p.in_lede) = (f.mentions, f.in_title, f.in_lede);
        }
    }
}

/// How many of the best matches get the bonus of [`Built::bonus`] before the page is cut.
const BONUS_DEPTH: usize = 50;

/// The number of matches and the requested page of them, in one pass.
fn top_hits(
    searcher: &tantivy::Searcher,
    built: &Built,
    req: &Request,
) -> Result<(u64, Vec<(f32, DocAddress)>)> {
    let limit = req.limit.max(1);
    if req.sort == Sort::Date || !built.scored {
        let collector = TopDocs::with_limit(limit)
            .and_offset(req.offset)
            .order_by_fast_field::<tantivy::DateTime>("published", Order::Desc);
        let (total, top) = searcher.search(&built.query, &(Count, collector))?;
        return Ok((total as u64, top.into_iter().map(|(_, a)| (0.0, a)).collect()));
    }
    let Some(bonus) = &built.bonus else {
        let collector = TopDocs::with_limit(limit).and_offset(req.offset).order_by_score();
        let (total, top) = searcher.search(&built.query, &(Count, collector))?;
        return Ok((total as u64, top));
    };
    // One ranking whatever the page: the bonus reorders the first pass's `BONUS_DEPTH` best,
    // and deeper hits keep their first-pass order. Reranking as deep as the page reaches
    // would change the ranking with the page, so pages would repeat and skip hits. The
    // bonus only adds, so the deeper hits still score below the reranked ones.
    let depth = (req.offset + limit).max(BONUS_DEPTH);
    let collector = TopDocs::with_limit(depth).order_by_score();
    let (total, mut top) = searcher.search(&built.query, &(Count, collector))?;
    let reranked = top.len().min(BONUS_DEPTH);
    let head = &mut top[..reranked];
    add_bonus(searcher, bonus.as_ref(), head)?;
    head.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok((total as u64, top.into_iter().skip(req.offset).take(limit).collect()))
}

/// Adds the score of `bonus` to each hit that it matches, seeking each segment's scorer to
/// the hits in doc order (a few seeks instead of scoring every match).
fn add_bonus(
    searcher: &tantivy::Searcher,
    bonus: &dyn Query,
    top: &mut [(f32, DocAddress)],
) -> Result<()> {
    use tantivy::query::EnableScoring;
    use tantivy::{DocSet, TERMINATED};
    let weight = bonus.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut order: Vec<usize> = (0..top.len()).collect();
    order.sort_by_key(|&i| top[i].1);
    let mut i = 0;
    while i < order.len() {
        let seg = top[order[i]].1.segment_ord;
        let mut scorer = weight.scorer(searcher.segment_reader(seg), 1.0)?;
        while i < order.len() && top[order[i]].1.segment_ord == seg {
            let hit = &mut top[order[i]];
            let doc = hit.1.doc_id;
            let at = if scorer.doc() < doc { scorer.seek(doc) } else { scorer.doc() };
            if at == doc && at != TERMINATED {
                hit.0 += scorer.score();
            }
            i += 1;
        }
    }
    Ok(())
}
