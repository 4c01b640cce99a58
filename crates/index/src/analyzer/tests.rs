//! Tests of the whole pipeline: tokenizers, positions, offsets, matching, registration.

use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

use super::*;

/// (text, position) of every token the registered analyzer `name` emits.
fn tokens(name: &str, text: &str) -> Vec<(String, usize)> {
    let manager = TokenizerManager::default();
    register(&manager);
    let mut analyzer: TextAnalyzer = manager.get(name).expect("registered");
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
        assert!(t.offset_from <= t.offset_to && t.offset_to <= text.len());
        out.push((t.text.clone(), t.position));
    }
    out
}

fn texts(name: &str, text: &str) -> Vec<String> {
    tokens(name, text).into_iter().map(|(t, _)| t).collect()
}

/// Keys of the French analysis, exact tokens left out.
fn keys(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|a| a.key).collect()
}

/// True if every word of `query` finds one of its variants among the keys of `doc`.
fn finds(query: &str, doc: &str) -> bool {
    let doc_keys: Vec<String> = keys(doc);
    let q = analyze(query);
    !q.is_empty() && q.iter().all(|w| query_variants(w).keys.iter().any(|k| doc_keys.contains(k)))
}

#[test]
fn french_tokens_positions_and_stacked_exact() {
    let got = tokens(FRENCH, "Les négociations de l'OTAN");
    assert_eq!(
        got,
        [("negoci".into(), 1), ("=negociations".into(), 1), ("otan".into(), 3)],
        "stop words leave gaps, the exact token shares the position"
    );
    let mut plain = TextAnalyzer::from(FrenchTokenizer::new(false));
    let mut stream = plain.token_stream("Les négociations de l'OTAN");
    let mut n = 0;
    while let Some(t) = stream.next() {
        assert!(!t.text.starts_with(EXACT_MARK));
        n += 1;
    }
    assert_eq!(n, 2, "no exact tokens when switched off");
}

#[test]
fn hyphens_make_consecutive_positions() {
    let got = tokens(FRENCH, "les États-Unis");
    let keys: Vec<(&str, usize)> = got
        .iter()
        .filter(|(t, _)| !t.starts_with(EXACT_MARK))
        .map(|(t, p)| (t.as_str(), *p))
        .collect();
    assert_eq!(keys, [("etat", 1), ("unis", 2)]);
    let names = tokens(NAME, "Jean-Pierre Raffarin");
    assert_eq!(names, [("jean".into(), 0), ("pierre".into(), 1), ("raffarin".into(), 2)]);
}

#[test]
fn offsets_point_into_the_original_text() {
    let text = "À l’Élysée, O.T.A.N. et prud'hommes aujourd'hui.";
    let got: Vec<&str> = analyze(text).iter().map(|a| &text[a.range.clone()]).collect();
    assert_eq!(got, ["Élysée", "O.T.A.N.", "prud'hommes", "aujourd'hui"]);
}

#[test]
fn elision_and_acronyms() {
    let table: &[(&str, &[&str])] = &[
        ("l'OTAN", &["otan"]),
        ("O.T.A.N.", &["otan"]),
        ("Otan", &["otan"]),
        ("l’O.N.U. et l'ONU", &["onu", "onu"]),
        ("U.E. UE", &["ue", "ue"]),
        ("d'Ukraine", &["ukrain"]),
        ("jusqu'à lorsqu'il", &[]),
        ("presqu'île", &["ile"]),
    ];
    for (text, want) in table {
        assert_eq!(keys(text), *want, "{text}");
    }
    assert_eq!(keys("aujourd'hui").len(), 1);
    assert_eq!(keys("aujourd'hui"), keys("aujourd’hui"));
    assert_eq!(keys("quelqu'un").len(), 1);
    assert_eq!(keys("prud'hommes"), keys("prud’homme"));
    // An acronym is never a stop word.
    assert_eq!(keys("S.A. sa"), ["sa"]);
}

#[test]
fn turkish_i_and_stop_words_before_folding() {
    assert_eq!(keys("İZMİR"), keys("izmir"));
    assert_eq!(keys("Diyarbakır"), keys("diyarbakir"));
    assert_eq!(keys("à a été était"), Vec::<String>::new());
    assert_eq!(keys("ete").len(), 1, "a typed `ete` is not the stop word `été`");
}

#[test]
fn accent_insensitive_matching() {
    let table = [
        ("negociations", "La négociation a échoué"),
        ("Négociations", "les négociations"),
        ("Serguei", "Sergueï Lavrov"),
        ("Elysee", "l'Élysée"),
        ("Etats-Unis", "les États-Unis"),
        ("etats", "ÉTATS"),
        ("l'Ukraine", "d'Ukraine"),
        ("d’Ukraine", "Ukraine"),
    ];
    for (query, doc) in table {
        assert!(finds(query, doc), "{query} should find {doc}");
    }
}

#[test]
fn no_conflation_of_unrelated_words() {
    let table = [
        ("châtiment", "un chat"),
        ("chat", "le châtiment"),
        ("français", "un franc"),
        ("franc", "les Français"),
        ("pêche", "un péché"),
        ("péché", "la pêche"),
        ("tâche", "une tache"),
        ("côte", "la cote"),
        ("mâle", "le mal"),
    ];
    for (query, doc) in table {
        assert!(!finds(query, doc), "{query} must not find {doc}");
    }
    let still = [
        ("français", "la française"),
        ("françaises", "un Français"),
        ("peche", "la pêche"),
        ("peche", "un péché"),
        ("pêche", "les pêches"),
        ("tache", "une tâche"),
        ("cote", "la côte"),
        ("male", "un mâle"),
    ];
    for (query, doc) in still {
        assert!(finds(query, doc), "{query} should find {doc}");
    }
}

#[test]
fn query_variants_of_unaccented_words() {
    let peche = &analyze("peche")[0];
    let v = query_variants(peche);
    assert!(v.keys.contains(&"pech".to_string()) && v.keys.contains(&"pêch".to_string()));
    assert_eq!(v.keys.len(), v.exacts.len());
    assert!(v.exacts.contains(&"=pêche".to_string()), "{v:?}");
    let accented = &analyze("pêche")[0];
    assert_eq!(query_variants(accented).keys, ["pêch"]);
    let ordinary = &analyze("maison")[0];
    assert_eq!(query_variants(ordinary).keys.len(), 1);
}

#[test]
fn exact_term_is_marked_or_the_key() {
    for a in analyze("Les négociations de l'OTAN à Washington, pêche") {
        if a.exact != a.key {
            assert!(a.exact.starts_with(EXACT_MARK), "{a:?}");
            assert!(!a.key.contains(EXACT_MARK));
        }
    }
    assert_eq!(analyze("OTAN")[0].exact, "otan");
}

#[test]
fn names_are_folded_transliterated_never_stemmed() {
    let n = |t: &str| analyze_names(t).into_iter().map(|a| a.key).collect::<Vec<_>>();
    assert_eq!(n("Pierre"), ["pierre"]);
    assert_eq!(n("Valéry Giscard d'Estaing"), ["valeri", "giscard", "estaing"]);
    assert_eq!(n("Sergueï"), n("Sergey"));
    assert_eq!(n("Sergueï"), n("Sergei"));
    assert_eq!(n("De La Fontaine"), ["de", "la", "fontaine"], "particles stay");
    assert_eq!(n("Dupont-Aignan"), ["dupont", "aignan"]);
    let t = texts(NAME, "Sergueï");
    assert_eq!(t, ["sergei", "=serguei"]);
    let p = tokens(NAME, "Jean-Marie Le Pen");
    assert_eq!(p.iter().map(|(_, pos)| *pos).collect::<Vec<_>>(), [0, 1, 2, 3]);
}

#[test]
fn keyword_analyzer_is_registered() {
    assert_eq!(texts(KEYWORD, "Fait-divers"), ["fait divers"]);
    assert_eq!(texts(KEYWORD, "fait divers"), ["fait divers"]);
    assert_eq!(keyword("Santé"), "sante");
}

#[test]
fn long_words_are_dropped_but_keep_their_position() {
    let long = "a".repeat(MAX_WORD_BYTES + 1);
    let text = format!("chat {long} chien");
    let got = tokens(FRENCH, &text);
    assert_eq!(got, [("chat".into(), 0), ("chien".into(), 2)]);
    let just = "b".repeat(MAX_WORD_BYTES);
    assert_eq!(tokens(FRENCH, &just).len(), 1);
}

#[test]
fn any_input_is_safe() {
    let mega = "é".repeat(1 << 19); // 1 MiB without a space
    let inputs = [
        String::new(),
        "\u{0}\u{1}\u{7f}\t\r\n".to_string(),
        "😀 👨‍👩‍👧 🇫🇷 مرحبا بالعالم עברית".to_string(),
        "e\u{301}\u{301}\u{301} \u{301}\u{302} \u{ad}\u{ad}".to_string(),
        "\u{202e}droite\u{202c} \u{feff}bom".to_string(),
        mega,
        "l'".repeat(50_000),
        "'''’’’".to_string(),
        "A.".repeat(1000),
        "İ".repeat(1000),
    ];
    for text in &inputs {
        for name in [FRENCH, NAME, KEYWORD] {
            let _ = tokens(name, text);
        }
        let _ = analyze(text);
        let _ = analyze_names(text);
    }
}

#[test]
fn tantivy_phrase_queries_line_up() {
    use tantivy::collector::Count;
    use tantivy::query::QueryParser;
    use tantivy::schema::{IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
    use tantivy::{Index, doc};

    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(FRENCH)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let body = builder
        .add_text_field("body", TextOptions::default().set_indexing_options(indexing) | STORED);
    let index = Index::create_in_ram(builder.build());
    register(index.tokenizers());
    let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
    writer.add_document(doc!(body => "Le président des États-Unis arrive à l'Élysée.")).unwrap();
    writer.add_document(doc!(body => "Les Unis et les États")).unwrap();
    writer.add_document(doc!(body => "Le châtiment du chat")).unwrap();
    writer.commit().unwrap();
    let searcher = index.reader().unwrap().searcher();
    let parser = QueryParser::for_index(&index, vec![body]);
    let count = |q: &str| searcher.search(&parser.parse_query(q).unwrap(), &Count).unwrap();
    assert_eq!(count("Etats-Unis"), 1, "a phrase: only the first document");
    assert_eq!(count("\"président des Etats\""), 1, "stop-word gaps line up");
    assert_eq!(count("Elysee"), 1);
    assert_eq!(count("chat"), 1);
    assert_eq!(count("chatiment"), 1);
}

#[test]
fn analyze_agrees_with_the_tokenizers() {
    let texts = [
        "Les négociations de l'OTAN à Washington ont échoué aujourd'hui.",
        "Sergueï Lavrov, d’après l'O.N.U., « pêche » et péché : États-Unis, 2020-2021.",
        "İZMİR Straße œuvre e\u{301}te\u{301} 😀 long-mot-composé-très-très-très-très-très-long",
    ];
    for text in texts {
        let fr = TextAnalyzer::from(FrenchTokenizer::new(true));
        assert_eq!(indexed_tokens(fr, text), tokens_of(analyze(text)), "{text}");
        let names = TextAnalyzer::from(NameTokenizer::default());
        assert_eq!(indexed_tokens(names, text), tokens_of(analyze_names(text)), "{text}");
    }
}

/// Real text, and the words where analysis could change a first letter: elisions, acronyms,
/// ligatures, capital accents, digits, other scripts.
fn initial_samples() -> Vec<&'static str> {
    vec![
        include_str!("../../../../tests/data/text/aa-fr-2022-02-15-otan-russie.txt"),
        include_str!("../../../../tests/data/dispatches/orangesum-10079.html"),
        include_str!("../../../../tests/data/dispatches/orangesum-24585.html"),
        "l'OTAN d’Ukraine qu'elle jusqu'à aujourd'hui O.T.A.N. S.A. Œuvre œil Æsop Élysée \
         États-Unis ÇA Ÿves yeux Yémen 2022 1er Μόσχα Москва İstanbul ıspanak Ébola \
         Jean-Pierre quelqu'un presqu'île l’« Écho » 'guillemets' ’Aïcha’",
    ]
}

#[test]
fn a_words_initial_is_its_keys_first_byte() {
    let (mut a, mut b, mut lower) = (String::new(), String::new(), String::new());
    let mut checked = 0;
    for text in initial_samples() {
        for w in Words::new(text, true) {
            if w.end - w.start > MAX_WORD_BYTES {
                continue;
            }
            lower.clear();
            lower_word(text, w, &mut lower);
            let Some(i) = initial(text, w, &mut a, &mut b) else { continue };
            cache::with_entry(&lower, |e| {
                let exact = e.exact.map(|x| x.strip_prefix(EXACT_MARK).unwrap_or(x));
                for key in std::iter::once(e.key).chain(exact) {
                    let span = &text[w.start..w.end];
                    assert_eq!(key.bytes().next(), Some(i), "{span:?} -> {key:?}");
                }
            });
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn highlighting_among_initials_finds_what_full_analysis_finds() {
    for text in initial_samples() {
        let all = analyze(text);
        for wanted in [vec!["otan", "=ukraine"], vec!["russ", "lavrov", "etat"], vec!["a"]] {
            let init = Initials::of(wanted.iter().copied());
            let expected: Vec<(usize, usize)> = all
                .iter()
                .filter(|a| wanted.contains(&a.key.as_str()) || wanted.contains(&a.exact.as_str()))
                .map(|a| (a.range.start, a.position))
                .collect();
            let mut got = Vec::new();
            for_each_word_among(text, &init, |w| {
                if wanted.contains(&w.key) || wanted.contains(&w.exact) {
                    got.push((w.start, w.position));
                }
            });
            assert_eq!(got, expected, "{wanted:?}");
        }
    }
    assert!(!analyze("Sergueï Lavrov").is_empty());
}

type Tok = (std::ops::Range<usize>, usize, String);

/// (offsets, position, text) of every token `analyzer` indexes.
fn indexed_tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<Tok> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push((t.offset_from..t.offset_to, t.position, t.text.clone()));
    }
    out
}

/// The same from an `analyze*` result: the key, then the exact form where it differs.
fn tokens_of(analyzed: Vec<Analyzed>) -> Vec<Tok> {
    let mut out = Vec::new();
    for a in analyzed {
        out.push((a.range.clone(), a.position, a.key.clone()));
        if a.exact != a.key {
            out.push((a.range, a.position, a.exact));
        }
    }
    out
}
