//! NewsML-G2: a `newsItem`, a `packageItem`, or a `newsMessage` carrying several items.
//!
//! Metadata comes from `itemMeta` and `contentMeta`; the text from the first textual
//! `inlineXML` (NITF, in any namespace or none, or XHTML) or `inlineData` of the
//! `contentSet`. Editor's notes (`edNote`, dpa's not-for-publication notepads) live in
//! `itemMeta` and never reach the body.

use super::newsml1::language_of;
use super::xml::{Doc, NodeId};
use super::{Fields, body, collect, date, language_tag, nitf, qcode_value, version_number};
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize;

/// Root elements of NewsML-G2 documents.
pub(super) fn is_root(name: &str) -> bool {
    matches!(
        name,
        "newsItem"
            | "packageItem"
            | "newsMessage"
            | "conceptItem"
            | "planningItem"
            | "knowledgeItem"
            | "catalogItem"
    )
}

/// Reads a G2 document: one dispatch per text item.
pub(super) fn read(doc: &Doc, root: NodeId) -> Result<Vec<super::Item>, ErrorKind> {
    match doc.name(root) {
        "newsMessage" => {
            let items: Vec<NodeId> = doc
                .children_named(root, "itemSet")
                .flat_map(|set| doc.children(set).collect::<Vec<_>>())
                .collect();
            let results = items.into_iter().map(|i| read_item(doc, i, root)).collect();
            collect(results, "news message without items")
        }
        _ => read_item(doc, root, root).map(|d| vec![Ok(d)]),
    }
}

fn read_item(doc: &Doc, item: NodeId, root: NodeId) -> Result<Dispatch, ErrorKind> {
    match doc.name(item) {
        "newsItem" => {}
        "packageItem" => return Err(package(doc, item)),
        other => return Err(ErrorKind::NotAnArticle(format!("{other}, not a news item"))),
    }
    let mut f = Fields::default();
    let meta = doc.child(item, "itemMeta");
    let content = doc.child(item, "contentMeta");
    if let Some(meta) = meta {
        let class =
            doc.child(meta, "itemClass").and_then(|c| doc.attr(c, "qcode")).map(qcode_value);
        match class {
            Some("composite") => return Err(package(doc, item)),
            Some(c) if !c.eq_ignore_ascii_case("text") => {
                return Err(ErrorKind::NotAnArticle(format!("{c} item")));
            }
            _ => {}
        }
    }

    let version = doc.attr(item, "version");
    f.version = version.and_then(version_number);
    f.id = doc.attr(item, "guid").and_then(normalize::clean_opt).map(|g| {
        // A guid carrying the version as its last part (`…:3` with version="3").
        match (g.rsplit_once(':'), version) {
            (Some((base, last)), Some(v)) if last == v.trim() && base.contains(':') => {
                base.to_owned()
            }
            _ => g,
        }
    });
    if let Some(meta) = meta {
        let status =
            doc.child(meta, "pubStatus").and_then(|s| doc.attr(s, "qcode")).map(qcode_value);
        if let Some(s @ ("canceled" | "cancelled" | "withheld")) = status {
            let status = if s == "withheld" { "withheld" } else { "canceled" };
            return Err(ErrorKind::Withdrawn { status: status.into(), id: f.id.take() });
        }
    }
    let when = |parent: Option<NodeId>, name| {
        parent.and_then(|p| doc.child(p, name)).and_then(|n| date(doc.text_opt(n).as_deref()))
    };
    let version_created = when(meta, "versionCreated");
    f.published =
        when(meta, "firstCreated").or_else(|| when(content, "contentCreated")).or(version_created);
    f.updated = version_created;

    let mut providers = Vec::new();
    let mut title = None;
    if let Some(meta) = meta {
        for n in doc.children(meta).collect::<Vec<_>>() {
            match doc.name(n) {
                "provider" => providers.extend(concept_name(doc, n, true)),
                "title" => title = doc.text_opt(n),
                "memberOf" => f.labels.extend(concept_name(doc, n, false)),
                _ => {}
            }
        }
    }
    // The item's language decides between headlines and renditions in several languages.
    let want = [item, root]
        .iter()
        .find_map(|&n| doc.attr(n, "lang"))
        .or_else(|| content.and_then(|c| doc.child(c, "language")).and_then(|l| doc.attr(l, "tag")))
        .and_then(language_tag);
    if let Some(content) = content {
        content_meta(doc, content, want.as_deref(), &mut f, &mut providers);
    }
    f.credits.extend(providers);
    if f.headline.is_none() {
        f.headline = title;
    }
    if f.language.is_none() {
        f.language = [item, root].iter().find_map(|&n| doc.attr(n, "lang")).map(str::to_owned);
    }

    if let Some(set) = doc.child(item, "contentSet") {
        let mut renditions: Vec<NodeId> = doc.children(set).collect();
        renditions.sort_by_key(|&c| language_rank(language_of(doc, c).as_deref(), want.as_deref()));
        for c in renditions {
            let kind = doc.attr(c, "contenttype").unwrap_or("").to_ascii_lowercase();
            let textual = kind.is_empty()
                || kind.contains("xml")
                || kind.contains("html")
                || kind.starts_with("text/");
            if !textual || !matches!(doc.name(c), "inlineXML" | "inlineData") {
                continue;
            }
            if let Some(n) = doc.find(c, "nitf") {
                let mut inner = nitf::fields(doc, n);
                f.body = std::mem::take(&mut inner.body);
                f.fill_from(inner);
            } else {
                let container = doc.find(c, "html").and_then(|h| doc.child(h, "body")).unwrap_or(c);
                let html = doc.name(c) == "inlineData" && kind.contains("html");
                f.body = body::paragraphs(doc, container, html);
            }
            if !f.body.is_empty() {
                break;
            }
        }
    }
    f.into_dispatch(Format::NewsmlG2)
}

/// `contentMeta`: headlines, lines, people, places, subjects.
fn content_meta(
    doc: &Doc,
    content: NodeId,
    want: Option<&str>,
    f: &mut Fields,
    providers: &mut Vec<String>,
) {
    // (language rank, rank, main, text) of each headline.
    let mut headlines: Vec<(u8, u32, bool, String)> = Vec::new();
    let mut sources = Vec::new();
    for n in doc.children(content).collect::<Vec<_>>() {
        let text = || doc.text_opt(n);
        let role = doc.attr(n, "role").unwrap_or("").to_ascii_lowercase();
        match doc.name(n) {
            "headline" => {
                if role.contains("sub") {
                    f.ledes.extend(text());
                } else if let Some(t) = text() {
                    let rank = doc.attr(n, "rank").and_then(version_number).unwrap_or(1);
                    // A role other than main (`short`, `hld:web`) marks an alternative.
                    let main = role.is_empty() || matches!(qcode_value(&role), "main" | "full");
                    let lang = language_rank(language_of(doc, n).as_deref(), want);
                    headlines.push((lang, rank, main, t));
                }
            }
            "description" => {
                let standfirst = role.is_empty()
                    || ["summary", "teaser", "abstract", "lead", "standfirst", "intro"]
                        .iter()
                        .any(|r| role.contains(r));
                if standfirst {
                    f.ledes.extend(text());
                }
            }
            "slugline" => f.keywords.extend(text()),
            "dateline" => f.dateline = f.dateline.take().or_else(text),
            "by" => f.byline = f.byline.take().or_else(text),
            "creditline" => f.credits.extend(text()),
            "located" if f.location.is_none() => f.location = concept_name(doc, n, true),
            "language" if f.language.is_none() => {
                f.language = doc.attr(n, "tag").map(str::to_owned);
            }
            "keyword" => f.keywords.extend(text()),
            "subject" => {
                // Only named subjects: a bare literal or qcode is a code (`ALR`, `N2:SYR`).
                // dpa names its categories with two-letter codes (`wi`, `pl`).
                let Some(name) = doc
                    .child(n, "name")
                    .and_then(|c| doc.text_opt(c))
                    .filter(|name| name.chars().count() > 2)
                else {
                    continue;
                };
                let scheme = format!(
                    "{} {}",
                    doc.attr(n, "type").unwrap_or(""),
                    doc.attr(n, "qcode").unwrap_or("")
                )
                .to_ascii_lowercase();
                if ["desk", "department", "categ"].iter().any(|k| scheme.contains(k)) {
                    f.desks.push(name.clone());
                }
                f.keywords.push(name);
            }
            "creator" => f.creators.extend(concept_name(doc, n, true)),
            // `ctrol:translator`, `cRole:translator`: the translator, not an author.
            "contributor" if role.contains("translator") && f.translator.is_none() => {
                f.translator = concept_name(doc, n, false);
            }
            "infoSource" => sources.extend(concept_name(doc, n, true)),
            _ => {}
        }
    }
    // The lowest rank is the headline; others (dpa's kicker, rank 3) are not. Of one rank,
    // the first main headline, else the longest alternative.
    // Only those in the best language there is.
    let best = headlines.iter().map(|h| h.0).min();
    headlines.retain(|h| Some(h.0) == best);
    headlines.sort_by_key(|(_, rank, main, t)| {
        (*rank, !*main, std::cmp::Reverse(if *main { 0 } else { t.chars().count() }))
    });
    f.headline = headlines.into_iter().next().map(|(.., t)| t);
    providers.extend(sources);
}

/// How well a text's language fits the item's: its own, then French, then any other.
fn language_rank(lang: Option<&str>, want: Option<&str>) -> u8 {
    if lang == want {
        0
    } else if lang == Some("fr") {
        1
    } else {
        2
    }
}

/// The name of a concept (`<name>`), or its `literal`, or (when `qcode` is set) its qcode
/// without scheme (`nprov:REUTERS` → `REUTERS`).
fn concept_name(doc: &Doc, n: NodeId, qcode: bool) -> Option<String> {
    doc.child(n, "name")
        .and_then(|c| doc.text_opt(c))
        .or_else(|| doc.attr(n, "literal").and_then(normalize::clean_opt))
        .or_else(|| {
            qcode
                .then(|| doc.attr(n, "qcode"))
                .flatten()
                .map(qcode_value)
                .and_then(normalize::clean_opt)
        })
}

/// A package is not a story: say what it points to.
fn package(doc: &Doc, item: NodeId) -> ErrorKind {
    let refs = doc.descendants(item).into_iter().filter(|&n| doc.name(n) == "itemRef").count();
    ErrorKind::NotAnArticle(format!("package of {refs} item references"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(xml: &str) -> Result<Vec<Dispatch>, ErrorKind> {
        let doc = Doc::parse(xml).unwrap();
        read(&doc, doc.root()).map(|items| items.into_iter().filter_map(Result::ok).collect())
    }

    const ITEM: &str = r#"<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:afp.com:20240710:abc" version="3" xml:lang="fr">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AFP"/>
    <versionCreated>2024-07-10T15:00:00+02:00</versionCreated>
    <firstCreated>2024-07-10T12:00:00+02:00</firstCreated><pubStatus qcode="stat:usable"/>
    <edNote role="notepad"><section xmlns="http://www.w3.org/1999/xhtml"><p>Ne pas publier : 06 12 34 56 78</p></section></edNote>
  </itemMeta>
  <contentMeta>
    <located><name>Marseille</name></located>
    <subject type="cpnat:abstract" qcode="afpdesk:pol"><name>Politique</name></subject>
    <language tag="fr-FR"/>
    <headline rank="3">Surtitre</headline>
    <headline>Le maire de Marseille réélu</headline>
    <headline role="hld:subHeadline">Il obtient une large majorité au second tour.</headline>
    <dateline>Marseille, 10 juil 2024 (AFP) -</dateline>
    <by>Par Jean Dupont</by>
    <creditline>AFP</creditline>
    <contributor role="ctrol:translator"><name>Paul Ricard</name></contributor>
    <contributor role="ctrol:editor"><name>Anne Lefèvre</name></contributor>
  </contentMeta>
  <contentSet>
    <remoteContent contenttype="image/jpeg" href="x.jpg"/>
    <inlineXML contenttype="application/nitf+xml">
      <nitf:nitf xmlns:nitf="http://iptc.org/std/NITF/2006-10-18/"><nitf:body><nitf:body.content>
        <nitf:p>Le maire sortant a été réélu dimanche.</nitf:p></nitf:body.content></nitf:body></nitf:nitf>
    </inlineXML>
  </contentSet>
</newsItem>"#;

    #[test]
    fn reads_a_news_item() {
        let d = &read_str(ITEM).unwrap()[0];
        assert_eq!(d.title, "Le maire de Marseille réélu");
        assert_eq!(d.lede.as_deref(), Some("Il obtient une large majorité au second tour."));
        assert_eq!(d.body, ["Le maire sortant a été réélu dimanche."]);
        assert_eq!(d.id, "urn:newsml:afp.com:20240710:abc");
        assert_eq!(d.version, Some(3));
        assert_eq!(d.section.as_deref(), Some("Politique"));
        assert_eq!(d.location.as_deref(), Some("Marseille"));
        assert_eq!(d.dateline.as_deref(), Some("Marseille"));
        assert_eq!(d.authors, ["Jean Dupont"]);
        assert_eq!(d.translator.as_deref(), Some("Paul Ricard"));
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert_eq!(d.published.unwrap().to_string(), "2024-07-10T10:00:00Z");
        assert_eq!(d.updated.unwrap().to_string(), "2024-07-10T13:00:00Z");
        assert!(!d.body_text().contains("publier"));
    }

    #[test]
    fn main_headline_wins_over_a_short_one() {
        let short = ITEM.replace(
            "<headline rank=\"3\">Surtitre</headline>",
            "<headline role=\"short\">Marseille: le maire réélu</headline>",
        );
        assert_eq!(read_str(&short).unwrap()[0].title, "Le maire de Marseille réélu");
        // No main headline: the longest alternative.
        let alternatives = short.replace(
            "<headline>Le maire de Marseille réélu</headline>",
            "<headline role=\"hld:web\">Le maire de Marseille réélu au second tour</headline>",
        );
        assert_eq!(
            read_str(&alternatives).unwrap()[0].title,
            "Le maire de Marseille réélu au second tour"
        );
    }

    #[test]
    fn item_language_picks_headline_and_rendition() {
        let xml = r#"<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:belga:bil" version="1" xml:lang="fr">
<contentMeta><headline xml:lang="nl">Koning Filip ontvangt Bart De Wever</headline>
<headline xml:lang="fr">Le roi Philippe reçoit Bart De Wever</headline><language tag="fr"/></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml" xml:lang="nl"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Koning Filip heeft Bart De Wever ontvangen.</p></body></html></inlineXML>
<inlineXML contenttype="application/xhtml+xml" xml:lang="fr"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Le roi Philippe a reçu Bart De Wever au Palais.</p></body></html></inlineXML></contentSet></newsItem>"#;
        let d = &read_str(xml).unwrap()[0];
        assert_eq!(d.title, "Le roi Philippe reçoit Bart De Wever");
        assert_eq!(d.body, ["Le roi Philippe a reçu Bart De Wever au Palais."]);
        // No item language: French.
        let d = &read_str(
            &xml.replace(r#" version="1" xml:lang="fr""#, "")
                .replace(r#"<language tag="fr"/>"#, ""),
        )
        .unwrap()[0];
        assert_eq!(d.title, "Le roi Philippe reçoit Bart De Wever");
        assert_eq!(d.body, ["Le roi Philippe a reçu Bart De Wever au Palais."]);
    }

    #[test]
    fn message_skips_pictures_and_packages() {
        let picture = r#"<newsItem guid="p"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>"#;
        let package = r#"<packageItem guid="k"><groupSet><group><itemRef residref="a"/></group></groupSet></packageItem>"#;
        let text = ITEM.replace(r#" xmlns="http://iptc.org/std/nar/2006-10-01/""#, "");
        let msg = format!(
            r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet>{package}{picture}{text}{text}</itemSet></newsMessage>"#
        );
        let ds = read_str(&msg).unwrap();
        assert_eq!(ds.len(), 2);
        let only = format!("<newsMessage><itemSet>{package}{picture}</itemSet></newsMessage>");
        assert!(
            matches!(read_str(&only), Err(ErrorKind::NotAnArticle(r)) if r == "package of 1 item references")
        );
        assert!(
            matches!(read_str(picture), Err(ErrorKind::NotAnArticle(r)) if r == "picture item")
        );
    }

    /// A kill inside a message is no picture: it is kept, to be reported and applied.
    #[test]
    fn message_keeps_its_withdrawals() {
        let text = ITEM.replace(r#" xmlns="http://iptc.org/std/nar/2006-10-01/""#, "");
        let killed = text
            .replace(
                r#"guid="urn:newsml:afp.com:20240710:abc""#,
                r#"guid="urn:newsml:afp.com:20240710:old""#,
            )
            .replace("stat:usable", "stat:canceled");
        let msg = format!(
            r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>{text}{killed}</itemSet></newsMessage>"#
        );
        let doc = Doc::parse(&msg).unwrap();
        let items = read(&doc, doc.root()).unwrap();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        assert!(matches!(
            &items[1],
            Err(ErrorKind::Withdrawn { status, id: Some(id) })
                if status == "canceled" && id == "urn:newsml:afp.com:20240710:old"
        ));
    }

    #[test]
    fn xhtml_and_cdata_bodies() {
        let xhtml = ITEM.replace(
            r#"<inlineXML contenttype="application/nitf+xml">"#,
            r#"<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Le maire de Marseille réélu</title></head><body><h1>Le maire de Marseille réélu</h1><p>Premier.</p></body></html>"#,
        )
        .replace(r#"<nitf:nitf xmlns:nitf="http://iptc.org/std/NITF/2006-10-18/"><nitf:body><nitf:body.content>
        <nitf:p>Le maire sortant a été réélu dimanche.</nitf:p></nitf:body.content></nitf:body></nitf:nitf>"#, "");
        assert_eq!(read_str(&xhtml).unwrap()[0].body, ["Premier."]);
        let cdata = r#"<newsItem guid="c"><contentMeta><headline>Titre</headline></contentMeta><contentSet>
<inlineData contenttype="text/plain"><![CDATA[<p>Un
deux.</p><p>Trois.</p>]]></inlineData></contentSet></newsItem>"#;
        assert_eq!(read_str(cdata).unwrap()[0].body, ["Un deux.", "Trois."]);
    }
}
