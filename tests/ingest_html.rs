//! Saved HTML pages: the 600 Orange pages against their JSONL twins, other templates.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use depeche_ingest::{Dispatch, Options, read_file};
use depeche_tests::{data_dir, shared};

/// Reads a file that must hold exactly one dispatch.
fn read_one(path: &Path) -> Dispatch {
    let (mut ds, errs) = read_file(path, &Options::default());
    assert!(errs.is_empty(), "{}: {errs:?}", path.display());
    assert_eq!(ds.len(), 1, "{}", path.display());
    ds.remove(0)
}

/// Text without its spacing: the two copies of an article may break lines differently.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The article's text: the body, preceded by the lede unless the body already opens with it
/// (a few characters in, for a lede that lost its drop cap). `finish` drops a first body
/// paragraph that repeats the lede, and the copies may disagree on where the lede ends, so
/// the texts are compared whole.
fn full_text(d: &Dispatch) -> String {
    let body = d.body.join("\n\n");
    match &d.lede {
        Some(lede) if squeeze(&body).find(&squeeze(lede)).is_none_or(|i| i > 3) => {
            format!("{lede}\n\n{body}")
        }
        _ => body,
    }
}

/// Whether `part` opens `text`, spacing aside, within its first 200 characters: room for
/// a twin whose lede is a date or a subheading put before the text.
fn opens(text: &str, part: &str) -> bool {
    let (text, part) = (squeeze(text), squeeze(part));
    !part.is_empty() && text.find(&part).is_some_and(|i| i <= 200)
}

/// Word-level similarity: 1 − (word edit distance) / (word count of the longer text), where
/// one edit inserts, deletes or replaces one whitespace-separated word. 1 for equal texts, 0
/// for texts with nothing in common.
fn similarity(a: &str, b: &str) -> f64 {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let a = word_ids(a, &mut ids);
    let b = word_ids(b, &mut ids);
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, wb) in b.iter().enumerate() {
            let replace = prev[j] + usize::from(wa != wb);
            cur[j + 1] = replace.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / longer as f64
}

/// Each word of `t` as a number, equal words equal numbers.
fn word_ids<'a>(t: &'a str, ids: &mut HashMap<&'a str, u32>) -> Vec<u32> {
    t.split_whitespace()
        .map(|w| {
            let next = ids.len() as u32;
            *ids.entry(w).or_insert(next)
        })
        .collect()
}

#[test]
fn similarity_is_a_word_edit_ratio() {
    assert_eq!(similarity("a b c d", "a b c d"), 1.0);
    assert_eq!(similarity("a b c d", "a x c d"), 0.75);
    assert_eq!(similarity("a b c d", "a b c"), 0.75);
    assert_eq!(similarity("a b", "c d"), 0.0);
    assert_eq!(similarity("", ""), 1.0);
}

/// The JSONL records named `ids`, read through the JSON reader, by id.
///
/// Records without an `author` credit get no authors: the JSON reader falls back on the
/// `byline` field ("publié le 30 juillet"), which the HTML page shows as a date line.
fn jsonl_twins(gz: &Path, ids: &HashSet<String>, dir: &Path) -> HashMap<String, Dispatch> {
    let file = std::fs::File::open(gz).expect("open the JSONL corpus");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let subset = dir.join("twins.jsonl");
    let mut out = std::fs::File::create(&subset).expect("create the subset");
    let mut uncredited = HashSet::new();
    for line in reader.lines() {
        let line = line.expect("read the JSONL corpus");
        let record: serde_json::Value = serde_json::from_str(&line).expect("a JSON record");
        let id = record["id"].as_str().unwrap_or_default();
        if ids.contains(id) {
            writeln!(out, "{line}").expect("write the subset");
            if record.get("author").is_none() {
                uncredited.insert(id.to_owned());
            }
        }
    }
    drop(out);
    let (ds, errs) = read_file(&subset, &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    ds.into_iter()
        .map(|mut d| {
            if uncredited.contains(&d.id) {
                d.authors.clear();
            }
            (d.id.clone(), d)
        })
        .collect()
}

/// Field agreement between an HTML page and its JSONL twin, counted over many pages.
#[derive(Default)]
struct Agreement {
    pages: usize,
    title: usize,
    lede: usize,
    /// Ledes that differ from the twin's but open the same text.
    lede_opening: usize,
    published: usize,
    section: usize,
    authors: usize,
    similarities: Vec<(f64, String)>,
    misses: Vec<String>,
}

impl Agreement {
    fn add(&mut self, name: &str, html: &Dispatch, twin: &Dispatch) {
        self.pages += 1;
        let mut miss = |field: &str, a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug| {
            self.misses.push(format!("{name} {field}: html {a:?} / jsonl {b:?}"));
        };
        if squeeze(&html.title) == squeeze(&twin.title) {
            self.title += 1;
        } else {
            miss("title", &html.title, &twin.title);
        }
        if html.lede.as_deref().map(squeeze) == twin.lede.as_deref().map(squeeze) {
            self.lede += 1;
        } else if html.lede.as_deref().is_some_and(|l| opens(&full_text(twin), l)) {
            self.lede_opening += 1;
        } else {
            miss("lede", &html.lede, &twin.lede);
        }
        if html.published == twin.published {
            self.published += 1;
        } else {
            miss("published", &html.published, &twin.published);
        }
        if html.section.as_deref().map(squeeze) == twin.section.as_deref().map(squeeze) {
            self.section += 1;
        } else {
            miss("section", &html.section, &twin.section);
        }
        if html.authors == twin.authors {
            self.authors += 1;
        } else {
            miss("authors", &html.authors, &twin.authors);
        }
        let sim = similarity(&full_text(html), &full_text(twin));
        self.similarities.push((sim, name.to_owned()));
    }

    fn report(&mut self) {
        let n = self.pages;
        self.similarities.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mean = self.similarities.iter().map(|s| s.0).sum::<f64>() / n.max(1) as f64;
        eprintln!(
            "{n} pages: title {}/{n}, lede {}/{n} (+{} opening the same text), published {}/{n}, \
             section {}/{n}, authors {}/{n}",
            self.title, self.lede, self.lede_opening, self.published, self.section, self.authors
        );
        eprintln!(
            "text similarity (word edit ratio of lede + body): mean {mean:.4}, min {:.4} ({}), \
             below 0.95: {}",
            self.similarities.first().map_or(1.0, |s| s.0),
            self.similarities.first().map_or("-", |s| s.1.as_str()),
            self.similarities.iter().filter(|s| s.0 < 0.95).count()
        );
        for s in self.similarities.iter().take(5) {
            eprintln!("  lowest: {:.4} {}", s.0, s.1);
        }
        for m in self.misses.iter().take(30) {
            eprintln!("  {m}");
        }
    }
}

#[test]
fn orange_pages_match_their_jsonl_twins() {
    let (Some(dir), Some(gz)) =
        (shared("corpus/html/orangesum"), shared("corpus/orangesum-dev.jsonl.gz"))
    else {
        return;
    };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("list the Orange pages")
        .map(|e| e.expect("list the Orange pages").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let id_of = |p: &Path| p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
    let ids: HashSet<String> = pages.iter().map(|p| id_of(p)).collect();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let twins = jsonl_twins(&gz, &ids, tmp.path());
    assert_eq!(twins.len(), pages.len(), "every page has its JSONL twin");

    let mut agreement = Agreement::default();
    for page in &pages {
        let id = id_of(page);
        agreement.add(&id, &read_one(page), &twins[&id]);
    }
    agreement.report();
    let n = agreement.pages;
    assert_eq!(n, 600);
    assert_eq!(agreement.title, n, "titles");
    assert_eq!(agreement.published, n, "publication dates");
    assert_eq!(agreement.section, n, "sections");
    assert_eq!(agreement.authors, n, "authors");
    // The JSONL ledes come from another extraction: on the car pages it took the bold date
    // of the "publié le <b>30 juillet</b>" line, elsewhere a subheading or two paragraphs run
    // together. Ours is then the opening of the same text.
    assert_eq!(agreement.lede + agreement.lede_opening, n, "ledes open the article");
    assert!(agreement.lede * 10 >= n * 9, "ledes equal: {}/{n}", agreement.lede);
    let min = agreement.similarities.first().map_or(0.0, |s| s.0);
    assert!(min >= 0.95, "lowest text similarity {min:.4}");
}

/// The committed copies of three Orange pages and their JSONL lines (`tests/data/html`).
#[test]
fn committed_orange_pages_match_their_twins() {
    let dir = data_dir().join("html");
    let (twins, errs) = read_file(&dir.join("orangesum-twins.jsonl"), &Options::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(twins.len(), 3);
    let mut agreement = Agreement::default();
    for twin in &twins {
        let html = read_one(&dir.join(format!("{}.html", twin.id)));
        agreement.add(&twin.id, &html, twin);
        assert_eq!(html.keywords, twin.keywords, "{}", twin.id);
        assert_eq!(html.agency, twin.agency, "{}", twin.id);
        assert_eq!(html.language.as_deref(), Some("fr"));
        assert!(html.url.as_deref().is_some_and(|u| u.starts_with("https://actu.orange.fr/")));
    }
    agreement.report();
    let n = agreement.pages;
    let fields = [agreement.title, agreement.lede, agreement.published];
    assert_eq!(fields, [n; 3], "title, lede, date");
    assert_eq!([agreement.section, agreement.authors], [n; 2], "section, authors");
    assert!(agreement.similarities.iter().all(|s| s.0 >= 0.99), "{:?}", agreement.similarities);

    // An Orange rewrite sets its lede in bold at the top of the text.
    let rewrite = read_one(&dir.join("orangesum-2155.html"));
    assert_eq!(
        rewrite.lede.as_deref(),
        Some(
            "Un Autrichien a été arrêté à l'aéroport Charles-de-Gaulle avec 80 volatiles \
             dissimulés dans ses effets personnels, vendredi 27 juillet"
        )
    );
    assert_eq!(rewrite.authors, ["Orange avec AFP"]);
    assert_eq!(rewrite.agency.as_deref(), Some("AFP"));
    // No `article:section`: the section comes from the URL path.
    assert_eq!(read_one(&dir.join("orangesum-1706.html")).section.as_deref(), Some("People"));
    // The "A lire aussi" box and the share bar stay out.
    let afp = read_one(&dir.join("orangesum-10103.html"));
    let text = afp.body_text();
    for furniture in ["A lire aussi", "Plan d'annexion: une majorité", "Réagir", "Publicité"] {
        assert!(!text.contains(furniture), "{furniture}");
    }
    assert_eq!(
        afp.body.last().map(String::as_str),
        Some(
            "Et si M. Netanyahu a estimé qu'il \"était temps\" de passer à l'annexion, son \
             nouveau partenaire et ministre de la Défense Benny Gantz est plus réticent et \
             pourrait, d'après M. Eran, freiner le projet."
        )
    );
}

/// Asserts that no body paragraph holds any of `strings`.
fn assert_absent(d: &Dispatch, strings: &[&str]) {
    for p in d.lede.iter().chain(&d.body) {
        for s in strings {
            assert!(!p.contains(s), "{s:?} in {p:?}");
        }
    }
}

#[test]
fn le_monde_page() {
    let d = read_one(&data_dir().join("html/lemonde-1.html"));
    assert_eq!(d.title, "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée");
    assert_eq!(
        d.lede.as_deref(),
        Some(
            "Largement approuvé par les députés, le texte sera désormais examiné par le Sénat, \
             puis le Conseil constitutionnel."
        )
    );
    assert!(d.body[0].starts_with("Les députés ont, sans surprise, adopté à une large majorité"));
    assert!(d.body.last().is_some_and(|p| {
        p.starts_with("La loi prévoit également une forme de protection pour les agents")
            && p.ends_with("dénoncé des actes potentiellement illégaux.")
    }));
    assert!(d.body.iter().any(|p| p == "Les « boîtes noires »"), "subheadings are kept");
    assert_absent(
        &d,
        &[
            "Lire aussi",
            "Revivez",
            "Journaliste au Monde",
            "Suivre ce journaliste",
            "Services Le Monde",
            "Édition Abonnés",
            "S'abonner",
            "Newsletters",
            "cookies",
        ],
    );
    assert_eq!(d.authors, ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]);
    assert_eq!(d.agency.as_deref(), Some("Le Monde"));
    assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2015-05-04T11:36:31Z"));
    assert_eq!(d.updated.map(|t| t.to_string()).as_deref(), Some("2015-05-05T18:13:12Z"));
    assert_eq!(d.section.as_deref(), Some("Pixels"));
    assert_eq!(d.language.as_deref(), Some("fr"));
}

#[test]
fn liberation_page() {
    let d = read_one(&data_dir().join("html/liberation-1.html"));
    assert_eq!(d.title, "Un troisième Français mort dans le séisme au Népal");
    assert_eq!(
        d.lede.as_deref(),
        Some(
            "Laurent Fabius a accueilli jeudi matin à Roissy un premier avion spécial ramenant des rescapés."
        )
    );
    assert_eq!(d.body.len(), 4);
    assert!(d.body[0].starts_with("Un troisième Français a été tué dans le tremblement de terre"));
    assert_eq!(
        d.body[3],
        "Le séisme a fait près de 5 500 morts et touche huit des 28 millions d’habitants du \
         Népal. Des dizaines de milliers de personnes sont sans abri."
    );
    assert_absent(
        &d,
        &[
            "Sur le même sujet",
            "exode sous pression",
            "Un Népalais prie",
            "Recevoir la newsletter",
            "Mode zen",
            "Imprimer",
            "Direct",
            "Libération",
        ],
    );
    assert_eq!(d.authors, ["AFP"]);
    assert_eq!(d.agency.as_deref(), Some("AFP"));
    assert_eq!(d.section.as_deref(), Some("Monde"));
    assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2015-04-30T07:19:58Z"));
    // The page says `lang="en"`; the text says French.
    assert_eq!(d.language.as_deref(), Some("fr"));
}

/// A hand-made page in the style of Anadolu's French site: JSON-LD `NewsArticle` in a
/// `@graph` (with a trailing comma), the body in `div[dir] > p`.
#[test]
fn agency_page_with_json_ld() {
    let d = read_one(&data_dir().join("html/aa-fr-jsonld.html"));
    assert_eq!(d.title, "Le Parlement européen adopte un plan pour les ports de la Méditerranée");
    assert_eq!(
        d.lede.as_deref(),
        Some(
            "Les eurodéputés ont approuvé mardi un programme de modernisation de quarante \
             ports, financé à hauteur de deux milliards d'euros"
        )
    );
    assert_eq!(d.body.len(), 5);
    assert!(d.body[0].starts_with("Le Parlement européen a adopté mardi, à une large majorité"));
    assert!(d.body[4].starts_with("Le Conseil de l'Union européenne doit encore approuver"));
    assert_absent(
        &d,
        &["À lire aussi", "Le port de Marseille", "Partager", "Nouvelles connexes", "Accueil", "©"],
    );
    assert_eq!(d.translator.as_deref(), Some("Elif Demir"));
    assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2023-03-14T13:20:00Z"));
    assert_eq!(d.updated.map(|t| t.to_string()).as_deref(), Some("2023-03-14T14:05:00Z"));
    assert_eq!(d.authors, ["Selma Kaya"]);
    assert_eq!(d.agency.as_deref(), Some("AA"));
    assert_eq!(d.section.as_deref(), Some("Europe"));
    assert_eq!(d.keywords, ["Parlement européen", "ports", "Méditerranée"]);
    assert_eq!(
        d.url.as_deref(),
        Some(
            "https://www.aa.com.tr/fr/europe/le-parlement-europeen-adopte-un-plan-pour-les-ports-de-la-mediterranee/2841077"
        )
    );
    assert_eq!(d.language.as_deref(), Some("fr"));
}

/// Reads `html` written to a file: the dispatch, or the reason it was refused.
fn read_html(dir: &Path, name: &str, html: &str) -> Result<Dispatch, String> {
    let path = dir.join(name);
    std::fs::write(&path, html).expect("write the page");
    let (mut ds, errs) = read_file(&path, &Options::default());
    match errs.first() {
        Some(e) => Err(e.kind().reason().to_owned()),
        None => Ok(ds.remove(0)),
    }
}

#[test]
fn truncated_pages_read_or_refuse_cleanly() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    for name in ["orangesum-10103.html", "lemonde-1.html", "liberation-1.html"] {
        let full = std::fs::read_to_string(data_dir().join("html").join(name)).expect("page");
        let whole = read_html(tmp.path(), name, &full).expect("the whole page reads");
        for tenth in 1..10 {
            let mut cut = full.len() * tenth / 10;
            while !full.is_char_boundary(cut) {
                cut -= 1;
            }
            match read_html(tmp.path(), name, &full[..cut]) {
                // The head (and so the headline) comes first; the text is cut, never invented.
                Ok(d) => {
                    assert_eq!(d.title, whole.title, "{name} cut at {tenth}/10");
                    assert!(d.body.len() <= whole.body.len() + 1, "{name} cut at {tenth}/10");
                }
                Err(reason) => {
                    assert!(matches!(reason.as_str(), "not-an-article" | "empty"), "{reason}")
                }
            }
        }
    }
}

#[test]
fn deeply_nested_pages_do_not_blow_up() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let depth = 100_000;
    let para = "<p>Un paragraphe au fond d'une page imbriquée très profondément, assez long pour compter.</p>";
    for (tag, closed) in [("div", false), ("span", true), ("b", false), ("article", true)] {
        let html = format!(
            "<html><head><title>Page profonde</title></head><body>{}{para}{para}{}</body></html>",
            format!("<{tag}>").repeat(depth),
            if closed { format!("</{tag}>").repeat(depth) } else { String::new() },
        );
        let start = Instant::now();
        let read = read_html(tmp.path(), "profonde.html", &html);
        let took = start.elapsed();
        eprintln!("{depth} nested <{tag}>: {:?} in {took:?}", read.as_ref().map(|d| d.body.len()));
        match read {
            Ok(d) => assert_eq!(d.title, "Page profonde"),
            Err(reason) => assert_eq!(reason, "not-an-article"),
        }
    }
    // An unknown page with no text is refused with a reason.
    let err = read_html(
        tmp.path(),
        "vide.html",
        "<html><body><nav><a href='/'>Accueil</a></nav></body></html>",
    );
    assert_eq!(err.err().as_deref(), Some("not-an-article"));
}

/// Pages per second through the whole pipeline (read, decode, detect, parse, finish) on the
/// 600 Orange pages, on one thread and on two. Run in release mode:
/// `cargo test --release -p depeche-tests -- --ignored html_throughput --nocapture`.
#[test]
#[ignore]
fn html_throughput() {
    let Some(dir) = shared("corpus/html/orangesum") else { return };
    let pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("list the Orange pages")
        .map(|e| e.expect("list the Orange pages").path())
        .collect();
    let bytes: u64 = pages.iter().map(|p| p.metadata().map_or(0, |m| m.len())).sum();
    let read_all = |pages: &[PathBuf]| {
        pages.iter().map(|p| read_file(p, &Options::default()).0.len()).sum::<usize>()
    };
    read_all(&pages[..50]); // warm the file cache
    let start = Instant::now();
    let n = read_all(&pages);
    let one = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let (a, b) = pages.split_at(pages.len() / 2);
    let m = std::thread::scope(|s| {
        let h = s.spawn(|| read_all(a));
        read_all(b) + h.join().expect("worker thread")
    });
    let two = start.elapsed().as_secs_f64();
    assert_eq!((n, m), (pages.len(), pages.len()));
    eprintln!(
        "{n} pages, {:.1} MB: one thread {:.0} pages/s ({:.1} MB/s), two threads {:.0} pages/s",
        bytes as f64 / 1e6,
        n as f64 / one,
        bytes as f64 / 1e6 / one,
        n as f64 / two
    );
}

/// Paragraphs as `<div><span>…</span></div>`, inside a byline left open by a stray `</p>`.
#[test]
fn span_paragraphs_inside_a_byline_left_open() {
    let d = read_one(&data_dir().join("html/20minutes-span-paragraphs.html"));
    assert_eq!(d.body.len(), 4, "{:?}", d.body);
    assert!(d.body[0].starts_with("La piscine Jean-Bron restera fermée"));
    assert!(d.body[3].starts_with("Le coût des travaux"));
    assert_absent(&d, &["Publicité", "Partager"]);
    assert!(d.lede.as_deref().is_some_and(|l| l.starts_with("Une fuite dans le bassin")));
    assert_eq!(d.language.as_deref(), Some("fr"));
}

/// An article page whose text the reader cannot find is skipped with a reason, not indexed
/// as a headline alone.
#[test]
fn an_article_without_text_found_is_skipped() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let item = "<li>Une ligne de texte que la page montre sans paragraphe autour d'elle.</li>";
    let page = format!(
        r#"<html lang="fr"><head><meta property="og:type" content="article"><title>Titre</title></head>
        <body><article><h1>Titre</h1><ul>{}</ul></article></body></html>"#,
        item.repeat(8)
    );
    assert_eq!(
        read_html(tmp.path(), "liste.html", &page).map(|d| d.title),
        Err("parse-error".into())
    );
}

/// The standfirst the page shows, not the shorter teaser of its description.
#[test]
fn the_shown_standfirst_wins_over_a_teaser() {
    let d = read_one(&data_dir().join("html/franceinfo-chapo-teaser.html"));
    let lede = d.lede.as_deref().unwrap_or_default();
    assert!(
        lede.starts_with("La présidente de région, Carole Delga, s'est exprimée jeudi"),
        "{lede}"
    );
    assert!(lede.ends_with("décidée par la SNCF."), "{lede}");
    assert_eq!(d.body.len(), 3, "{:?}", d.body);
}

/// Captions, players, related posts and sign-offs inside the text block are not text.
#[test]
fn non_article_text_leaves_the_body() {
    let d = read_one(&data_dir().join("html/elwatan-captions.html"));
    assert_eq!(d.body.len(), 4, "{:?}", d.body);
    assert!(d.body[0].starts_with("Le ministère des Transports a approuvé"), "{:?}", d.body);
    assert!(d.body[3].ends_with("aux heures de pointe."), "{:?}", d.body);
    assert_absent(&d, &["Photo :", "Articles similaires", "téléphérique", "Vidéo", "01:47"]);
    let persons: Vec<&str> = d.persons.iter().map(|p| p.name.as_str()).collect();
    assert!(!persons.contains(&"Amel B."), "{persons:?}");
}

/// The byline beside its date in one block, and the agency of the closing credit rather
/// than the site that published it.
#[test]
fn byline_and_agency_of_a_regional_page() {
    let d = read_one(&data_dir().join("html/elwatan-captions.html"));
    assert_eq!(d.authors, ["Yacine Haddad"]);
    assert_eq!(d.agency.as_deref(), Some("APS"));
}

/// Anadolu's signature line opening the text gives the dateline, agency and author, as the
/// plain-text reader reads it.
#[test]
fn agency_signature_line_in_a_page() {
    let d = read_one(&data_dir().join("html/aa-fr-nojsonld.html"));
    assert_eq!(d.dateline.as_deref(), Some("Dakar"));
    assert_eq!(d.agency.as_deref(), Some("AA"));
    assert_eq!(d.authors, ["Awa Ndiaye"]);
    assert_eq!(d.body.len(), 3, "{:?}", d.body);
    assert!(d.body[0].starts_with("Le gouvernement sénégalais a lancé mardi"), "{:?}", d.body);
}

/// A page without `og:title` whose `<title>` has the site glued on (`_French.news.cn`).
#[test]
fn agency_page_without_og_title() {
    let d = read_one(&data_dir().join("html/xinhua-fr.html"));
    assert_eq!(d.title, "La Chine lance un satellite d'observation des océans");
    assert_eq!(d.lede, None, "the description runs into the dateline");
    assert_eq!(d.dateline.as_deref(), Some("Jiuquan"));
    assert_eq!(d.agency.as_deref(), Some("Xinhua"));
    assert_eq!(d.body.len(), 3, "{:?}", d.body);
    assert!(d.body[2].ends_with("a précisé le centre de lancement."), "{:?}", d.body);
}
