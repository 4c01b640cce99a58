//! Press database exports (Factiva, Europresse): one dispatch per article, the database's
//! codes and notices out of the text.

use std::path::{Path, PathBuf};

use depeche_ingest::{Dispatch, Error, Format, Options, Source};

fn press_dir() -> PathBuf {
    depeche_tests::data_dir().join("press")
}

fn read(name: &str) -> (PathBuf, Vec<Dispatch>, Vec<Error>) {
    let path = press_dir().join(name);
    let (dispatches, errors) = depeche_ingest::read_file(&path, &Options::default());
    (path, dispatches, errors)
}

fn ts(t: Option<impl ToString>) -> Option<String> {
    t.map(|t| t.to_string())
}

fn source(path: &Path, record: u64) -> Source {
    Source { path: depeche_ingest::path_key(path), record: Some(record) }
}

/// No database code, notice or trailer left in any text field.
fn assert_clean(d: &Dispatch) {
    let text = std::iter::once(d.title.as_str())
        .chain(d.lede.as_deref())
        .chain(d.body.iter().map(String::as_str));
    for t in text {
        for mark in [
            "HD  ",
            "TD  ",
            "LP  ",
            "AN  ",
            "Document ",
            "©",
            "(c)",
            "Certificat",
            "news·",
            "mots",
            "words",
            "Note(s)",
            "Illustration",
            "Cet article est paru",
        ] {
            assert!(!t.contains(mark), "{mark:?} in {t:?}");
        }
    }
}

#[test]
fn factiva_articles_field_by_field() {
    let (path, ds, errors) = read("factiva-trois-articles.txt");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ds.len(), 3);

    let d = &ds[0];
    assert_eq!(d.format, Format::Factiva);
    assert_eq!(d.source, source(&path, 1));
    assert_eq!(d.id, "FIG0000020240312ek3c0000x");
    assert_eq!(d.title, "Les agriculteurs maintiennent la pression sur le gouvernement");
    assert!(!d.title_derived);
    assert_eq!(
        d.lede.as_deref(),
        Some(
            "Les principaux syndicats agricoles ont appelé mardi à de nouvelles actions dans toute la France, faute d'annonces jugées suffisantes."
        )
    );
    assert_eq!(
        d.body,
        [
            "Le président de la FNSEA, Arnaud Rousseau, a estimé que « le compte n'y est pas ».",
            "Le gouvernement doit présenter jeudi un projet de loi d'orientation agricole.",
            "Le ministre de l'Agriculture a promis des mesures de simplification dès avril, mais les éleveurs du Grand Ouest réclament d'abord un meilleur partage de la valeur.",
            "Des blocages sont prévus autour de Paris et de Lyon.",
        ]
    );
    assert_eq!(d.authors, ["Claire Moreau", "Julien Petit"]);
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-12T18:20:00Z"));
    assert_eq!(d.updated, None);
    assert_eq!(d.agency.as_deref(), Some("Le Figaro"), "the paper stands for the agency");
    assert_eq!(d.section, None);
    assert_eq!(d.language.as_deref(), Some("fr"));
    assert_eq!(
        d.keywords,
        [
            "Le Figaro",
            "Agriculture",
            "Politique intérieure",
            "Politique/Général",
            "France",
            "Europe",
            "Manifestations",
        ]
    );
    assert_eq!(d.dateline, None);
    assert_eq!(d.translator, None);
    assert_eq!(d.url, None);
    assert_clean(d);

    // An agency's dispatch: the source is the agency, the dateline is read from the lede.
    let d = &ds[1];
    assert_eq!(d.source, source(&path, 2));
    assert_eq!(d.id, "AFPFR00020240313ek3d004xq");
    assert_eq!(d.title, "Grève à la SNCF : le trafic des TGV fortement perturbé jeudi");
    assert_eq!(
        d.lede.as_deref(),
        Some(
            "PARIS, 13 mars 2024 (AFP) - La SNCF prévoit un TGV sur deux jeudi en raison d'un mouvement social des contrôleurs, a annoncé mercredi la direction."
        )
    );
    assert_eq!(
        d.body,
        [
            "Les trains Intercités seront également touchés, avec un train sur trois en moyenne.",
            "La direction invite les voyageurs à reporter leur déplacement.",
        ]
    );
    assert!(d.authors.is_empty());
    assert_eq!(d.agency.as_deref(), Some("AFP"));
    assert_eq!(d.dateline.as_deref(), Some("Paris"));
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-13T07:45:00Z"));
    assert_eq!(d.keywords, ["Politique/Général", "Travail", "France"]);
    assert_clean(d);

    // English interface: English date and time, `LA French`, a section field.
    let d = &ds[2];
    assert_eq!(d.source, source(&path, 3));
    assert_eq!(d.id, "OUESTF0020240311ek3b000g1");
    assert_eq!(d.title, "Nantes : le chantier du nouveau pont sur la Loire prend du retard");
    assert_eq!(d.section.as_deref(), Some("Régions"));
    assert_eq!(d.authors, ["Yann Le Gall"]);
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-11T18:05:00Z"));
    assert_eq!(d.language.as_deref(), Some("fr"));
    assert_eq!(
        d.lede.as_deref(),
        Some("Les travaux du pont reliant l'île de Nantes à Rezé ne s'achèveront pas avant 2026.")
    );
    assert_eq!(d.body.len(), 2);
    assert_eq!(d.keywords, ["Ouest-France", "France"]);
    assert_eq!(d.agency.as_deref(), Some("Ouest-France"));
    assert_clean(d);
}

#[test]
fn factiva_damaged_article_is_reported_and_the_others_read() {
    let (path, ds, errors) = read("factiva-article-abime.txt");
    let titles: Vec<&str> = ds.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Budget : Bercy cherche dix milliards d'euros d'économies",
            "Le CAC 40 termine en hausse, porté par le luxe"
        ]
    );
    assert_eq!(ds[0].source, source(&path, 1));
    assert_eq!(ds[1].source, source(&path, 3));
    assert_eq!(ds[1].lede, None);
    assert_eq!(
        ds[1].body,
        ["La Bourse de Paris a gagné 0,8 % mardi, les valeurs du luxe menant la séance."]
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].record_number(), Some(2));
    assert_eq!(errors[0].kind().reason(), "not-an-article");
    let message = errors[0].to_string();
    assert!(message.contains("factiva-article-abime.txt:2"), "{message}");
}

#[test]
fn europresse_articles_field_by_field() {
    let (path, ds, errors) = read("europresse-trois-articles.txt");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ds.len(), 3);

    let d = &ds[0];
    assert_eq!(d.format, Format::Europresse);
    assert_eq!(d.source, source(&path, 1));
    assert_eq!(d.id, "news·20240312·LM·2024031208x001");
    assert_eq!(d.title, "Les agriculteurs maintiennent la pression");
    assert_eq!(
        d.lede.as_deref(),
        Some("Le gouvernement présentera jeudi son projet de loi d'orientation agricole.")
    );
    assert_eq!(
        d.body,
        [
            "Les principaux syndicats agricoles ont appelé mardi à de nouvelles actions dans toute la France.",
            "Le président de la FNSEA a estimé que « le compte n'y est pas ». Il a demandé un calendrier précis pour les mesures de simplification promises en février.",
            "Cet article a été mis à jour mardi à 20 heures.",
        ]
    );
    assert_eq!(d.authors, ["Cécile Ducourtieux", "Marc Aubert"]);
    assert_eq!(d.section.as_deref(), Some("Économie"));
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-12T00:00:00Z"));
    assert_eq!(d.agency.as_deref(), Some("Le Monde"));
    assert_eq!(d.keywords, ["Le Monde"]);
    assert_eq!(d.language.as_deref(), Some("fr"));
    assert_clean(d);

    // Date, section and word count on lines of their own; a byline with a place and role.
    let d = &ds[1];
    assert_eq!(d.source, source(&path, 2));
    assert_eq!(d.id, "news·20240312·FI·a1b2c3d4e5");
    assert_eq!(d.title, "Le prix du gazole repasse sous les 1,80 euro");
    assert_eq!(d.lede, None);
    assert_eq!(d.authors, ["Benjamin Roux"]);
    assert_eq!(d.section.as_deref(), Some("Économie"));
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-12T00:00:00Z"));
    assert_eq!(d.keywords, ["Le Figaro"]);
    assert_eq!(
        d.body,
        [
            "Le prix moyen du litre de gazole a reculé de trois centimes en une semaine, selon les relevés du ministère de la Transition énergétique.",
            "Les distributeurs attribuent cette baisse au repli du baril de brent.",
        ]
    );
    assert_clean(d);

    // After a separator line: an agency's dispatch, no byline, no certificate.
    let d = &ds[2];
    assert_eq!(d.source, source(&path, 3));
    assert_eq!(d.id, "news·20240313·AFP·x7y8z9");
    assert_eq!(d.title, "Gaza : l'ONU alerte sur un risque de famine");
    assert_eq!(d.agency.as_deref(), Some("AFP"));
    assert_eq!(d.section.as_deref(), Some("International"));
    assert_eq!(d.dateline.as_deref(), Some("Beyrouth"));
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-13T00:00:00Z"));
    assert!(d.authors.is_empty());
    assert!(d.keywords.is_empty());
    assert_eq!(d.body.len(), 2);
    assert!(d.body[0].starts_with("BEYROUTH, 13 mars 2024 (AFP) - Le Programme"), "{:?}", d.body);
    assert_clean(d);
}

#[test]
fn europresse_damaged_article_is_reported_and_the_others_read() {
    let (path, ds, errors) = read("europresse-article-abime.txt");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].title, "IVG : le Congrès réuni à Versailles");
    assert_eq!(ds[0].authors, ["Laure Bretton"]);
    assert_eq!(ds[0].source, source(&path, 1));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].record_number(), Some(2));
    assert!(errors[0].to_string().contains("europresse-article-abime.txt:2"), "{}", errors[0]);
}

/// Nothing of the story is lost: every line of text of the export is in some dispatch.
#[test]
fn no_text_is_lost() {
    for (name, story_lines) in [
        (
            "factiva-trois-articles.txt",
            ["des mesures de simplification dès avril", "passerelle provisoire"],
        ),
        (
            "europresse-trois-articles.txt",
            ["pour les mesures de simplification", "repli du baril de brent"],
        ),
    ] {
        let (_, ds, _) = read(name);
        let all: String = ds.iter().map(|d| d.body_text()).collect::<Vec<_>>().join("\n");
        for l in story_lines {
            assert!(all.contains(l), "{name}: {l:?}");
        }
    }
}

/// The plain-text fixtures are no press exports, and an ordinary story quoting one mark
/// (a copyright line) stays plain text.
#[test]
fn plain_text_is_not_taken_for_an_export() {
    let text_dir = depeche_tests::data_dir().join("text");
    let mut n = 0;
    for entry in std::fs::read_dir(&text_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        n += 1;
        for unit in depeche_ingest::units(&path, &Options::default()).unwrap() {
            let format = unit.unwrap().format();
            assert!(
                !matches!(format, Format::Factiva | Format::Europresse),
                "{}: {format}",
                path.display()
            );
        }
    }
    assert!(n >= 10, "{n} text fixtures");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.txt");
    std::fs::write(
        &path,
        "Le Monde\nmardi 12 mars 2024\n\nUn titre\n\nLA suite du texte, 612 mots.\n\n© 2024 Le Monde. Tous droits réservés.\n",
    )
    .unwrap();
    let (ds, _) = depeche_ingest::read_file(&path, &Options::default());
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].format, Format::AgencyText);
}

#[test]
fn europresse_html_articles() {
    let (path, ds, errors) = read("europresse-deux-articles.html");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ds.len(), 2);
    let d = &ds[0];
    assert_eq!(d.format, Format::Europresse);
    assert_eq!(d.source, source(&path, 1));
    assert_eq!(d.id, "news·20240313·LM·2024031311x004");
    assert_eq!(d.title, "Gaza : l'ONU alerte sur un risque de famine");
    assert_eq!(d.authors, ["Benjamin Barthe"]);
    assert_eq!(d.section.as_deref(), Some("International"));
    assert_eq!(ts(d.published).as_deref(), Some("2024-03-13T00:00:00Z"));
    assert_eq!(d.keywords, ["Le Monde"]);
    assert_eq!(d.agency.as_deref(), Some("Le Monde"));
    assert_eq!(
        d.body,
        [
            "Le Programme alimentaire mondial a averti mardi que la famine était « imminente » dans le nord de la bande de Gaza.",
            "Selon la directrice de l'agence, « chaque jour compte ».",
        ]
    );
    assert_clean(d);
    let d = &ds[1];
    assert_eq!(d.source, source(&path, 2));
    assert_eq!(d.id, "news·20240313·SO·b0rd34ux");
    assert_eq!(d.title, "Bordeaux : le tramway D prolongé jusqu'à Saint-Médard");
    assert_eq!(d.authors, ["Hélène Dufour"]);
    assert_eq!(d.section.as_deref(), Some("Gironde"));
    assert_eq!(d.keywords, ["Sud Ouest"]);
    assert_eq!(d.body.len(), 2);
    assert_clean(d);
}
