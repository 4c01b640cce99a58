//! NITF 3.x: standalone documents, and the NITF body inside NewsML items.
//!
//! The headline is `body.head/hedline/hl1` (`head/title` is often a slug, kept as a keyword;
//! without `hl1` the title is made from the text), `hl2` the subheadline. Only the
//! `body.content` that is a direct child of `body` is the story: an editor's `note` may hold
//! its own `body.content`.

use super::xml::{Doc, NodeId};
use super::{Fields, body, date, version_number};
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize;

/// Reads a standalone NITF document.
pub(super) fn read(doc: &Doc, nitf: NodeId) -> Result<Dispatch, ErrorKind> {
    let status = doc
        .path(nitf, &["head", "docdata"])
        .and_then(|d| doc.attr(d, "management-status"))
        .map(str::to_ascii_lowercase);
    let f = fields(doc, nitf);
    // Withheld is pulled from use like canceled, as in the NewsML readers.
    let status = match status.as_deref() {
        Some("canceled" | "cancelled") => "canceled",
        Some("withheld") => "withheld",
        _ => return f.into_dispatch(Format::Nitf),
    };
    Err(ErrorKind::Withdrawn { status: status.into(), id: f.id })
}

/// Everything a `<nitf>` element says.
pub(super) fn fields(doc: &Doc, nitf: NodeId) -> Fields {
    let mut f = Fields::default();
    let head = doc.child(nitf, "head");
    let body = doc.child(nitf, "body");
    let body_head = body.and_then(|b| doc.child(b, "body.head"));

    let hedline = body_head.and_then(|h| doc.child(h, "hedline"));
    f.headline = hedline.and_then(|h| doc.child(h, "hl1")).and_then(|n| doc.text_opt(n));
    let title = head.and_then(|h| doc.child(h, "title")).and_then(|n| doc.text_opt(n));
    // A slug used as title (`Rideau-Hall-Police`) is a keyword, not a headline.
    let mut slug = None;
    if let Some(t) = title {
        if !t.contains(char::is_whitespace) {
            f.keywords.push(t.clone());
            slug = Some(t);
        } else if f.headline.is_none() {
            f.headline = Some(t);
        }
    }
    if let Some(h) = hedline {
        f.ledes.extend(doc.children_named(h, "hl2").filter_map(|n| doc.text_opt(n)));
    }
    if let Some(bh) = body_head {
        f.byline = doc
            .child(bh, "byline")
            .map(|n| doc.text_spaced(n, &["byttl"]))
            .and_then(|s| normalize::clean_opt(&s));
        f.credits.extend(doc.child(bh, "distributor").and_then(|n| doc.text_opt(n)));
        if let Some(dl) = doc.child(bh, "dateline") {
            // `<location><city>Ottawa</city><state>Ontario</state>…` names the city apart.
            let city = doc.find(dl, "city").and_then(|c| doc.text_opt(c));
            f.dateline =
                city.or_else(|| normalize::clean_opt(&doc.text_spaced(dl, &["story.date"])));
            if f.published.is_none() {
                f.published = doc.child(dl, "story.date").and_then(|s| date(doc.attr(s, "norm")));
            }
        }
        f.ledes.extend(doc.child(bh, "abstract").and_then(|n| doc.text_opt(n)));
    }

    if let Some(docdata) = head.and_then(|h| doc.child(h, "docdata")) {
        f.id = doc
            .child(docdata, "doc-id")
            .and_then(|n| doc.attr(n, "id-string"))
            .and_then(normalize::clean_opt);
        f.version = doc
            .child(docdata, "du-key")
            .and_then(|n| doc.attr(n, "version"))
            .and_then(version_number);
        let issued = doc.child(docdata, "date.issue").and_then(|n| date(doc.attr(n, "norm")));
        f.published = issued.or(f.published);
        if let Some(evloc) = doc.child(docdata, "evloc") {
            f.location = doc.attr(evloc, "city").and_then(normalize::clean_opt);
        }
        if let Some(list) = doc.child(docdata, "key-list") {
            for k in doc.children_named(list, "keyword") {
                f.keywords
                    .extend(doc.attr(k, "key").map(str::to_owned).or_else(|| doc.text_opt(k)));
            }
        }
        f.credits.extend(
            [("doc.rights", "owner"), ("doc.copyright", "holder")]
                .iter()
                .filter_map(|(el, at)| doc.child(docdata, el).and_then(|n| doc.attr(n, at)))
                .map(str::to_owned),
        );
    }
    if let Some(pubdata) = head.and_then(|h| doc.child(h, "pubdata")) {
        if f.published.is_none() {
            f.published = date(doc.attr(pubdata, "date.publication"));
        }
        // Where it ran: the department of the publication.
        f.desks.extend(doc.attr(pubdata, "position.section").and_then(normalize::clean_opt));
    }
    if let Some(tobject) = head.and_then(|h| doc.child(h, "tobject")) {
        f.labels.extend(doc.attr(tobject, "tobject.type").map(str::to_owned));
    }
    f.language = [Some(nitf), head, body]
        .into_iter()
        .flatten()
        .find_map(|n| doc.attr(n, "baselang").or_else(|| doc.attr(n, "lang")))
        .map(str::to_owned);
    if let Some(content) = body.and_then(|b| doc.child(b, "body.content")) {
        f.body = body::paragraphs(doc, content, false);
    }
    // Without a headline the title is made from the text (as for NewsML 1); the slug only
    // when there is no text to make it from.
    if f.headline.is_none() && f.body.is_empty() && f.ledes.is_empty() {
        f.headline = slug;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(xml: &str) -> Result<Dispatch, ErrorKind> {
        let doc = Doc::parse(xml).unwrap();
        read(&doc, doc.root())
    }

    const SAMPLE: &str = r#"<?xml version="1.0"?>
<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">
<nitf baselang="fr-FR">
<head>
  <title>Retraites-Réforme</title>
  <docdata>
    <doc-id id-string="afp.2024.abc"/>
    <date.issue norm="20240710T125902Z"/>
    <date.release norm="YYYYMMDD000000-HHMM"/>
    <du-key key="retraites" version="04"/>
    <key-list><keyword key="retraites"/><keyword>social</keyword></key-list>
  </docdata>
</head>
<body>
  <body.head>
    <hedline><hl1><!-- Titre --> La réforme des retraites adoptée</hl1>
      <hl2>Le texte a été adopté par 49 voix contre 12 au Sénat.</hl2></hedline>
    <note><body.content><p>Note aux rédactions : ne pas publier.</p></body.content></note>
    <byline>Par <person>Jean Dupont</person> et <person>Marie Martin</person><byttl>AFP</byttl></byline>
    <distributor>Agence France-Presse</distributor>
    <dateline><location>Paris</location>, <story.date norm="20240710T125902Z">10 juillet</story.date></dateline>
  </body.head>
  <body.content>
    <p>Le Parlement a définitivement adopté mercredi la réforme.</p>
    <media><media-caption>Le Sénat, mercredi.</media-caption></media>
    <hl2>Un vote serré</hl2>
    <p>Les débats ont duré trois semaines.</p>
    <p>jd/mm/cac</p>
  </body.content>
</body>
</nitf>"#;

    #[test]
    fn reads_a_nitf_document() {
        let d = read_str(SAMPLE).unwrap();
        assert_eq!(d.title, "La réforme des retraites adoptée");
        assert_eq!(
            d.lede.as_deref(),
            Some("Le texte a été adopté par 49 voix contre 12 au Sénat.")
        );
        assert_eq!(
            d.body,
            [
                "Le Parlement a définitivement adopté mercredi la réforme.",
                "Un vote serré",
                "Les débats ont duré trois semaines."
            ]
        );
        assert_eq!(d.authors, ["Jean Dupont", "Marie Martin"]);
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.dateline.as_deref(), Some("Paris"));
        assert_eq!(d.id, "afp.2024.abc");
        assert_eq!(d.version, Some(4));
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert_eq!(d.published.unwrap().to_string(), "2024-07-10T12:59:02Z");
        assert_eq!(d.keywords, ["Retraites-Réforme", "retraites", "social"]);
        assert_eq!(d.section.as_deref(), None);

        let xml = SAMPLE.replace(
            "</docdata>",
            r#"</docdata><pubdata type="web" position.section="International"/>"#,
        );
        assert_eq!(read_str(&xml).unwrap().section.as_deref(), Some("International"));
    }

    #[test]
    fn canceled_and_withheld_are_skipped() {
        let xml = SAMPLE.replace("<docdata>", r#"<docdata management-status="canceled">"#);
        assert!(
            matches!(read_str(&xml), Err(ErrorKind::Withdrawn { status, .. }) if status == "canceled")
        );
        let xml = SAMPLE.replace("<docdata>", r#"<docdata management-status="withheld">"#);
        assert!(
            matches!(read_str(&xml), Err(ErrorKind::Withdrawn { status, .. }) if status == "withheld")
        );
        let xml = SAMPLE.replace("<docdata>", r#"<docdata management-status="usable">"#);
        assert!(read_str(&xml).is_ok());
    }

    #[test]
    fn slug_title_is_not_the_headline() {
        let no_hl1 =
            SAMPLE.replace("<hl1><!-- Titre --> La réforme des retraites adoptée</hl1>", "");
        let d = read_str(&no_hl1).unwrap();
        assert_eq!(d.title, "", "left to be made from the text");
        assert!(d.keywords.iter().any(|k| k == "Retraites-Réforme"));
        let flash = "<nitf><head><title>Retraites-Réforme</title></head><body/></nitf>";
        assert_eq!(read_str(flash).unwrap().title, "Retraites-Réforme");
        let spaced = no_hl1.replace("Retraites-Réforme", "Retraites : la réforme adoptée");
        assert_eq!(read_str(&spaced).unwrap().title, "Retraites : la réforme adoptée");
    }

    #[test]
    fn embargo_marker_is_not_text() {
        let xml = SAMPLE.replace(
            "<p>Le Parlement a définitivement",
            "<p>EMBARGO 12H45 - Le Parlement a définitivement",
        );
        let d = read_str(&xml).unwrap();
        assert_eq!(d.body[0], "Le Parlement a définitivement adopté mercredi la réforme.");
    }

    #[test]
    fn empty_document_is_not_an_article() {
        assert!(matches!(read_str("<nitf><head/><body/></nitf>"), Err(ErrorKind::NotAnArticle(_))));
    }
}
