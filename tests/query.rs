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
}
