//! NewsML 1.x: `<NewsML>` holding `NewsItem`s, each a tree of `NewsComponent`s.
//!
//! The story text is the `DataContent` of a text `ContentItem` whose component plays no other
//! role (Caption, Title, StyleSheet, Contact, Logo… are not body). Its metadata is read from
//! the components on the way down to it, outermost first, so a photo component's byline or
//! credit never becomes the story's. When components give the same text in several languages
//! (`xml:lang`), the French one is read, else the first; of renditions listed as equivalents
//! (`EquivalentsList="yes"`: NITF and plain text of one story), the richest one.

use super::xml::{Doc, NodeId};
use super::{Fields, body, collect, date, nitf, version_number};
use crate::dispatch::{Dispatch, Format};
use crate::error::ErrorKind;
use crate::normalize;

/// Component roles whose content is the story.
const BODY_ROLES: &[&str] = &["main", "body", "text", "story"];
/// Component roles whose content is a standfirst.
const LEDE_ROLES: &[&str] = &["lead", "abstract", "summary"];

/// Reads every `NewsItem` of a `<NewsML>` document.
pub(super) fn read(doc: &Doc, root: NodeId) -> Result<Vec<super::Item>, ErrorKind> {
    let results = doc.children_named(root, "NewsItem").map(|item| read_item(doc, item)).collect();
    collect(results, "NewsML document without NewsItem")
}

fn read_item(doc: &Doc, item: NodeId) -> Result<Dispatch, ErrorKind> {
    let mut f = Fields::default();
    identification(doc, item, &mut f);
    if let Some(mgmt) = doc.child(item, "NewsManagement") {
        let status =
            doc.child(mgmt, "Status").and_then(|s| doc.attr(s, "FormalName")).unwrap_or("");
        if ["canceled", "cancelled", "withheld"].iter().any(|s| status.eq_ignore_ascii_case(s)) {
            let status = status.to_lowercase().replace("cancelled", "canceled");
            return Err(ErrorKind::Withdrawn { status, id: f.id });
        }
        let when = |name| doc.child(mgmt, name).and_then(|n| date(doc.text_opt(n).as_deref()));
        f.published = when("FirstCreated");
        f.updated = when("ThisRevisionCreated");
    }

    let items: Vec<NodeId> =
        doc.descendants(item).into_iter().filter(|&n| doc.name(n) == "ContentItem").collect();
    let texts: Vec<NodeId> = items
        .iter()
        .copied()
        .filter(|&ci| {
            is_text(doc, ci) && role(doc, ci).is_none_or(|r| BODY_ROLES.contains(&r.as_str()))
        })
        .collect();
    let lang = choose_language(doc, &texts);
    let texts: Vec<NodeId> =
        texts.into_iter().filter(|&ci| lang.is_none() || language_of(doc, ci) == lang).collect();
    let texts = one_rendition(doc, item, texts);

    if texts.is_empty() {
        let refs =
            doc.descendants(item).into_iter().filter(|&n| doc.name(n) == "NewsItemRef").count();
        if refs > 0 {
            return Err(ErrorKind::NotAnArticle(format!("package of {refs} item references")));
        }
    }

    // Metadata of the components leading to the text, outermost first.
    let anchor = texts.first().copied().or_else(|| doc.child(item, "NewsComponent"));
    let mut chain: Vec<NodeId> = Vec::new();
    let mut at = anchor;
    while let Some(n) = at {
        if n == item {
            break;
        }
        if doc.name(n) == "NewsComponent" {
            chain.push(n);
        }
        at = doc.parent(n);
    }
    chain.reverse();
    let mut providers = Vec::new();
    for &comp in &chain {
        component(doc, comp, &mut f, &mut providers);
    }
    // Agency: credit line, provider, sender, provider id, and only then the source (a
    // press release's source is the company, not the wire).
    let (sources, providers): (Vec<_>, Vec<_>) = providers.into_iter().partition(|(s, _)| *s);
    f.credits.extend(providers.into_iter().map(|(_, p)| p));
    let root = doc.parent(item).unwrap_or(item);
    if let Some(sent) = doc.path(root, &["NewsEnvelope", "SentFrom", "Party"]) {
        f.credits.extend(doc.attr(sent, "FormalName").and_then(normalize::clean_opt));
    }
    if let Some(provider) = doc.path(item, &["Identification", "NewsIdentifier", "ProviderId"]) {
        f.credits.extend(doc.text_opt(provider));
    }
    f.credits.extend(sources.into_iter().map(|(_, p)| p));
    if f.id.is_none() {
        // Some feeds (TASS) carry only their own `guid`.
        f.id = doc.find(item, "guid").and_then(|g| doc.text_opt(g));
    }
    if f.language.is_none() {
        f.language = lang.clone().or_else(|| language_of(doc, anchor.unwrap_or(item)));
    }

    for &ci in &items {
        if is_text(doc, ci)
            && role(doc, ci).is_some_and(|r| LEDE_ROLES.contains(&r.as_str()))
            && (lang.is_none() || language_of(doc, ci) == lang)
            && let Some(dc) = doc.child(ci, "DataContent")
        {
            f.ledes.push(body::paragraphs(doc, dc, false).join(" "));
        }
    }
    for &ci in &texts {
        let Some(dc) = doc.child(ci, "DataContent") else { continue };
        match doc.find(dc, "nitf") {
            Some(n) => {
                let inner = nitf::fields(doc, n);
                f.body.extend(inner.body.iter().cloned());
                f.fill_from(Fields { body: Vec::new(), ..inner });
            }
            None => f.body.extend(body::paragraphs(doc, dc, is_html(doc, ci))),
        }
    }
    f.into_dispatch(Format::Newsml1)
}

/// `Identification`: version, identifier, name label.
fn identification(doc: &Doc, item: NodeId, f: &mut Fields) {
    let Some(ident) = doc.child(item, "Identification") else { return };
    if let Some(label) = doc.child(ident, "NameLabel").and_then(|n| doc.text_opt(n)) {
        f.keywords.push(label.clone());
        f.labels.push(label);
    }
    let Some(news_id) = doc.child(ident, "NewsIdentifier") else { return };
    let text = |name| doc.child(news_id, name).and_then(|n| doc.text_opt(n));
    f.version = text("RevisionId").as_deref().and_then(version_number);
    let public = text("PublicIdentifier");
    f.id = match (public, text("ProviderId"), text("NewsItemId")) {
        // urn:newsml:provider:date:item:revision; the revision part goes.
        (Some(p), _, _) if p.split(':').count() >= 5 => Some(strip_revision(&p)),
        (_, Some(provider), Some(item)) => Some(format!("{provider}:{item}")),
        (Some(p), _, _) => Some(p),
        _ => None,
    };
}

/// `urn:newsml:afp.com:20240710:240710125902.qpsp2jzk:1` → without `:1` (also `:1N`).
fn strip_revision(id: &str) -> String {
    match id.rsplit_once(':') {
        Some((base, rev))
            if base.split(':').count() >= 5
                && rev.chars().next().is_some_and(|c| c.is_ascii_digit())
                && rev.trim_start_matches(|c: char| c.is_ascii_digit()).len() <= 1 =>
        {
            base.to_owned()
        }
        _ => id.to_owned(),
    }
}

/// One component's own metadata: its lines and descriptive and administrative metadata, not
/// those of the components nested in it and not its content. Earlier (outer) values win.
fn component(doc: &Doc, comp: NodeId, f: &mut Fields, providers: &mut Vec<(bool, String)>) {
    let mut nodes = Vec::new();
    doc.walk(comp, |v| {
        if let super::xml::Visit::Enter(n, e) = v {
            if n != comp && (e.name == "NewsComponent" || e.name == "DataContent") {
                return false;
            }
            nodes.push(n);
        }
        true
    });
    for n in nodes {
        let text = || doc.text_opt(n);
        let parent = doc.parent(n).map(|p| doc.name(p)).unwrap_or("");
        match doc.name(n) {
            "HeadLine" if f.headline.is_none() => f.headline = text(),
            "SubHeadLine" => f.ledes.extend(text()),
            "ByLine" if f.byline.is_none() => f.byline = text(),
            "DateLine" if f.dateline.is_none() => f.dateline = text(),
            "CreditLine" => f.credits.extend(text()),
            "SlugLine" => {
                if let Some(s) = text() {
                    f.labels.push(s.clone());
                    f.keywords.push(s);
                }
            }
            "KeywordLine" => f.keywords.extend(text()),
            "NewsLine" => {
                let kind = doc.child(n, "NewsLineType").and_then(|t| doc.attr(t, "FormalName"));
                if kind.is_some_and(|k| k.eq_ignore_ascii_case("CatchWord")) {
                    f.keywords.extend(doc.child(n, "NewsLineText").and_then(|t| doc.text_opt(t)));
                }
            }
            "Language" if f.language.is_none() => {
                f.language = doc.attr(n, "FormalName").map(str::to_owned);
            }
            "Party" => {
                let name = doc.attr(n, "FormalName").and_then(normalize::clean_opt);
                match parent {
                    "Creator" | "Author" => f.creators.extend(name),
                    "Provider" | "Source" => {
                        providers.extend(name.map(|p| (parent == "Source", p)))
                    }
                    _ => {}
                }
            }
            "Property" => {
                let value = doc.attr(n, "Value").and_then(normalize::clean_opt);
                match doc.attr(n, "FormalName").unwrap_or("") {
                    "Keyword" => f.keywords.extend(
                        value.iter().flat_map(|v| v.split(';')).map(|k| k.trim().to_owned()),
                    ),
                    "City" if f.location.is_none() => f.location = value,
                    // A country name (not an ISO code) when no city is given.
                    "Country" if f.location.is_none() => {
                        f.location = value.filter(|v| v.chars().count() > 3)
                    }
                    "author" | "Author" => f.creators.extend(value),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// The role of the nearest enclosing component that declares one, lowercased.
fn role(doc: &Doc, ci: NodeId) -> Option<String> {
    let mut at = doc.parent(ci);
    while let Some(n) = at {
        if doc.name(n) == "NewsComponent"
            && let Some(r) = doc.child(n, "Role").and_then(|r| doc.attr(r, "FormalName"))
        {
            return Some(r.to_lowercase());
        }
        if doc.name(n) == "NewsItem" {
            return None;
        }
        at = doc.parent(n);
    }
    None
}

/// A content item with inline text: not a picture, a video, a style sheet…
fn is_text(doc: &Doc, ci: NodeId) -> bool {
    let Some(dc) = doc.child(ci, "DataContent") else { return false };
    if !doc.has_text(dc) {
        return false;
    }
    let formal = |name| {
        doc.child(ci, name).and_then(|n| doc.attr(n, "FormalName")).unwrap_or("").to_lowercase()
    };
    let media = formal("MediaType");
    if !media.is_empty() && media != "text" && media != "complexdata" {
        return false;
    }
    let kind = format!("{} {}", formal("Format"), formal("MimeType"));
    !["css", "jpeg", "jpg", "png", "gif", "image", "video", "audio", "mpeg", "mp4"]
        .iter()
        .any(|k| kind.contains(k))
}

fn is_html(doc: &Doc, ci: NodeId) -> bool {
    let formal = |name| {
        doc.child(ci, name).and_then(|n| doc.attr(n, "FormalName")).unwrap_or("").to_lowercase()
    };
    formal("Format") == "html" || formal("MimeType") == "text/html"
}

/// Text items that are alternatives in one `EquivalentsList="yes"` component (the same story
/// as NITF and as plain text) are renditions, not parts: only those under the richest
/// alternative are kept (NITF, then HTML or other markup, then plain text; the first on a tie).
fn one_rendition(doc: &Doc, item: NodeId, texts: Vec<NodeId>) -> Vec<NodeId> {
    // The nearest equivalents list above `ci`, and its child that leads to `ci`.
    let alternative = |ci: NodeId| {
        let mut child = ci;
        let mut at = doc.parent(ci);
        while let Some(n) = at {
            if n == item {
                return None;
            }
            if doc.name(n) == "NewsComponent"
                && doc.attr(n, "EquivalentsList").is_some_and(|v| v.eq_ignore_ascii_case("yes"))
            {
                return Some((n, child));
            }
            child = n;
            at = doc.parent(n);
        }
        None
    };
    let richness = |ci: NodeId| {
        let Some(dc) = doc.child(ci, "DataContent") else { return 0 };
        if doc.find(dc, "nitf").is_some() {
            3
        } else if is_html(doc, ci) {
            2
        } else if doc.children(dc).next().is_some() {
            1
        } else {
            0
        }
    };
    // Per list, the best alternative: the first of the highest richness.
    let mut best: Vec<(NodeId, NodeId, u8)> = Vec::new();
    for &ci in &texts {
        let Some((list, alt)) = alternative(ci) else { continue };
        let r = richness(ci);
        match best.iter_mut().find(|(l, ..)| *l == list) {
            Some(b) if r > b.2 => *b = (list, alt, r),
            Some(_) => {}
            None => best.push((list, alt, r)),
        }
    }
    texts
        .into_iter()
        .filter(|&ci| {
            alternative(ci).is_none_or(|(list, alt)| best.iter().any(|b| b.0 == list && b.1 == alt))
        })
        .collect()
}

/// The `xml:lang` in force at `n`.
pub(super) fn language_of(doc: &Doc, n: NodeId) -> Option<String> {
    let mut at = Some(n);
    while let Some(x) = at {
        if let Some(l) = doc.attr(x, "lang").and_then(super::language_tag) {
            return Some(l);
        }
        at = doc.parent(x);
    }
    None
}

/// When text items come in several languages, French if there, else the first one's.
fn choose_language(doc: &Doc, texts: &[NodeId]) -> Option<String> {
    let langs: Vec<Option<String>> = texts.iter().map(|&ci| language_of(doc, ci)).collect();
    if langs.windows(2).all(|w| w[0] == w[1]) {
        return None;
    }
    langs.iter().flatten().find(|l| *l == "fr").or(langs.iter().flatten().next()).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(xml: &str) -> Result<Vec<Dispatch>, ErrorKind> {
        let doc = Doc::parse(xml).unwrap();
        read(&doc, doc.root()).map(|items| items.into_iter().filter_map(Result::ok).collect())
    }

    #[test]
    fn strip_revision_table() {
        let cases = [
            (
                "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk:1",
                "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk",
            ),
            (
                "urn:newsml:www.sda-ats.ch:20190603:bsf153:1N",
                "urn:newsml:www.sda-ats.ch:20190603:bsf153",
            ),
            (
                "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk",
                "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk",
            ),
            ("urn:newsml:www.belga.be", "urn:newsml:www.belga.be"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_revision(input), want);
        }
    }

    const ITEM: &str = r#"<NewsML><NewsItem>
<Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20240710</DateId>
<NewsItemId>X1</NewsItemId><RevisionId PreviousRevision="1" Update="N">2</RevisionId>
<PublicIdentifier>urn:newsml:afp.com:20240710:X1:2</PublicIdentifier></NewsIdentifier>
<NameLabel>Politique</NameLabel></Identification>
<NewsManagement><FirstCreated>20240710T125902Z</FirstCreated>
<ThisRevisionCreated>20240710T140000Z</ThisRevisionCreated><Status FormalName="Usable"/></NewsManagement>
<NewsComponent>
 <NewsLines><HeadLine>Titre du texte</HeadLine><DateLine>Lyon, 10 juil 2024 (AFP) -</DateLine></NewsLines>
 <AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider></AdministrativeMetadata>
 <DescriptiveMetadata><Language FormalName="fr"/>
  <Location><Property FormalName="City" Value="Lyon"/></Location>
  <Property FormalName="Keyword" Value="élection"/></DescriptiveMetadata>
 <ContentItem><MediaType FormalName="Text"/><DataContent><p>Premier paragraphe.</p><p>jd/mm</p></DataContent></ContentItem>
 <NewsComponent Duid="photo0">
  <NewsLines><HeadLine>Légende photo</HeadLine><ByLine>Jean Photographe</ByLine></NewsLines>
  <NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/>
   <DataContent><p>La légende.</p></DataContent></ContentItem></NewsComponent>
 </NewsComponent>
</NewsComponent></NewsItem></NewsML>"#;

    #[test]
    fn reads_an_item_not_its_photo() {
        let ds = read_str(ITEM).unwrap();
        assert_eq!(ds.len(), 1);
        let d = &ds[0];
        assert_eq!(d.title, "Titre du texte");
        assert_eq!(d.body, ["Premier paragraphe."]);
        assert!(d.authors.is_empty());
        assert_eq!(d.id, "urn:newsml:afp.com:20240710:X1");
        assert_eq!(d.version, Some(2));
        assert_eq!(d.dateline.as_deref(), Some("Lyon"));
        assert_eq!(d.location.as_deref(), Some("Lyon"));
        assert_eq!(d.agency.as_deref(), Some("AFP"));
        assert_eq!(d.section.as_deref(), Some("Politique"));
        assert_eq!(d.language.as_deref(), Some("fr"));
        assert_eq!(d.keywords, ["Politique", "élection"]);
        assert_eq!(d.published.unwrap().to_string(), "2024-07-10T12:59:02Z");
        assert_eq!(d.updated.unwrap().to_string(), "2024-07-10T14:00:00Z");
    }

    #[test]
    fn package_and_canceled() {
        let pkg = "<NewsML><NewsItem><NewsComponent><NewsItemRef NewsItem=\"a.xml\"/><NewsItemRef NewsItem=\"b.xml\"/></NewsComponent></NewsItem></NewsML>";
        assert!(
            matches!(read_str(pkg), Err(ErrorKind::NotAnArticle(r)) if r.starts_with("package"))
        );
        let canceled = ITEM.replace("FormalName=\"Usable\"", "FormalName=\"Canceled\"");
        assert!(
            matches!(read_str(&canceled), Err(ErrorKind::Withdrawn { status, .. }) if status == "canceled")
        );
    }

    #[test]
    fn one_of_equivalent_renditions() {
        let xml = r#"<NewsML><NewsItem><NewsComponent EquivalentsList="yes">
<NewsLines><HeadLine>Titre</HeadLine></NewsLines>
<ContentItem><Format FormalName="Text"/><DataContent>Texte brut.</DataContent></ContentItem>
<ContentItem><Format FormalName="NITF"/><DataContent><nitf><body><body.content><p>Texte NITF.</p>
</body.content></body></nitf></DataContent></ContentItem>
</NewsComponent></NewsItem></NewsML>"#;
        assert_eq!(read_str(xml).unwrap()[0].body, ["Texte NITF."]);
        // Not equivalents: both parts are read.
        let parts = xml.replace(r#" EquivalentsList="yes""#, "");
        assert_eq!(read_str(&parts).unwrap()[0].body, ["Texte brut.", "Texte NITF."]);
    }

    #[test]
    fn french_variant_is_preferred() {
        let xml = r#"<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Titre</HeadLine></NewsLines>
<NewsComponent xml:lang="nl"><Role FormalName="Short"/><NewsComponent><Role FormalName="Body"/>
<ContentItem><DataContent>Nederlandse tekst.</DataContent></ContentItem></NewsComponent></NewsComponent>
<NewsComponent xml:lang="fr"><Role FormalName="Short"/><NewsComponent><Role FormalName="Body"/>
<ContentItem><DataContent>Texte français.</DataContent></ContentItem></NewsComponent></NewsComponent>
</NewsComponent></NewsItem></NewsML>"#;
        let d = &read_str(xml).unwrap()[0];
        assert_eq!(d.body, ["Texte français."]);
        assert_eq!(d.language.as_deref(), Some("fr"));
    }
}
