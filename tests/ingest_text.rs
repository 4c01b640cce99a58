//! Agency plain-text exports, starting with the seed dispatch.

use std::path::{Path, PathBuf};

use depeche_ingest::{Dispatch, Format, Options, Source};

fn text_dir() -> PathBuf {
    depeche_tests::data_dir().join("text")
}

/// Reads one file that must give exactly one dispatch and no error.
fn read_one(path: &Path) -> Dispatch {
    let (mut dispatches, errors) = depeche_ingest::read_file(path, &Options::default());
    assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    assert_eq!(dispatches.len(), 1, "{}", path.display());
    dispatches.remove(0)
}

fn read(name: &str) -> Dispatch {
    read_one(&text_dir().join(name))
}

const TITLE: &str = "Jens Stoltenberg : l'OTAN demeure ouverte au dialogue avec la Russie";
const LEDE: &str = "Le Secrétaire général de l'OTAN exhorte la Russie à engager des pourparlers et à retirer ses forces qui menacent l'Ukraine";
const BODY: &[&str] = &[
    "Le secrétaire général de l'OTAN, Jens Stoltenberg, a déclaré, lundi, que l'OTAN demeurait ouverte à un \"dialogue constructif\" avec la Russie.",
    "\"La meilleure façon pour la Russie de montrer qu'elle est prête à trouver une solution pacifique est de procéder à une désescalade et de retirer les forces qui menacent actuellement l'Ukraine\", a déclaré Jens Stoltenberg lors d'une conférence de presse conjointe avec le président colombien Ivan Duque Marquez, à l'issue de leur rencontre à Bruxelles.",
    "Les deux hommes ont discuté du partenariat entre l'OTAN et la Colombie, ainsi que du \"renforcement militaire injustifié\" de la Russie en Ukraine et dans ses environs, a expliqué Stoltenberg.",
    "Il a souligné que l'OTAN reste ouverte à un \"dialogue constructif\" avec la Russie et a exhorté Moscou à \"choisir la voie de la diplomatie\" dans le conflit avec l'Ukraine.",
    "Le président colombien a, pour sa part, réaffirmé le soutien de son pays à l'intégrité territoriale et à la souveraineté de l'Ukraine, et a assuré qu'il se joindrait à la communauté internationale pour imposer des sanctions à Moscou en cas d'invasion russe de l'Ukraine.",
    "Ivan Duque Marquez a affirmé que choisir le dialogue plutôt que l'escalade serait \"une meilleure voie pour le monde\".",
    "Stoltenberg et Duque ont également parlé de la \"coopération toujours plus étroite\" entre la Russie et la Chine et de leur soutien au \"régime répressif\" du Venezuela.",
    "\"Nous avons convenu que toutes les parties devaient jouer un rôle constructif pour la paix et la stabilité régionales\", a ajouté Stoltenberg.",
    "Le Secrétaire général de l'OTAN a adressé, la semaine dernière, une lettre au ministre russe des Affaires étrangères, Sergueï Lavrov, invitant Moscou à poursuivre les pourparlers au sein du Conseil OTAN-Russie sur la maîtrise des armements et la transparence militaire.",
    "La Russie a déployé plus de 100 000 soldats le long de sa frontière avec l'Ukraine, ce qui fait craindre qu'elle ne prépare une nouvelle offensive militaire contre l'ancienne république soviétique.",
    "Les États-Unis et leurs alliés ont mis en garde contre une attaque imminente et ont menacé la Russie de \"graves conséquences\".",
    "Moscou a toutefois démenti qu'elle se préparait à envahir l'Ukraine et a déclaré que ses troupes étaient là pour des exercices.",
];

/// A timestamp as the dispatch prints it.
fn ts(t: Option<impl ToString>) -> Option<String> {
    t.map(|t| t.to_string())
}

fn day(s: &str) -> Option<String> {
    Some(format!("{s}T00:00:00Z"))
}

#[test]
fn seed_every_field() {
    let path = text_dir().join("aa-fr-2022-02-15-otan-russie.txt");
    let d = read_one(&path);

    // Keys: derived from the content (the export carries no id of its own).
    assert_eq!(d.fingerprint, depeche_ingest::fingerprint(&d));
    assert_eq!(d.fingerprint.len(), 32);
    assert_eq!(d.story, depeche_ingest::story_key(&d));
    assert_eq!(d.story.len(), 16);
    assert_eq!(d.id, depeche_ingest::derive_id(&d));
    assert!(d.id.starts_with('d') && d.id.len() == 17, "{}", d.id);

    assert_eq!(d.title, TITLE);
    assert_eq!(d.lede.as_deref(), Some(LEDE));
    assert_eq!(d.body, BODY);
    assert_eq!(d.section.as_deref(), Some("Politique"));
    assert_eq!(ts(d.published), day("2022-02-15"));
    assert_eq!(ts(d.updated), day("2022-02-15"));
    assert_eq!(d.authors, ["Agnes Szucs"]);
    assert_eq!(d.agency.as_deref(), Some("AA"));
    assert_eq!(d.dateline.as_deref(), Some("Bruxelles"));
    assert_eq!(d.location.as_deref(), Some("Brussels Hoofdstedelijk Gewest"));
    assert_eq!(d.translator.as_deref(), Some("Mourad Belhaj"));
    assert_eq!(d.language.as_deref(), Some("fr"));
    // persons: built by another engineer (persons::extract), asserted in tests/persons.rs.
    assert!(d.keywords.is_empty());
    assert_eq!(d.url, None);
    assert_eq!(d.version, None);
    assert_eq!(d.source, Source { path: depeche_ingest::path_key(&path), record: None });
    assert_eq!(d.format, Format::AgencyText);
}

#[test]
fn variants_keep_the_fields_they_still_have() {
    let seed = read("aa-fr-2022-02-15-otan-russie.txt");
    let same_story = |d: &Dispatch, name: &str| {
        assert_eq!(d.title, TITLE, "{name}");
        assert_eq!(d.section.as_deref(), Some("Politique"), "{name}");
        assert_eq!(d.body, BODY, "{name}");
        assert_eq!(d.fingerprint, seed.fingerprint, "{name}");
        assert_eq!(d.agency.as_deref(), Some("AA"), "{name}");
        assert_eq!(d.translator.as_deref(), Some("Mourad Belhaj"), "{name}");
        assert_eq!(d.language.as_deref(), Some("fr"), "{name}");
    };

    // Line ends and extra notices change nothing.
    for name in ["aa-variant-crlf.txt", "aa-variant-english-boilerplate.txt"] {
        let d = read(name);
        same_story(&d, name);
        assert_eq!(d.lede.as_deref(), Some(LEDE), "{name}");
        assert_eq!(d.location, seed.location, "{name}");
        assert_eq!(d.dateline, seed.dateline, "{name}");
        assert_eq!(d.authors, seed.authors, "{name}");
        assert_eq!((d.published, d.updated), (seed.published, seed.updated), "{name}");
        assert_eq!((&d.id, &d.story), (&seed.id, &seed.story), "{name}");
    }

    // The fixtures hold what they are named for (a checkout that rewrote them would not).
    let bytes = |name: &str| std::fs::read_to_string(text_dir().join(name)).expect("fixture");
    assert_eq!(bytes("aa-variant-crlf.txt").matches("\r\n").count(), 42);
    assert!(!bytes("aa-variant-apostrophes.txt").contains('\''));

    // Typographic apostrophes are kept as written, and the story still matches.
    let d = read("aa-variant-apostrophes.txt");
    assert_eq!(d.title, TITLE.replace('\'', "’"));
    assert_eq!(d.lede.as_deref(), Some(LEDE.replace('\'', "’").as_str()));
    let body: Vec<String> = BODY.iter().map(|p| p.replace('\'', "’")).collect();
    assert_eq!(d.body, body);
    assert_eq!(d.fingerprint, seed.fingerprint);
    assert_eq!(d.story, seed.story);
    assert_eq!(d.translator.as_deref(), Some("Mourad Belhaj"));
    assert_eq!(d.dateline.as_deref(), Some("Bruxelles"));
    assert_eq!(d.location.as_deref(), Some("Brussels Hoofdstedelijk Gewest"));

    let d = read("aa-variant-no-lede.txt");
    same_story(&d, "no-lede");
    assert_eq!(d.lede, None);
    assert_eq!(ts(d.published), day("2022-02-15"));
    assert_eq!(d.location.as_deref(), Some("Brussels Hoofdstedelijk Gewest"));
    assert_eq!(d.authors, ["Agnes Szucs"]);

    let d = read("aa-variant-no-credit.txt");
    same_story(&d, "no-credit");
    assert_eq!(d.lede.as_deref(), Some(LEDE));
    assert_eq!((d.published, d.updated), (None, None));
    assert_eq!(d.location.as_deref(), Some("Brussels Hoofdstedelijk Gewest"));
    assert_eq!(d.dateline.as_deref(), Some("Bruxelles"));
    assert_eq!(d.authors, ["Agnes Szucs"]);
    assert_ne!(d.story, seed.story, "no publication day, so another update key");

    // Without a signature, the dateline opening the first paragraph is read (and kept).
    let d = read("aa-variant-dateline-in-body.txt");
    assert_eq!(d.title, TITLE);
    assert_eq!(d.lede.as_deref(), Some(LEDE));
    assert_eq!(d.dateline.as_deref(), Some("Bruxelles"));
    assert_eq!(d.agency.as_deref(), Some("AA"));
    assert_eq!(d.location, None);
    assert!(d.authors.is_empty());
    assert_eq!(ts(d.published), day("2022-02-15"));
    assert_eq!(d.body[0], format!("BRUXELLES (AA) - {}", BODY[0]));
    assert_eq!(d.body[1..], BODY[1..]);

    // Title and paragraphs only: plain text.
    let d = read("aa-variant-bare.txt");
    assert_eq!(d.title, TITLE);
    assert_eq!(d.body, BODY);
    assert_eq!(d.fingerprint, seed.fingerprint);
    for (field, value) in [
        ("lede", &d.lede),
        ("section", &d.section),
        ("agency", &d.agency),
        ("dateline", &d.dateline),
        ("location", &d.location),
        ("translator", &d.translator),
    ] {
        assert_eq!(value, &None, "bare: {field}");
    }
    assert_eq!((d.published, d.updated), (None, None));
    assert!(d.authors.is_empty());
    assert_eq!(d.language.as_deref(), Some("fr"), "guessed from the text");
}

#[test]
fn nothing_outside_the_story_reaches_the_body() {
    let outside = [
        "Traduit",
        "Translated",
        "Mourad Belhaj",
        "Seulement une partie",
        "Contactez-nous",
        "Anadolu Agency website",
        "subscription",
        "Lire Aussi",
        "Related news",
        "NATO chief urges",
        "Blinken meets Lavrov",
        "paylaş",
        "Share this",
        "Ekip",
        "Mıse",
        "15.02.2022",
        "AA / Bruxelles",
        "Hoofdstedelijk",
    ];
    let mut names: Vec<String> = std::fs::read_dir(text_dir())
        .expect("tests/data/text is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in &names {
        let d = read(name);
        for p in d.body.iter().chain(d.lede.iter()).chain([&d.title]) {
            for marker in outside {
                assert!(!p.contains(marker), "{name}: {marker:?} in {p:?}");
            }
        }
    }
}

#[test]
fn other_plain_text_still_gives_a_dispatch() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "note.txt",
            "Un titre court\n\nUn paragraphe.\n\nUn autre.",
            &["Un paragraphe.", "Un autre."],
        ),
        (
            "wrapped.txt",
            "Le conseil municipal a voté mardi soir le budget de la ville, qui\nprévoit une hausse des investissements.\n\nLe maire s'en est félicité.",
            &[
                "Le conseil municipal a voté mardi soir le budget de la ville, qui prévoit une hausse des investissements.",
                "Le maire s'en est félicité.",
            ],
        ),
    ];
    for (name, text, body) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write fixture");
        let d = read_one(&path);
        assert_eq!(d.body, *body, "{name}");
        assert!(!d.title.is_empty(), "{name}");
        assert_eq!(d.format, Format::AgencyText, "{name}");
    }

    let path = dir.path().join("buttons.txt");
    std::fs::write(&path, "Bu haberi paylaşın\n\nA Lire Aussi\n").expect("write fixture");
    let (dispatches, errors) = depeche_ingest::read_file(&path, &Options::default());
    assert!(dispatches.is_empty());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind().reason(), "not-an-article");
}

/// Real French news as plain text (`title`, blank line, paragraphs): the title and every
/// paragraph come back, and no dateline is found in text that has none (the corpus has none).
#[test]
fn orangesum_articles_as_plain_text() {
    let Some(path) = depeche_tests::shared("corpus/orangesum-dev.jsonl.gz") else { return };
    let units = depeche_ingest::units(&path, &Options::default()).expect("corpus readable");
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("article.txt");
    let (mut articles, mut titles_ok, mut bodies_ok, mut datelines) = (0, 0, 0, Vec::new());
    // Every 20th article: about 1,750, spread over the whole corpus.
    for unit in units.step_by(20) {
        let Some(Ok(article)) = unit.expect("corpus line").parse().into_iter().next() else {
            continue;
        };
        if article.body.is_empty() {
            continue;
        }
        std::fs::write(&file, format!("{}\n\n{}\n", article.title, article.body.join("\n\n")))
            .expect("write article");
        let d = read_one(&file);
        articles += 1;
        titles_ok += usize::from(d.title == article.title);
        bodies_ok += usize::from(d.body == article.body);
        if let Some(city) = d.dateline {
            datelines.push((article.id, city, d.body[0].chars().take(60).collect::<String>()));
        }
    }
    eprintln!(
        "orangesum as text: {articles} articles, {titles_ok} titles and {bodies_ok} bodies intact, {} datelines",
        datelines.len()
    );
    assert!(articles > 1000, "{articles}");
    assert!(titles_ok * 100 >= articles * 99, "{titles_ok} of {articles} titles");
    assert!(bodies_ok * 100 >= articles * 99, "{bodies_ok} of {articles} bodies");
    assert!(datelines.len() * 1000 <= articles, "{datelines:?}");
}

/// The seed saved by word processors: RTF (code-page escapes, a `\u` escape for the Turkish
/// `ı`, font table, generator and document info), DOCX (a page header beside the body), ODT.
/// Each is the same dispatch as the text.
#[test]
fn word_processor_documents_read_as_the_text() {
    let text = read("aa-fr-2022-02-15-otan-russie.txt");
    for (name, format) in [
        ("aa-variant-rtf.rtf", Format::Rtf),
        ("aa-variant-docx.docx", Format::Docx),
        ("aa-variant-odt.odt", Format::Odt),
    ] {
        let doc = read(name);
        assert_eq!(doc.format, format, "{name}");
        assert_eq!(doc.title, TITLE, "{name}");
        assert_eq!(doc.lede.as_deref(), Some(LEDE), "{name}");
        assert_eq!(doc.body, BODY, "{name}");
        assert_eq!(fields(&doc), fields(&text), "{name}");
    }
}

/// Every field but where it came from (source, format, and what derives from the path).
fn fields(d: &Dispatch) -> serde_json::Value {
    let mut v = serde_json::to_value(d).unwrap();
    for k in ["source", "format", "id", "fingerprint", "story"] {
        v.as_object_mut().unwrap().remove(k);
    }
    v
}

#[test]
fn a_document_cut_short_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(text_dir().join("aa-variant-docx.docx")).unwrap();
    let path = dir.path().join("coupé.docx");
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let (ds, errors) = depeche_ingest::read_file(&path, &Options::default());
    assert!(ds.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("coupé.docx"), "{}", errors[0]);
    assert!(errors[0].to_string().contains("corrupt ZIP archive"), "{}", errors[0]);
}

/// Layouts of other agencies' wires: routing headers, slugs, datelines alone or without a
/// dash, sign-offs and time stamps are read, and none of them is left in title or body.
#[test]
fn other_wire_layouts() {
    let afp = read("wire-afp-routing.txt");
    assert_eq!(
        afp.title,
        "Budget: le gouvernement recourt au 49.3 pour faire adopter la partie recettes"
    );
    assert_eq!(afp.keywords, ["France-politique-budget"]);
    assert_eq!((afp.dateline.as_deref(), afp.agency.as_deref()), (Some("Paris"), Some("AFP")));
    assert_eq!(afp.published.map(|t| t.to_string()).as_deref(), Some("2023-10-18T00:00:00Z"));
    assert_eq!(afp.body.len(), 3, "{:?}", afp.body);
    assert!(afp.body.last().unwrap().starts_with("La France insoumise"));

    let belga = read("wire-belga.txt");
    assert_eq!(belga.title, "Le fédéral s'accorde sur la réforme des pensions");
    assert_eq!(belga.section.as_deref(), Some("Politique - Gouvernement fédéral"));
    assert_eq!(
        (belga.dateline.as_deref(), belga.agency.as_deref()),
        (Some("Bruxelles"), Some("Belga"))
    );
    assert_eq!(belga.body.len(), 2, "{:?}", belga.body);
    assert!(belga.body[0].starts_with("Le gouvernement fédéral est parvenu"));

    let ats = read("wire-ats.txt");
    assert_eq!(ats.title, "Le Conseil des Etats rejette l'initiative sur les primes");
    assert_eq!(ats.lede, None);
    assert_eq!((ats.dateline.as_deref(), ats.agency.as_deref()), (Some("Berne"), Some("ATS")));
    assert_eq!(ats.published.map(|t| t.to_string()).as_deref(), Some("2023-06-08T14:05:00Z"));
    assert_eq!(ats.body.len(), 3, "{:?}", ats.body);
    assert!(ats.body[2].starts_with("Le dossier retourne"));

    let untitled = read("wire-untitled.txt");
    assert!(untitled.title_derived);
    assert!(
        untitled
            .title
            .starts_with("Le président de la République, M. Abdelmadjid Tebboune, a reçu"),
        "{}",
        untitled.title
    );
    assert_eq!(untitled.body.len(), 2, "{:?}", untitled.body);
}

/// A dispatch forwarded by e-mail: the mail around it goes, its subject is the headline.
#[test]
fn forwarded_by_mail() {
    let d = read("mail-forwarded.txt");
    assert_eq!(d.title, "Séisme en Haïti");
    assert!(!d.title_derived);
    assert_eq!((d.dateline.as_deref(), d.agency.as_deref()), (Some("Port-au-Prince"), Some("AFP")));
    assert_eq!(d.body.len(), 2, "{:?}", d.body);
    assert!(d.body[1].starts_with("Le Premier ministre Ariel Henry"));
    let names: Vec<&str> = d.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ariel Henry"]);
}

/// A dispatch written in Markdown reads as the text it marks up.
#[test]
fn markdown_dispatch() {
    let d = read("markdown-note.md");
    assert_eq!(d.title, "Bordeaux : le pont Simone-Veil ouvre à la circulation");
    assert_eq!(d.authors, ["Lucie Garnier"]);
    assert_eq!(d.published.map(|t| t.to_string()).as_deref(), Some("2024-06-14T07:30:00Z"));
    let text = d.body.join("\n");
    for mark in ["#", "**", "](", "![", "> ", "Lire aussi"] {
        assert!(!text.contains(mark), "{mark:?} in {text}");
    }
    assert!(text.contains("conçu par l'agence OMA."), "{text}");
    assert!(d.persons.iter().any(|p| p.name == "Pierre Hurmic"));
    assert!(
        !d.persons.iter().any(|p| p.name == "Lucie Garnier"),
        "the author is no person of the story"
    );
}
