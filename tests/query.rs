//! Query language features on the bundled dispatches, through the library.

use depeche_query::Request;

use crate::serve::seed_searcher;

fn search(q: &str) -> depeche_query::Response {
    seed_searcher().search(&Request { snippets: 1, ..Request::new(q) }).unwrap()
}

#[test]
fn prefix_search() {
    let ukraine = search("ukraine");
    let ukr = search("Ukr*");
    assert!(ukraine.total > 0);
    // `ukr*` also finds `ukrainien`, `ukrainienne`: at least what `ukraine` finds.
    assert!(ukr.total >= ukraine.total, "{} < {}", ukr.total, ukraine.total);
    assert!(ukr.notices.is_empty(), "{:?}", ukr.notices);
    for hit in &ukr.hits {
        let s = &hit.snippets[0];
        if let Some(r) = s.highlights.first() {
            assert!(
                s.text[r.clone()].to_lowercase().starts_with("ukr"),
                "{:?}",
                &s.text[r.clone()]
            );
        }
    }
    assert!(ukr.hits.iter().any(|h| !h.snippets[0].highlights.is_empty()));
    // Accents and elision as in words; a field prefix; a person.
    assert_eq!(search("négo*").total, search("nego*").total);
    assert!(search("négo*").total > 0);
    assert_eq!(search("l’Ukr*").total, ukr.total);
    assert_eq!(search("person:Lav*").total, search("person:Lavrov").total);
    // Too short: searched as the word, and said so.
    let short = search("a*");
    assert!(short.notices.iter().any(|n| n.contains("prefix")), "{:?}", short.notices);
    // Quoted, `*` is no operator.
    assert_eq!(search("\"Ukr*\"").total, 0);
}

#[test]
fn words_left_out_are_told_why() {
    let r = search("🙂 ukraine");
    assert!(r.total > 0);
    assert_eq!(r.notices, ["`🙂` has no searchable word and was left out"]);
    let r = search("les ukraine");
    assert_eq!(r.notices, ["`les` is too common a word to search for and was left out"]);
    // Nothing left to search: nothing listed (not the whole index), and said.
    for q in ["le la les", "🙂", "date:2020-13", "*", "-- !"] {
        let r = search(q);
        assert_eq!(r.total, 0, "{q}");
        assert!(
            r.notices.iter().any(|n| n.starts_with("nothing in the query")),
            "{q}: {:?}",
            r.notices
        );
    }
    // A query that only excludes, or only dates, still lists.
    assert!(search("-ukraine").total > 0);
    assert!(search("date:2020").total > 0);
}

#[test]
fn dates_in_the_query() {
    use depeche_query::parse_date_bound;
    let searcher = seed_searcher();
    let count = |req: Request| searcher.search(&Request { limit: 0, ..req }).unwrap().total;
    let period = |q: &str, since: &str, until: &str| Request {
        since: parse_date_bound(since, false),
        until: parse_date_bound(until, true),
        ..Request::new(q)
    };
    // `date:` is the period, as `--since`/`--until` give it; alone, it lists that period.
    let in_2020 = count(period("", "2020", "2020"));
    assert!(in_2020 > 0);
    assert_eq!(count(Request::new("date:2020")), in_2020);
    assert_eq!(count(Request::new("otan date:2020")), count(period("otan", "2020", "2020")));
    assert_eq!(count(Request::new("otan date:2019..2020")), count(period("otan", "2019", "2020")));
    assert_eq!(
        count(Request::new("otan depuis:2020-06")),
        count(period("otan", "2020-06", "2100"))
    );
    // Dates split the matches of a word between them, and rank nothing.
    let otan = count(Request::new("otan"));
    assert_eq!(
        count(Request::new("otan date:2020")) + count(Request::new("otan -date:2020")),
        otan
    );
    let r = searcher.search(&Request::new("otan date:2020")).unwrap();
    assert!(!r.fallback && r.notices.is_empty(), "{:?}", r.notices);
    // Not a date: said, and left out.
    let r = searcher.search(&Request::new("otan date:hier")).unwrap();
    assert_eq!(r.total, otan);
    assert!(r.notices.iter().any(|n| n.contains("`date:hier` is not a date")), "{:?}", r.notices);
}

/// Alternatives (`OR`, or the any-word fallback) beside a filter: each hit still has one of
/// the words. Beside a required filter, tantivy takes loose `Should` clauses as optional, and
/// every dispatch of the period was listed.
#[test]
fn alternatives_beside_a_filter_still_need_a_word() {
    use depeche_query::parse_date_bound;
    let searcher = seed_searcher();
    let since = parse_date_bound("2000", false);
    let all = searcher.search(&Request { since, limit: 0, ..Request::new("") }).unwrap().total;
    for q in ["Lavrov OR Stoltenberg", "Lavrov Stoltenberg Zelensky", "Lavrov OR Zelensky"] {
        let plain = searcher.search(&Request { limit: 0, ..Request::new(q) }).unwrap();
        let req = Request { since, limit: 100, snippets: 3, ..Request::new(q) };
        let filtered = searcher.search(&req).unwrap();
        assert!(filtered.total > 0, "{q}");
        assert!(filtered.total <= plain.total && filtered.total < all, "{q}: {}", filtered.total);
        for hit in &filtered.hits {
            let snippets: Vec<&str> = hit.snippets.iter().map(|s| s.text.as_str()).collect();
            let text = format!("{} {}", hit.title, snippets.join(" ")).to_lowercase();
            assert!(
                ["lavrov", "stoltenberg", "zelensk"].iter().any(|w| text.contains(w)),
                "{q}: {}",
                hit.title
            );
        }
    }
}

/// A fallback to any word when only one or two dispatches have them all says so, and keeps
/// those first.
#[test]
fn fallback_keeps_the_dispatches_with_every_word_first() {
    use depeche_query::Mode;
    let searcher = seed_searcher();
    let q = "Stoltenberg Colombie";
    let all = searcher.search(&Request { mode: Mode::All, ..Request::new(q) }).unwrap();
    assert_eq!(all.total, 1, "the seed alone names both");
    let auto = searcher.search(&Request::new(q)).unwrap();
    assert!(auto.fallback && auto.total > all.total);
    assert_eq!(auto.hits[0].id, all.hits[0].id);
    assert!(
        auto.notices.iter().any(|n| n.starts_with("only 1 dispatch has all the words")),
        "{:?}",
        auto.notices
    );
    let none = searcher.search(&Request::new("Stoltenberg Navalny")).unwrap();
    assert!(none.fallback);
    assert!(none.notices.iter().any(|n| n.starts_with("no dispatch has all the words")));
}

/// `show` and the API give each person's mentions as ingest counted them, not zeros.
#[test]
fn shown_persons_keep_their_mentions() {
    let searcher = seed_searcher();
    let hit = &search("Stoltenberg Colombie").hits[0];
    let shown = searcher.get(&hit.id).unwrap().expect("the seed");
    let first = &shown.dispatch.persons[0];
    assert_eq!(first.name, "Jens Stoltenberg");
    assert!(first.in_title && first.mentions >= 5, "{first:?}");
    assert!(shown.dispatch.persons.iter().all(|p| p.mentions > 0), "{:?}", shown.dispatch.persons);
}

/// A name typed as a name finds its other transcriptions (the seed writes `Sergueï Lavrov`),
/// after the dispatches that have the word itself.
#[test]
fn typed_names_find_other_transcriptions() {
    let seed = search("Stoltenberg Colombie").hits[0].id.clone();
    for q in ["Sergei", "\"Sergei Lavrov\"", "Sergey Lavrov"] {
        let r = search(q);
        assert!(r.hits.iter().any(|h| h.id == seed), "{q}: {:?}", r.hits.len());
    }
    // Lowercase words are words: no person lookup.
    assert_eq!(search("sergei").total, 0);
    // Matches of the word itself rank first.
    let r = search("Lavrov");
    assert!(
        r.hits.iter().all(|h| h.score > 0.5),
        "{:?}",
        r.hits.iter().map(|h| h.score).collect::<Vec<_>>()
    );
}

/// `section:monde` in the query is the `--section` filter: same dispatches, same order
/// (newest first), and an unknown section lists the real ones, none empty.
#[test]
fn section_prefix_is_the_section_filter() {
    let searcher = seed_searcher();
    let ids = |req: Request| -> Vec<String> {
        searcher
            .search(&Request { limit: 100, ..req })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    let prefixed = ids(Request::new("section:monde"));
    assert!(!prefixed.is_empty());
    assert_eq!(prefixed, ids(Request { section: Some("Monde".into()), ..Request::new("") }));
    let r = searcher.search(&Request::new("section:xyz")).unwrap();
    let notice = r.notices.iter().find(|n| n.starts_with("no section")).expect("a notice");
    assert!(!notice.contains("(sections: ,") && !notice.contains(", ,"), "{notice}");
}

/// The id of a copy collapsed into another dispatch still finds that dispatch (users hold
/// the ids of their feed): `orangesum-49` repeats `orangesum-6` in the bundled sample.
#[test]
fn a_copy_is_found_by_its_own_id() {
    let searcher = seed_searcher();
    let shown = searcher.get("orangesum-49").unwrap().expect("the copy's dispatch");
    assert_eq!(shown.kind, "duplicate");
    assert_eq!(shown.dispatch.id, "orangesum-6");
    assert!(searcher.get("orangesum-4").unwrap().is_none(), "no prefix match");
}
