//! IPTC NITF, NewsML 1.x and NewsML-G2 items: the 48 shared samples against what their README
//! says a correct ingest extracts, the committed fixtures without the shared data, and bad input.
//!
//! Where the README counts only `<p>`, the expected counts here follow the reader's documented
//! rules: `hl2`/`h2` subheads and table rows are paragraphs of their own; a first paragraph that
//! repeats the headline or the byline, a trailing sign-off (`asl/tib/pid/cac`, `==Kyodo`) and a
//! trailing copyright line are not body; a description that repeats body text is not a lede.

use std::path::Path;

use depeche_ingest::{ErrorKind, Format, Options, read_file};
use depeche_tests::{data_dir, shared};

/// What one sample must give. `None` means "not checked".
struct Want {
    /// Path under `samples/iptc/`.
    file: &'static str,
    /// The reason of the `NotAnArticle` error the file must give, as a prefix.
    skipped: Option<&'static str>,
    title: Option<&'static str>,
    lede: Option<Option<&'static str>>,
    dateline: Option<Option<&'static str>>,
    body_len: Option<usize>,
    /// Prefixes of the first and last body paragraphs.
    first: Option<&'static str>,
    last: Option<&'static str>,
    published: Option<&'static str>,
    updated: Option<Option<&'static str>>,
    version: Option<Option<u32>>,
    language: Option<&'static str>,
    authors: Option<&'static [&'static str]>,
    agency: Option<&'static str>,
    location: Option<&'static str>,
    keywords: &'static [&'static str],
    /// Paragraphs that must be in the body (prefixes).
    paragraphs: &'static [&'static str],
    /// Text that must appear nowhere in title, lede or body.
    absent: &'static [&'static str],
}

const W: Want = Want {
    file: "",
    skipped: None,
    title: None,
    lede: None,
    dateline: None,
    body_len: None,
    first: None,
    last: None,
    published: None,
    updated: None,
    version: None,
    language: None,
    authors: None,
    agency: None,
    location: None,
    keywords: &[],
    paragraphs: &[],
    absent: &[],
};

const WANTS: &[Want] = &[
    // --- The five French items.
    Want {
        file: "newsml-1.2/superdesk-core__afp20.xml",
        title: Some("Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée"),
        dateline: Some(Some("Strasbourg")),
        body_len: Some(2),
        first: Some("L'opératrice du Samu condamnée pour non-assistance"),
        last: Some("L'opératrice, Corinne M."),
        published: Some("2024-07-10T12:59:02Z"),
        updated: Some(None),
        version: Some(Some(1)),
        language: Some("fr"),
        agency: Some("AFP"),
        keywords: &["procès-santé-secours"],
        paragraphs: &[
            "L'opératrice du Samu condamnée pour non-assistance à personne en danger après avoir raillé au téléphone Naomi Musenga, jeune femme de 22 ans décédée peu après à l'hôpital, a décidé de ne pas faire appel, s'est félicité mercredi l'avocat de la famille Musenga., avait été",
        ],
        absent: &["Ã©", "Ã¨"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__afp_belga.xml",
        title: Some(
            "France: deux ex-policiers aux frontières devant la justice pour trafic de cocaïne",
        ),
        dateline: Some(Some("Paris")),
        body_len: Some(9),
        first: Some("Le procès de deux anciens fonctionnaires de la police aux frontières (PAF)"),
        last: Some("Le verdict est attendu le 7 février."),
        published: Some("2019-01-21T10:42:33Z"),
        updated: Some(Some("2019-01-21T10:42:34Z")),
        version: Some(Some(1)),
        language: Some("fr"),
        agency: Some("AFP"),
        location: Some("Paris"),
        keywords: &["France-procès-assises-drogues-police", "procès", "drogues"],
        absent: &["asl/tib/pid/cac"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__ats_newsml_1_2_belga.xml",
        title: Some("Un taureau entre dans un magasin à Landquart (GR)"),
        dateline: Some(Some("Landquart GR")),
        body_len: Some(3),
        first: Some(
            "Un taureau âgé d'un an est entré dans un magasin Denner lundi à Landquart (GR).",
        ),
        last: Some("Le jeune taureau s'est ensuite dirigé vers Maienfeld (GR)."),
        published: Some("2019-06-03T15:47:29Z"),
        version: Some(Some(1)),
        language: Some("fr"),
        authors: Some(&["lm", "me", "hl"]),
        agency: Some("ATS"),
        keywords: &["Animaux"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__belga_newsml_1_2_video.xml",
        title: Some("Le bureau fédéral de la FGTB acte l'éviction du président Robert Vertenueil"),
        body_len: Some(1),
        first: Some(
            "TRADE UNIONS FGTB ABVV CHAIRMAN DEBATE 00:00:00:00 - 00:00:32:04 ABVV/FGTB socialist union",
        ),
        published: Some("2020-06-09T12:02:04Z"),
        updated: Some(Some("2020-06-09T15:23:12Z")),
        version: Some(Some(12)),
        authors: Some(&["MWE"]),
        agency: Some("Belga"),
        location: Some("BRUXELLES"),
        keywords: &["SYNDICATS", "BELGAINSERT", "RUSHES"],
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-cp__globenewswire_fr.xml",
        title: Some(
            "CORRECTION ET MISE À JOUR - Les réseaux mobiles dans les régions rurales au Canada sont parmi les plus rapides au monde",
        ),
        // The description is a truncated copy of the sixth paragraph.
        lede: Some(None),
        dateline: Some(Some("Toronto")),
        body_len: Some(16),
        first: Some("Le communiqué suivant corrige et remplace le communiqué de presse intitulé"),
        published: Some("2020-05-26T15:31:00Z"),
        version: Some(Some(1)),
        language: Some("fr"),
        agency: Some("GlobeNewswire"),
        location: Some("Vancouver, BC, Canada"),
        keywords: &["TSX:T", "NYSE:TU"],
        paragraphs: &["TORONTO, 26 mai 2020 (GLOBE NEWSWIRE) -- Les vitesses de téléchargement"],
        ..W
    },
    // --- NewsML-G2.
    Want {
        file: "newsml-g2/iptc-newsml-g2__LISTING_1_A_NewsML-G2_News_Item.xml",
        title: Some("Fed to halt QE to avert \"bubble\""),
        body_len: Some(0),
        published: Some("2016-10-18T18:12:21Z"),
        updated: Some(Some("2018-10-21T21:25:32Z")),
        version: Some(Some(11)),
        location: Some("Berlin"),
        keywords: &["US-Finance-Fed"],
        absent: &["EMBARGOED"],
        ..W
    },
    Want {
        file: "newsml-g2/iptc-newsml-g2__LISTING_2_NewsML-G2_Text_Document.xml",
        title: Some("Fed to halt QE to avert \"bubble\""),
        body_len: Some(2),
        first: Some("(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet"),
        published: Some("2016-11-21T20:21:06Z"),
        updated: Some(Some("2018-11-21T21:25:32Z")),
        version: Some(Some(11)),
        authors: Some(&["Meredith Jameson"]),
        location: Some("New York, NY"),
        absent: &["Staff Reporter"],
        ..W
    },
    Want {
        file: "newsml-g2/iptc-newsml-g2__LISTING_6_Simple_NewsML-G2_Package.xml",
        skipped: Some("package of 2 item references"),
        ..W
    },
    Want {
        file: "newsml-g2/iptc-newsml-g2__LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
        title: Some(
            "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.",
        ),
        // The summary repeats the first paragraph.
        lede: Some(None),
        body_len: Some(6),
        first: Some("(Sports Network) - A pair of teams coming off big weekend sweeps"),
        last: Some("Right-hander Freddy Garcia takes the hill for the Phillies"),
        published: Some("2016-10-19T16:15:00Z"),
        version: Some(Some(11)),
        authors: Some(&[]),
        keywords: &["AAV!PREVIEW-ARI-PHI"],
        ..W
    },
    Want {
        file: "newsml-g2/iptc-newsml-g2__LISTING_29_Hop_History.xml",
        skipped: Some("no headline and no text"),
        ..W
    },
    Want {
        file: "newsml-g2/iptc-python-newsmlg2__008_roundtrip_test.xml",
        title: Some("Fed to halt QE to avert \"bubble\""),
        lede: Some(Some(
            "A pair of teams coming off big weekend sweeps will square off Tonight at Citizens Bank Park, where the Philadelphia Phillies welcome the Arizona Diamondbacks for the start of a three-game series.",
        )),
        body_len: Some(1),
        first: Some("(Sports Network) - With the Philadelphia Phillies picking up momentum"),
        updated: Some(Some("2018-10-21T21:25:32Z")),
        version: Some(Some(11)),
        keywords: &["US-Finance-Fed"],
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__with_dateline.xml",
        title: Some("DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?"),
        // The teaser description is the first paragraph: kept there, not as a lede.
        lede: Some(None),
        dateline: Some(Some("New York")),
        body_len: Some(16),
        first: Some("Dass ein Start-up aus China sein KI-Modell günstig trainierte"),
        last: Some("Der DeepSeek-Schock zog auch andere Aktien in Mitleidenschaft."),
        published: Some("2025-01-28T08:18:34Z"),
        version: Some(Some(2)),
        language: Some("de"),
        authors: Some(&["Andrej Sokolow"]),
        agency: Some("dpa"),
        paragraphs: &[
            "New York (dpa) - Ein Chatbot aus China schockt die Wall Street",
            "Kalte Füße an der Wall Street",
        ],
        absent: &[
            "nicht zur Veröffentlichung",
            "+49",
            "sokolow.andrej@dpa.com",
            "Notizblock",
            "Künstliche Intelligenz Dass",
        ],
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__dw-1.xml",
        title: Some("«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz"),
        dateline: Some(Some("Waghäusel")),
        body_len: Some(20),
        last: Some("Das sei nicht nur Aufgabe der Frauen, betont Aboyan."),
        version: Some(Some(2)),
        authors: Some(&["Marco Krefting", "Sunrita Sen"]),
        agency: Some("dpa"),
        absent: &["nicht zur Veröffentlichung", "Richtig ist aber das Jahr 1997"],
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__eil.xml",
        title: Some("Grünen-Spitze tritt nach Wahlniederlagen ab"),
        dateline: Some(Some("Berlin")),
        body_len: Some(1),
        first: Some("Berlin (dpa) - Die Grünen-Spitze zieht nach den Misserfolgen"),
        published: Some("2024-09-25T08:37:24Z"),
        version: Some(Some(1)),
        authors: Some(&[]),
        agency: Some("dpa"),
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__embargoed.xml",
        title: Some("Steinmeier: Russland zerstört kulturelles Erbe der Ukraine"),
        dateline: Some(Some("Berlin")),
        body_len: Some(9),
        first: Some("Eine Ausstellung in Berlin zeigt"),
        last: Some("Danach soll sie im Kurpfälzischen Museum"),
        published: Some("2025-01-23T13:10:47Z"),
        absent: &["Bitte beachten Sie die Sperrfrist"],
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__empty_paragraph.xml",
        title: Some(
            "AMP.- O.Próximo.- Netanyahu acusa al TPI de actuar por \"odio antisemita\" hacia Israel al ordenar su arresto",
        ),
        dateline: Some(Some("Madrid")),
        // 22 <p>, the first repeating the headline.
        body_len: Some(21),
        first: Some("MADRID, 21 Nov. 2024 (Europa Press) -"),
        last: Some("El TPI, ha apuntado"),
        published: Some("2024-11-21T14:35:06Z"),
        language: Some("es"),
        agency: Some("Europa Press"),
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__no_notepad.xml",
        title: Some("Shares in India's Adani Group plunge 20% after US bribery, fraud indictments"),
        body_len: Some(22),
        first: Some("One of Asia\u{2019}s richest men"),
        published: Some("2024-11-21T10:13:20Z"),
        version: Some(Some(4)),
        language: Some("en"),
        authors: Some(&["Ashok Sharma"]),
        agency: Some("AP"),
        location: Some("New Delhi"),
        absent: &["CORRECTS"],
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__spe_tab.xml",
        title: Some("Ergebnisse und Tabelle Fußball-Bundesliga, Männer"),
        first: Some("6. Spieltag:"),
        published: Some("2024-10-06T19:30:20Z"),
        version: Some(Some(33)),
        dateline: Some(None),
        paragraphs: &["Nächste Spiele:", "1. Bayern München 6 4 2 0 +13 20:7 14"],
        ..W
    },
    Want {
        file: "newsml-g2/dpa-newslab-dpa-digitalwires-to-newsmlg2__rubix_multimedia_real.xml",
        title: Some("Israel greift erneut südliche Vororte Beiruts an"),
        dateline: Some(Some("Tel Aviv/Beirut")),
        body_len: Some(20),
        published: Some("2024-10-22T08:33:06Z"),
        agency: Some("dpa"),
        absent: &[
            "Tote bei israelischem Luftangriff auf Auto in Damaskus",
            "nicht zur Veröffentlichung",
        ],
        ..W
    },
    Want {
        file: "newsml-g2/apa-it-xml-newsml-g2__NewsItem_Text_2.28.xml",
        title: Some("Saisonstart im Schweizerhaus: Run aufs Krügerl im Prater"),
        // No <p>: the XHTML holds h1 (the headline, dropped) and h2 (the subtitle).
        body_len: Some(1),
        first: Some("Großer Andrang am Eröffnungstag"),
        published: Some("2012-03-15T08:09:00Z"),
        updated: Some(None),
        version: Some(Some(1)),
        language: Some("de"),
        agency: Some("APA"),
        location: Some("Wien"),
        keywords: &["beer", "prater"],
        ..W
    },
    Want {
        file: "newsml-g2/apa-it-xml-newsml-g2__PackageItemSlideshow.xml",
        skipped: Some("package of 10 item references"),
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-core__tag_reuters.com_2014_newsml_KBN0FL0NN_version_5.xml",
        title: Some("Confident Assad launches new term in stronger position"),
        dateline: Some(Some("Damascus")),
        // 26 non-empty <p>, the first repeating the byline.
        body_len: Some(25),
        first: Some("DAMASCUS (Reuters) - Bashar al-Assad was sworn in"),
        last: Some("(Additional reporting by"),
        published: Some("2014-07-16T08:10:15Z"),
        updated: Some(Some("2014-07-16T15:53:10Z")),
        version: Some(Some(5)),
        authors: Some(&["Marwan Makdisi"]),
        agency: Some("Reuters"),
        keywords: &["US-SYRIA-CRISIS-ASSAD"],
        absent: &["This is editorial note."],
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-core__tag_reuters.com_2014_newsml_KBN0FL0NM_version_10.xml",
        skipped: Some("package of 5 item references"),
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-core__tag_reuters.com_2018_newsml_MTZXEE13ZXCZES_2.xml",
        title: Some("UPDATE 2-Primeira Liga Results"),
        first: Some("Jan 3 (OPTA) - Results and fixtures for the Primeira Liga on Wednesday"),
        published: Some("2018-01-03T20:13:08Z"),
        version: Some(Some(2)),
        agency: Some("Opta Sports Data"),
        keywords: &["SOCCER-PORTUGAL/RESULTS (UPDATE 2)"],
        absent: &["&#237;"],
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-core__ansa-newsmlg2-text.xml",
        title: Some("Catalan independence declaration unacceptable - Alfano"),
        lede: Some(Some("Foreign minister expresses faith in Spanish government")),
        body_len: Some(1),
        first: Some(
            "(ANSA) - Rome, October 11 - Italian Foreign Minister Angelino Alfano has said that the Catalan independence declaration is unacceptable. \"Unacceptable",
        ),
        published: Some("2017-10-11T09:41:00Z"),
        version: Some(Some(1)),
        agency: Some("ANSA"),
        location: Some("Rome"),
        absent: &["<p>", "</p>"],
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-core__stt1.xml",
        title: Some("Mikko Moilanen siirtyy Revenion toimitusjohtajaksi"),
        dateline: Some(Some("Helsinki")),
        body_len: Some(4),
        first: Some(
            "Diplomi-insinööri Mikko Moilanen siirtyy terveysteknologiayhtiö Revenio Groupin",
        ),
        published: Some("2019-04-15T11:12:24Z"),
        updated: Some(Some("2019-04-15T13:49:15Z")),
        version: Some(Some(2)),
        agency: Some("STT"),
        absent: &["lopusta"],
        ..W
    },
    Want {
        file: "newsml-g2/superdesk-core__scoop.xml",
        title: Some(
            "Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale",
        ),
        body_len: Some(9),
        first: Some("By Jonathan Underhill"),
        last: Some("(BusinessDesk)"),
        published: Some("2016-01-12T12:35:40Z"),
        version: Some(Some(3)),
        authors: Some(&[]),
        ..W
    },
    // --- NewsML 1.x.
    Want {
        file: "newsml-1.2/superdesk-core__afp.xml",
        title: Some("Sweden court accepts receivership for Saab carmaker"),
        dateline: Some(Some("Stockholm")),
        body_len: Some(9),
        first: Some("A Chinese-owned company set up to take over Saab's assets"),
        last: Some("Saab automobile offers only one model today"),
        published: Some("2014-08-29T13:49:51Z"),
        agency: Some("AFP"),
        keywords: &["Sweden-SAAB"],
        absent: &["hh/ph/ts/hd"],
        ..W
    },
    Want {
        file: "newsml-1.2/JosiahBeynon-XML-extract--AFP-NewsML-1.2-__afp.com-20231124T192141Z-TX-PAR-EWE94.xml",
        // An alert: the empty headline is made from the text.
        title: Some("ماكرون يعرب عن \"تصميمه\" على تأمين إطلاق سراح رهائن فرنسيين محتجزين في غزة"),
        body_len: Some(1),
        published: Some("2023-11-24T19:21:41Z"),
        language: Some("ar"),
        location: Some("باريس"),
        absent: &["ففف/ح س/كام"],
        ..W
    },
    Want {
        file: "newsml-1.2/JosiahBeynon-XML-extract--AFP-NewsML-1.2-__afp.com-20231126T213636Z-TX-PAR-EXO77.xml",
        title: Some("حكومة سيراليون تؤكد السيطرة على الوضع بعد يوم من المواجهات"),
        dateline: Some(Some("فريتاون")),
        // 35 non-empty <p> with the sign-off, plus one hl2.
        body_len: Some(35),
        paragraphs: &["- \"صفر تسامح\" -"],
        absent: &["سب-لال/نور-كام-ريم-كبج-ود/سام"],
        ..W
    },
    Want {
        file: "newsml-1.2/JosiahBeynon-XML-extract--AFP-NewsML-1.2-__newsmlmmd.urn.newsml.afp.com.20231125.doc.344u4ty.xml",
        title: Some("مخرجة غانيّة ترغب في إخراج السينما الافريقية من سباتها"),
        dateline: Some(Some("اكرا")),
        body_len: Some(15),
        published: Some("2023-11-25T13:59:24Z"),
        // The ByLine belongs to the photo.
        authors: Some(&[]),
        keywords: &["Africa-cinéma-Ghana-Nigeria"],
        absent: &["المخرجة الغانيّة جولييت يا أسانتيوا أسانتي في أكرا بتاريخ"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-core__ana1.xml",
        title: Some("Wage employment balance positive in Jan-March"),
        // The subheadline repeats the first paragraph: not a lede.
        lede: Some(None),
        dateline: Some(None),
        body_len: Some(3),
        first: Some("Wage employment in the private sector grew in March"),
        last: Some(
            "In the same period last year, the balance was positive by 33,638 job positions.",
        ),
        published: Some("2018-04-04T14:58:59Z"),
        absent: &["<P>", "πνευματικά δικαιώματα"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__anp_belga.xml",
        title: Some("FNV staat alleen met acties bij PostNL (2)"),
        body_len: Some(5),
        first: Some("N i e u w bericht, vervangt:"),
        published: Some("2018-12-10T08:35:49Z"),
        updated: Some(Some("2018-12-10T11:37:31Z")),
        version: Some(Some(2)),
        agency: Some("ANP"),
        keywords: &["Huub Giesbers (iwi)"],
        paragraphs: &["San Mateo (ANP) - FNV kondigt werkonderbrekingen aan"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__belga_newsml_1_2.xml",
        title: Some("Mediawatch dinsdag 29/01/2019 - VTM Nieuws - 13 uur"),
        // The French-tagged component is read (its text is Dutch).
        first: Some("- drie doden in drugsloods Eksel"),
        published: Some("2019-01-29T12:45:50Z"),
        updated: Some(Some("2019-01-29T13:34:00Z")),
        version: Some(Some(4)),
        agency: Some("Belga"),
        keywords: &["ATTENTION USERS", "MEDIA"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__efe_belga.xml",
        title: Some("Leones matan a un joven que se coló en un zoológico de la India"),
        // Neither the subheadline (a label) nor the abstract (a truncated copy) is a lede.
        lede: Some(None),
        dateline: Some(Some("Nueva Delhi")),
        body_len: Some(9),
        first: Some("Nueva Delhi, 21 ene (EFE).- Una pareja de leones asiáticos"),
        published: Some("2019-01-21T10:36:00Z"),
        language: Some("es"),
        authors: Some(&[]),
        agency: Some("EFE"),
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__kyodo_newsml_1_2_belga.xml",
        title: Some("Ex-Chinese Premier Li Peng dies aged 90: Xinhua"),
        dateline: Some(Some("Beijing")),
        body_len: Some(6),
        first: Some("Former Chinese Premier Li Peng, who led a military crackdown"),
        published: Some("2019-07-23T11:21:19Z"),
        agency: Some("Kyodo"),
        keywords: &["Obit-Li Peng"],
        absent: &["==Kyodo"],
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-belga__tass_belga.xml",
        title: Some("Kremlin has 'negative reaction' to upcoming EU sanctions"),
        dateline: Some(Some("Moscow")),
        body_len: Some(3),
        first: Some("MOSCOW, January 21. /TASS/. The Kremlin does not support"),
        published: Some("2019-01-21T10:27:08Z"),
        version: Some(None),
        agency: Some("TASS"),
        ..W
    },
    Want {
        file: "newsml-1.2/superdesk-cp__businesswire_20210130005024r1.xml",
        title: Some("Interactive Brokers Lifts All Trading Restrictions on Options"),
        dateline: Some(Some("Greenwich")),
        body_len: Some(4),
        first: Some("Interactive Brokers Group (Nasdaq: IBKR), a global brokerage firm, announced"),
        last: Some("View source version on businesswire.com:"),
        published: Some("2021-01-31T02:41:00Z"),
        agency: Some("Business Wire"),
        absent: &["bwalignc", "text-align", "media@ibkr.com"],
        ..W
    },
    // --- NITF.
    Want { file: "nitf/superdesk-core__nitf-fishing.xml", skipped: Some("canceled"), ..W },
    Want {
        file: "nitf/superdesk-core__handle_invalid_fields.xml",
        title: Some("Man accused of ramming gate at Rideau Hall with truck faces multiple charges"),
        lede: Some(Some("Rideau Hall suspect faces multiple charges")),
        dateline: Some(Some("Ottawa")),
        body_len: Some(27),
        first: Some("OTTAWA - A Manitoba man is facing 22 criminal charges"),
        last: Some("This report by The Canadian Press was first published July 3, 2020."),
        published: Some("2020-07-03T20:51:36Z"),
        authors: Some(&["Mia Rabson", "Jordan Press"]),
        agency: Some("The Canadian Press"),
        keywords: &["Rideau-Hall-Police", "National", "Justice", "Politics"],
        ..W
    },
    Want {
        file: "nitf/superdesk-core__ap-nitf.xml",
        title: Some("Can trading pollution like stocks help fight climate change?"),
        dateline: Some(Some("New York")),
        body_len: Some(28),
        first: Some("NEW YORK (AP) \u{2014} The gas produced by hog manure"),
        published: Some("2015-12-10T19:10:44Z"),
        authors: Some(&["Bernard Condon"]),
        agency: Some("AP"),
        ..W
    },
    Want {
        file: "nitf/superdesk-core__ap_media_text_nitf.xml",
        title: Some("BC-BBN--Top Ten"),
        published: Some("2019-07-03T04:05:12Z"),
        agency: Some("AP"),
        paragraphs: &[
            "Yelich, Milwaukee, 31; Alonso, New York, 28;",
            "McNeil NYM 72 271 37 95 .351",
        ],
        ..W
    },
    Want {
        file: "nitf/superdesk-cp__ap-table-nitf.xml",
        title: Some("Top Ten"),
        first: Some("THROUGH JULY 5"),
        published: Some("2021-07-06T05:35:42Z"),
        paragraphs: &["AMERICAN LEAGUE", "Home Runs", "Runs Batted In", "Pitching"],
        ..W
    },
    Want {
        file: "nitf/superdesk-core__nitf-ntb.xml",
        title: Some(
            "Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030",
        ),
        dateline: Some(Some("Oslo")),
        published: Some("2020-09-07T14:45:26Z"),
        version: Some(Some(48)),
        language: Some("nb"),
        authors: Some(&["Geir Molnes"]),
        agency: Some("NTB"),
        paragraphs: &["Påstand", "Konklusjon: Faktisk helt feil"],
        absent: &["<script", "faktisk-embed", "Embed (stor):", "Foto: NTB / Scanpix"],
        ..W
    },
    Want {
        file: "nitf/superdesk-core__mapping_test.xml",
        title: Some("*En 41-årig mand, der onsdag blev anholdt og sat i forbindel"),
        body_len: Some(4),
        first: Some("København /ritzau/: En 41-årig mand"),
        last: Some("/ritzau/"),
        published: Some("2016-05-11T22:05:13Z"),
        version: Some(Some(4)),
        agency: Some("Ritzau"),
        absent: &["Ã¥"],
        ..W
    },
    Want {
        file: "nitf/superdesk-core__pa1.xml",
        title: Some("PA SPORT TRIVIA (OCTOBER 14)"),
        // PA's closing `ends` is a sign-off, not text.
        body_len: Some(42),
        first: Some("ON THIS DAY IN SPORT"),
        last: Some(
            "Answers: 1. Al-Saadi Gaddafi; 2. 2003; 3. South Africa 96 Wales 13; 4. Oslo; 5. Barry Manilow.",
        ),
        published: Some("2015-10-14T03:30:01Z"),
        agency: Some("PA"),
        paragraphs: &[
            "1878: Two local teams took part in the first football match under floodlights",
        ],
        ..W
    },
    Want {
        file: "nitf/superdesk-core__aap.xml",
        title: Some("The main stories on today's 1900 ABC TV news"),
        lede: Some(None),
        dateline: Some(Some("Sydney")),
        body_len: Some(13),
        first: Some("The main stories on ABC television's 1900 news:"),
        last: Some("AAP RTV ar"),
        published: Some("2013-10-20T08:27:51Z"),
        authors: Some(&["John Doe"]),
        agency: Some("AAP"),
        ..W
    },
    Want {
        file: "nitf/superdesk-belga__ansa_belga.xml",
        title: Some("Gazprom cuts Italy gas supplies by a third"),
        dateline: Some(Some("Rome")),
        body_len: Some(1),
        first: Some(
            "(ANSA) - ROME, JUL 11 - Russian energy giant Gazprom on Monday cut its gas supplies",
        ),
        published: Some("2022-07-11T18:33:00Z"),
        // The byline holds a subtitle, not a person.
        authors: Some(&[]),
        agency: Some("ANSA"),
        absent: &["Title", "Text"],
        ..W
    },
];

fn find_want(name: &str) -> Option<&'static Want> {
    WANTS.iter().find(|w| w.file.rsplit('/').next() == Some(name))
}

/// Checks one file against its expectations; returns the number of fields checked.
fn check(path: &Path, want: &Want) -> usize {
    let ctx = path.display();
    let (ds, errs) = read_file(path, &Options::default());
    if let Some(reason) = want.skipped {
        assert!(ds.is_empty(), "{ctx}: expected no dispatch, got {:?}", ds[0].title);
        assert_eq!(errs.len(), 1, "{ctx}: {errs:?}");
        match errs[0].kind() {
            ErrorKind::NotAnArticle(r) => assert!(r.starts_with(reason), "{ctx}: {r:?}"),
            ErrorKind::Withdrawn { status, .. } => assert_eq!(status, reason, "{ctx}"),
            other => panic!("{ctx}: expected not-an-article or withdrawn, got {other:?}"),
        }
        return 1;
    }
    assert!(errs.is_empty(), "{ctx}: {errs:?}");
    assert_eq!(ds.len(), 1, "{ctx}: one text item expected");
    let d = &ds[0];
    assert!(matches!(d.format, Format::Nitf | Format::Newsml1 | Format::NewsmlG2), "{ctx}");
    assert!(!d.id.is_empty() && !d.title.is_empty(), "{ctx}");
    let mut n = 0;
    let mut eq = |what: &str, got: String, expected: String| {
        assert_eq!(got, expected, "{ctx}: {what}");
        n += 1;
    };
    let own = |s: Option<&str>| s.map(str::to_owned);
    if let Some(t) = want.title {
        eq("title", d.title.clone(), t.to_owned());
    }
    if let Some(l) = want.lede {
        eq("lede", format!("{:?}", d.lede), format!("{:?}", own(l)));
    }
    if let Some(dl) = want.dateline {
        eq("dateline", format!("{:?}", d.dateline), format!("{:?}", own(dl)));
    }
    if let Some(len) = want.body_len {
        eq("body length", d.body.len().to_string(), len.to_string());
    }
    if let Some(p) = want.published {
        eq(
            "published",
            format!("{:?}", d.published.map(|t| t.to_string())),
            format!("{:?}", Some(p)),
        );
    }
    if let Some(u) = want.updated {
        eq("updated", format!("{:?}", d.updated.map(|t| t.to_string())), format!("{:?}", own(u)));
    }
    if let Some(v) = want.version {
        eq("version", format!("{:?}", d.version), format!("{v:?}"));
    }
    if let Some(l) = want.language {
        eq("language", format!("{:?}", d.language), format!("{:?}", Some(l)));
    }
    if let Some(a) = want.authors {
        eq("authors", format!("{:?}", d.authors), format!("{a:?}"));
    }
    if let Some(a) = want.agency {
        eq("agency", format!("{:?}", d.agency), format!("{:?}", Some(a)));
    }
    if let Some(l) = want.location {
        eq("location", format!("{:?}", d.location), format!("{:?}", Some(l)));
    }
    if let Some(f) = want.first {
        let first = d.body.first().map(String::as_str).unwrap_or("");
        assert!(first.starts_with(f), "{ctx}: first paragraph {first:?}");
        n += 1;
    }
    if let Some(l) = want.last {
        let last = d.body.last().map(String::as_str).unwrap_or("");
        assert!(last.starts_with(l), "{ctx}: last paragraph {last:?}");
        n += 1;
    }
    for k in want.keywords {
        assert!(d.keywords.iter().any(|x| x == k), "{ctx}: keyword {k:?} not in {:?}", d.keywords);
        n += 1;
    }
    for p in want.paragraphs {
        assert!(d.body.iter().any(|x| x.starts_with(p)), "{ctx}: no paragraph {p:?}");
        n += 1;
    }
    let all = format!("{}\n{}\n{}", d.title, d.lede.as_deref().unwrap_or(""), d.body_text());
    for a in want.absent {
        assert!(!all.contains(a), "{ctx}: {a:?} should not be indexed");
        n += 1;
    }
    n
}

#[test]
fn committed_fixtures() {
    let dir = data_dir().join("iptc");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/iptc")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 9, "{files:?}");
    let mut checked = 0;
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let want = find_want(name).unwrap_or_else(|| panic!("no expectations for {name}"));
        checked += check(path, want);
    }
    assert!(checked > 60, "{checked}");
}

#[test]
fn all_shared_samples() {
    let Some(dir) = shared("samples/iptc") else { return };
    let mut files = Vec::new();
    for sub in ["newsml-g2", "newsml-1.2", "nitf"] {
        for e in std::fs::read_dir(dir.join(sub)).expect("sample folder") {
            files.push(e.expect("dir entry").path());
        }
    }
    files.sort();
    assert_eq!(files.len(), 48);
    let (mut read, mut skipped, mut checked) = (0, 0, 0);
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let want = find_want(name).unwrap_or_else(|| panic!("no expectations for {name}"));
        let sub = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str());
        assert_eq!(Some(want.file.split('/').next().unwrap_or("")), sub, "{name}");
        checked += check(path, want);
        if want.skipped.is_some() { skipped += 1 } else { read += 1 }
    }
    assert_eq!((read, skipped), (43, 5));
    assert!(checked > 350, "{checked}");
}

#[test]
fn committed_fixtures_match_the_shared_samples() {
    let Some(dir) = shared("samples/iptc") else { return };
    for e in std::fs::read_dir(data_dir().join("iptc")).expect("tests/data/iptc") {
        let path = e.expect("dir entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        if !name.ends_with(".xml") {
            continue;
        }
        let want = find_want(&name).unwrap_or_else(|| panic!("{name}"));
        let original = std::fs::read(dir.join(want.file)).expect("shared original");
        assert_eq!(std::fs::read(&path).expect("fixture"), original, "{name} was edited");
    }
}

#[test]
fn bad_xml_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let full = std::fs::read_to_string(data_dir().join("iptc/superdesk-belga__afp_belga.xml"))
        .expect("fixture");
    // Cut anywhere: a parse error (or, cut early, an unrecognized layout), never a panic.
    let mut parse_errors = 0;
    for cut in (200..full.len()).step_by(97) {
        let cut = (0..=cut).rev().find(|&i| full.is_char_boundary(i)).unwrap_or(0);
        let path = dir.path().join("cut.xml");
        std::fs::write(&path, &full[..cut]).expect("write");
        let (ds, errs) = read_file(&path, &Options::default());
        assert!(ds.is_empty(), "cut at {cut}");
        assert_eq!(errs.len(), 1, "cut at {cut}");
        if matches!(errs[0].kind(), ErrorKind::Parse(_)) {
            parse_errors += 1;
        }
    }
    assert!(parse_errors > 40, "{parse_errors}");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let depth = 100_000;
    let xml = format!(
        "<?xml version=\"1.0\"?><nitf><body><body.head><hedline><hl1>Profondeur</hl1></hedline>\
         </body.head><body.content>{}<p>Texte au fond.</p>{}</body.content></body></nitf>",
        "<block>".repeat(depth),
        "</block>".repeat(depth)
    );
    let path = dir.path().join("deep.xml");
    std::fs::write(&path, &xml).expect("write");
    // Run on a thread with a small stack: recursion over the depth would overflow it.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || read_file(&path, &Options::default()))
        .expect("spawn");
    let (ds, errs) = handle.join().expect("no stack overflow");
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(ds[0].title, "Profondeur");
    assert_eq!(ds[0].body, ["Texte au fond."]);
    // Unclosed, the same depth is a parse error.
    let path = dir.path().join("deep-cut.xml");
    std::fs::write(&path, &xml[..xml.len() / 2]).expect("write");
    let (ds, errs) = read_file(&path, &Options::default());
    assert!(ds.is_empty());
    assert!(matches!(errs[0].kind(), ErrorKind::Parse(_)), "{errs:?}");
}

/// The one dispatch of a file written for these tests (`tests/data/iptc/written/`).
fn written(name: &str) -> depeche_ingest::Dispatch {
    let path = data_dir().join("iptc/written").join(name);
    let (mut ds, errs) = read_file(&path, &Options::default());
    assert!(errs.is_empty(), "{name}: {errs:?}");
    assert_eq!(ds.len(), 1, "{name}");
    ds.remove(0)
}

#[test]
fn entity_escaped_html_is_read_as_html() {
    let d = written("newsml1-escaped-html.xml");
    assert_eq!(
        d.body,
        [
            "La passerelle cyclo-piétonne qui enjambe la Sambre à Namur a rouvert mercredi après \
             six mois de travaux d'entretien.",
            "L'échevine de la Mobilité Stéphanie Scailquin a parlé d'un \"maillon essentiel\" du \
             réseau cyclable.",
            "Le chantier a coûté 1,2 million d'euros.",
        ]
    );
    let d = written("g2-escaped-inline-tags.xml");
    assert_eq!(
        d.body,
        [
            "L'aéroport de Charleroi a repris ses vols mercredi après une grève de 24 heures des \
             bagagistes.",
            "Une quarantaine de vols ont été annulés, selon Brussels South Charleroi Airport.",
        ]
    );
}

#[test]
fn equivalent_renditions_are_read_once() {
    let d = written("newsml1-equivalents.xml");
    assert_eq!(
        d.body,
        [
            "Le Grand Conseil vaudois a adopté mardi une enveloppe de 48 millions de francs pour \
             les hautes écoles du canton.",
            "La gauche a salué un effort bienvenu, la droite a dénoncé une hausse trop rapide des \
             charges.",
        ]
    );
}

#[test]
fn nitf_without_hl1_gets_a_title_from_its_text() {
    let d = written("nitf-slug-no-hl1.xml");
    assert!(d.title_derived, "{:?}", d.title);
    assert!(d.title.starts_with("Le Danois Jonas Vingegaard a remporté"), "{:?}", d.title);
    assert!(d.keywords.iter().any(|k| k == "Cyclisme-Tour-Alpes-Vingegaard"), "{:?}", d.keywords);
}

#[test]
fn byline_update_notice_and_agency_credit_are_not_body() {
    let d = written("g2-reuters-notice-byline.xml");
    assert_eq!(d.body.len(), 2, "{:?}", d.body);
    assert!(d.body[0].starts_with("BERLIN, 18 septembre (Reuters) - Le moral"), "{:?}", d.body);
    let d = written("g2-ansa-byline-credit.xml");
    assert_eq!(
        d.body,
        [
            "ROME, 18 septembre 2024 (ANSA) - Le Sénat italien a adopté mercredi la réforme qui \
             accorde davantage de compétences aux régions.",
            "L'opposition a annoncé un recours devant la Cour constitutionnelle.",
        ]
    );
}
