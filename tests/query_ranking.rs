//! Ranking, paging, exact words and prefixes, on a small index of short dispatches written
//! here: enough matches of one word to page well past the title bonus's depth.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use depeche_index::{DepecheIndex, IndexOptions, NoProgress, Schema, index_paths};
use depeche_query::{Hit, Mode, Request, Response, Searcher};

/// Cities of the headlines.
const CITIES: &str = "Paris Lyon Marseille Toulouse Nantes Rennes Lille Bordeaux Strasbourg \
                      Montpellier Grenoble Rouen Brest Nice Dijon Tours";

/// Headlines; half of them name the protesters.
const TITLES: &[&str] = &[
    "{c} : des milliers de manifestants contre la réforme des retraites ({n})",
    "{c} : la grève des transports se prolonge ({n})",
    "{c} : les manifestants bloquent le périphérique ({n})",
    "{c} : le préfet interdit un rassemblement ({n})",
    "{c} : nouvelle journée de mobilisation syndicale ({n})",
    "{c} : heurts entre manifestants et forces de l'ordre ({n})",
];

/// Sentences of ledes and bodies.
const SENTENCES: &[&str] = &[
    "Les manifestants se sont rassemblés dès le matin devant la préfecture.",
    "Selon la préfecture, le cortège comptait plusieurs milliers de personnes.",
    "Les syndicats appellent à une nouvelle journée de grève jeudi.",
    "Quelques manifestants ont été interpellés en fin de journée.",
    "Le trafic des trains régionaux restait très perturbé.",
    "Le gouvernement maintient son calendrier pour la réforme des retraites.",
    "Des commerçants ont baissé leur rideau au passage du cortège.",
    "La circulation a été rétablie en début de soirée.",
    "Les organisateurs revendiquent une mobilisation historique.",
    "Les manifestants réclament le retrait du texte.",
];

/// A few dispatches with exact words, phrases and prefixes to look for.
const SPECIAL: &[(&str, &str, &str, &str)] = &[
    (
        "roundup",
        "Le point sur l'actualité de la semaine",
        "Retour sur les principaux faits de la semaine en France et dans le monde.",
        "Le gouvernement a présenté son budget mardi. Les prix de l'énergie continuent de monter. \
         La saison des festivals s'ouvre dans le sud du pays. Le championnat reprend samedi. \
         À Bruxelles, les négociations sur le budget européen ont été suspendues.",
    ),
    (
        "vienne",
        "Négociations sur le nucléaire iranien : les discussions reprennent à Vienne",
        "Les négociateurs se retrouvent lundi à Vienne pour une nouvelle session.",
        "Les négociations avaient été interrompues en juin. Les diplomates européens se disent \
         prudents. Un accord reste possible, selon un négociateur.",
    ),
    (
        "franc-cfa",
        "Afrique de l'Ouest : l'avenir du franc CFA en débat",
        "Huit pays veulent remplacer le franc CFA par une monnaie commune.",
        "La réforme du franc CFA divise les économistes. Le franc reste arrimé à l'euro.",
    ),
    (
        "tour-de-france",
        "Tour de France : l'étape reine se court dans les Alpes",
        "La France entière suit la course, partie de Grenoble.",
        "Le public est venu nombreux. La France attend une victoire d'étape.",
    ),
    (
        "francs-suisses",
        "Change : les francs suisses recherchés par les épargnants",
        "Les francs suisses restent une valeur refuge.",
        "Les épargnants achètent des francs suisses depuis le début de la crise.",
    ),
    (
        "franc-et-france",
        "Monnaie : la France se souvient du franc",
        "Vingt ans après l'euro, la France regarde encore ses prix en francs.",
        "La France a abandonné le franc en 2002. En France, certains comptent encore en francs.",
    ),
    (
        "marseille-port",
        "Marseille : le port de commerce retrouve son activité",
        "Le trafic du port a repris après trois semaines de grève des dockers.",
        "Les navires attendaient au large du port. Les dockers ont voté la reprise.",
    ),
    (
        "masque",
        "Covid : faut-il porter le masque dans la rue ?",
        "Le gouvernement hésite à imposer le masque en extérieur.",
        "Les médecins conseillent de porter un masque dans la foule. La porte reste ouverte, \
         dit le ministre.",
    ),
    (
        "conseil-onu",
        "ONU : le conseil de sécurité se réunit en urgence",
        "Le conseil de sécurité des Nations unies tiendra une séance vendredi.",
        "La réunion du conseil de sécurité a été demandée par la France. Le conseil de \
         sécurité doit voter une résolution.",
    ),
    (
        "refuge-chats",
        "Refuge : les chats abandonnés toujours plus nombreux",
        "Le refuge recueille des chats chaque semaine, et un chat sur deux est adopté.",
        "Un chat errant a été recueilli. Les chats sont vaccinés avant adoption.",
    ),
];

/// Dispatches about protests, each with its own headline and text.
const PROTESTS: usize = 130;

/// The test corpus as JSON lines: the special dispatches first, then the protests.
fn corpus() -> String {
    let mut out = String::new();
    let json = |s: &str| serde_json::Value::from(s).to_string();
    let mut line = |id: &str, title: &str, lede: &str, body: &str, day: usize| {
        let _ = writeln!(
            out,
            r#"{{"id": {}, "title": {}, "lede": {}, "body": {}, "date": "2023-03-{:02}T10:00:00+01:00", "section": "France"}}"#,
            json(id),
            json(title),
            json(lede),
            json(&format!("{lede}\n\n{body}")),
            day % 28 + 1,
        );
    };
    for (i, (id, title, lede, body)) in SPECIAL.iter().enumerate() {
        line(id, title, lede, body, i);
    }
    // A fixed pseudo-random sequence (a linear congruential generator).
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    let cities: Vec<&str> = CITIES.split_whitespace().collect();
    for i in 0..PROTESTS {
        let city = cities[next(cities.len())];
        let title = TITLES[next(TITLES.len())].replace("{c}", city).replace("{n}", &i.to_string());
        let lede = SENTENCES[next(SENTENCES.len())];
        let body: Vec<&str> = (0..2 + next(9)).map(|_| SENTENCES[next(SENTENCES.len())]).collect();
        line(&format!("manif-{i}"), &title, lede, &body.join(" "), i);
    }
    out
}

/// The test corpus, indexed once per test process (in cargo's test scratch folder).
fn index_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
        for entry in std::fs::read_dir(scratch).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix("ranking-index-")
                && !Path::new("/proc").join(pid).exists()
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let dir = scratch.join(format!("ranking-index-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let source = dir.join("corpus.jsonl");
        std::fs::write(&source, corpus()).unwrap();
        let index_dir = dir.join("index");
        let index = DepecheIndex::open_or_create(&index_dir, &Schema::embedded(), true).unwrap();
        let opts = IndexOptions { threads: 1, memory_budget: 50 << 20, ..IndexOptions::default() };
        let summary = index_paths(&index, &[source], &opts, &NoProgress).unwrap();
        assert!(summary.skipped.is_empty(), "{:?}", summary.skipped);
        index_dir
    })
}

fn searcher() -> Searcher {
    Searcher::open(index_dir(), &Schema::embedded()).unwrap()
}

fn search(req: Request) -> Response {
    searcher().search(&req).unwrap()
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn pages_are_slices_of_one_ranking() {
    for q in ["manifestants", "manifestants grève", "retraites", "préfecture cortège"] {
        let all = search(Request { limit: 120, snippets: 0, ..Request::new(q) });
        assert!(all.total > 60, "{q}: {} matches, too few to page past the bonus", all.total);
        for size in [10, 7] {
            let mut paged = Vec::new();
            let mut offset = 0;
            while offset < all.hits.len() {
                let page = search(Request { limit: size, offset, snippets: 0, ..Request::new(q) });
                assert_eq!(page.total, all.total);
                paged.extend(page.hits);
                offset += size;
            }
            paged.truncate(all.hits.len());
            assert_eq!(ids(&paged), ids(&all.hits), "{q}: pages of {size}");
            let scores = |h: &[Hit]| h.iter().map(|h| h.score).collect::<Vec<_>>();
            assert_eq!(scores(&paged), scores(&all.hits), "{q}: pages of {size}");
        }
        let scores: Vec<f32> = all.hits.iter().map(|h| h.score).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{q}: {scores:?}");
    }
}
/// The ids of every match, sorted.
fn matching(q: &str) -> Vec<String> {
    let r = search(Request { limit: 200, snippets: 0, ..Request::new(q) });
    assert_eq!(r.total as usize, r.hits.len(), "{q}");
    let mut ids: Vec<String> = r.hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    ids
}

#[test]
fn a_quoted_word_that_is_its_own_stem_is_exact() {
    // `franc` is the stem key of `France` and `francs` too; only the word itself is exact.
    assert_eq!(matching("\"franc\""), ["franc-cfa", "franc-et-france"]);
    assert_eq!(matching("\"port\""), ["marseille-port"]);
    assert_eq!(matching("\"chat\""), ["refuge-chats"]);
    // Words with an exact token of their own, as before.
    assert_eq!(matching("\"porter\""), ["masque"]);
    assert_eq!(matching("\"francs\""), ["franc-et-france", "francs-suisses"]);
    // Unquoted, every form still matches.
    let franc = ["franc-cfa", "franc-et-france", "francs-suisses", "roundup", "tour-de-france"];
    let mut franc = Vec::from(franc);
    franc.insert(0, "conseil-onu");
    assert_eq!(matching("franc"), franc);
    assert_eq!(matching("port"), ["marseille-port", "masque"]);
    // Excluded, and beside other words.
    let france_only = ["conseil-onu", "francs-suisses", "roundup", "tour-de-france"];
    assert_eq!(matching("France -\"franc\""), france_only);
    let r = search(Request { mode: Mode::All, ..Request::new("\"franc\" afrique") });
    assert_eq!(ids(&r.hits), ["franc-cfa"]);
    // Ranked by the word's own occurrences: four in `franc-cfa`, two among the `France`s of
    // `franc-et-france`.
    let r = search(Request { snippets: 0, ..Request::new("\"franc\"") });
    assert_eq!(ids(&r.hits), ["franc-cfa", "franc-et-france"]);
    assert!(r.hits[0].score > r.hits[1].score, "{:?}", r.hits);
}

/// The highlighted text of every snippet of every hit.
fn marked(q: &str) -> Vec<String> {
    let r = search(Request { snippets: 3, ..Request::new(q) });
    assert!(r.total > 0, "{q}");
    let mut out = Vec::new();
    for hit in &r.hits {
        for s in &hit.snippets {
            out.extend(s.highlights.iter().map(|h| s.text[h.clone()].to_owned()));
        }
    }
    out
}

#[test]
fn snippets_highlight_what_quotes_match() {
    // Phrases with a stop word inside (a gap in positions), whole.
    let phrase = marked("\"conseil de sécurité\"");
    assert!(!phrase.is_empty());
    assert!(phrase.iter().all(|m| m.to_lowercase() == "conseil de sécurité"), "{phrase:?}");
    let retraites = marked("\"réforme des retraites\"");
    assert!(!retraites.is_empty());
    assert!(retraites.iter().all(|m| m == "réforme des retraites"), "{retraites:?}");
    // A quoted word, in its own form only: not `port`, `porte`; not `chat`.
    for word in ["porter", "port", "chats"] {
        let m = marked(&format!("\"{word}\""));
        assert!(!m.is_empty() && m.iter().all(|m| m == word), "{word}: {m:?}");
    }
    // Unquoted, every form still.
    assert!(marked("chats").contains(&"chat".to_owned()));
}

#[test]
fn prefixes_are_ranked() {
    // The dispatch about the negotiations (in its title) first, then the roundup that
    // mentions them once, at the end of its body: no longer one score for every match.
    let r = search(Request { snippets: 0, ..Request::new("négo*") });
    assert_eq!(ids(&r.hits), ["vienne", "roundup"]);
    assert!(r.hits[0].score > r.hits[1].score, "{:?}", r.hits);
    // The headline adds its bonus, as for words.
    let r = search(Request { snippets: 0, ..Request::new("manif*") });
    let words = search(Request { snippets: 0, ..Request::new("manifestants") });
    assert_eq!(r.total, words.total);
    let in_title = |h: &Hit| h.title.contains("manifestants");
    assert!(r.hits.iter().all(in_title), "{:?}", ids(&r.hits));
    // Every word starting with the prefix still matches, ranked or not.
    assert_eq!(matching("retrait*"), matching("retraites OR retrait"));
}
