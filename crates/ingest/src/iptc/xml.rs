//! A small read-only XML tree, built with quick-xml, for the IPTC readers.
//!
//! Built without recursion (a stack of open elements), and walked without recursion
//! ([`Doc::walk`]), so a document nested 100,000 levels deep costs memory, not stack. Nodes
//! live in one arena, so dropping a deep tree does not recurse either.
//!
//! Names are kept as local names with the namespace URI beside them: IPTC files spell the same
//! namespace with different prefixes (`<nitf:p>`, `<p xmlns=…>`), or none at all. DOCTYPEs are
//! skipped and nothing they point to is ever loaded. Comments vanish, so text on both sides of
//! `<hl1><!-- Title --> Gazprom…</hl1>` joins up.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::ErrorKind;
use crate::normalize;

/// Index of a node in its [`Doc`].
pub(crate) type NodeId = usize;

/// A parsed document: an arena of nodes and the root element.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    nodes: Vec<Node>,
    namespaces: Vec<String>,
    root: Option<NodeId>,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    /// Character data; `cdata` when it came from a `<![CDATA[…]]>` section.
    Text {
        text: String,
        cdata: bool,
    },
}

/// An element: local name, namespace, attributes, children.
#[derive(Debug)]
pub(crate) struct Element {
    /// Local name (`p` for `<nitf:p>`).
    pub name: String,
    ns: Option<usize>,
    /// Attributes as (qualified name, decoded value); namespace declarations excluded.
    attrs: Vec<(String, String)>,
    children: Vec<NodeId>,
    parent: Option<NodeId>,
}

/// One step of a depth-first walk.
pub(crate) enum Visit<'a> {
    /// Entering an element; the callback's answer says whether to walk its children.
    Enter(NodeId, &'a Element),
    /// Leaving an element that was entered and descended into.
    Leave(&'a Element),
    /// Character data.
    Text(&'a str, bool),
}

impl Doc {
    /// Parses `text`. Malformed or truncated XML is a [`ErrorKind::Parse`] error.
    pub(crate) fn parse(text: &str) -> Result<Doc, ErrorKind> {
        let text = text.trim_start_matches('\u{feff}');
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        // A bare `&` is a common slip in agency XML; keep it as text.
        config.allow_dangling_amp = true;
        let mut doc = Doc::default();
        // Open elements, and for each the number of namespace bindings it pushed.
        let mut open: Vec<(NodeId, usize)> = Vec::new();
        let mut scope: Vec<(String, usize)> = Vec::new();
        loop {
            let event = reader.read_event().map_err(|e| {
                ErrorKind::Parse(format!("malformed XML at byte {}: {e}", reader.error_position()))
            })?;
            match event {
                Event::Start(start) => {
                    let id = doc.open(&start, &mut open, &mut scope)?;
                    let _ = id;
                }
                Event::Empty(start) => {
                    doc.open(&start, &mut open, &mut scope)?;
                    doc.close(&mut open, &mut scope);
                }
                Event::End(_) => doc.close(&mut open, &mut scope),
                Event::Text(t) => {
                    if let Some(&(parent, _)) = open.last() {
                        doc.push_text(parent, &t.xml10_content(), false);
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(&(parent, _)) = open.last() {
                        let raw = format!("&{};", &*r);
                        let decoded = normalize::decode_entities(&raw);
                        doc.push_text(parent, &decoded, false);
                    }
                }
                Event::CData(c) => {
                    if let Some(&(parent, _)) = open.last() {
                        doc.push_text(parent, &c.xml10_content(), true);
                    }
                }
                // Comments, processing instructions, the declaration and the DOCTYPE carry
                // no text; external DTDs are never fetched.
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => {}
                Event::Eof => break,
            }
        }
        if let Some(&(id, _)) = open.last() {
            return Err(ErrorKind::Parse(format!(
                "truncated XML: <{}> is never closed",
                doc.element(id).map_or("?", |e| e.name.as_str())
            )));
        }
        if doc.root.is_none() {
            return Err(ErrorKind::Parse("no root element".into()));
        }
        Ok(doc)
    }

    fn open(
        &mut self,
        start: &BytesStart<'_>,
        open: &mut Vec<(NodeId, usize)>,
        scope: &mut Vec<(String, usize)>,
    ) -> Result<NodeId, ErrorKind> {
        if open.is_empty() && self.root.is_some() {
            return Err(ErrorKind::Parse("more than one root element".into()));
        }
        let qname = start.name().as_ref().to_owned();
        let mut attrs = Vec::new();
        let mut pushed = 0;
        for attr in start.attributes().with_checks(false) {
            let attr =
                attr.map_err(|e| ErrorKind::Parse(format!("bad attribute in <{qname}>: {e}")))?;
            let key = attr.key.as_ref().to_owned();
            let value = normalize::decode_entities(&attr.value.replace(['\t', '\n', '\r'], " "));
            if key == "xmlns" {
                scope.push((String::new(), self.intern(&value)));
                pushed += 1;
            } else if let Some(prefix) = key.strip_prefix("xmlns:") {
                scope.push((prefix.to_owned(), self.intern(&value)));
                pushed += 1;
            } else {
                attrs.push((key, value));
            }
        }
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) => (p, l),
            None => ("", qname.as_str()),
        };
        let ns = scope.iter().rev().find(|(p, _)| p == prefix).map(|&(_, ns)| ns);
        let parent = open.last().map(|&(id, _)| id);
        let id = self.nodes.len();
        self.nodes.push(Node::Element(Element {
            name: local.to_owned(),
            ns,
            attrs,
            children: Vec::new(),
            parent,
        }));
        match parent {
            Some(p) => {
                if let Some(Node::Element(e)) = self.nodes.get_mut(p) {
                    e.children.push(id);
                }
            }
            None => self.root = Some(id),
        }
        open.push((id, pushed));
        Ok(id)
    }

    fn close(&mut self, open: &mut Vec<(NodeId, usize)>, scope: &mut Vec<(String, usize)>) {
        if let Some((_, pushed)) = open.pop() {
            scope.truncate(scope.len().saturating_sub(pushed));
        }
    }

    fn intern(&mut self, uri: &str) -> usize {
        match self.namespaces.iter().position(|n| n == uri) {
            Some(i) => i,
            None => {
                self.namespaces.push(uri.to_owned());
                self.namespaces.len() - 1
            }
        }
    }

    fn push_text(&mut self, parent: NodeId, text: &str, cdata: bool) {
        if text.is_empty() {
            return;
        }
        let last = match self.nodes.get(parent) {
            Some(Node::Element(e)) => e.children.last().copied(),
            _ => return,
        };
        // Text split by entity references or comments is one run of text.
        if !cdata
            && let Some(last) = last
            && let Some(Node::Text { text: t, cdata: false }) = self.nodes.get_mut(last)
        {
            t.push_str(text);
            return;
        }
        let id = self.nodes.len();
        self.nodes.push(Node::Text { text: text.to_owned(), cdata });
        if let Some(Node::Element(e)) = self.nodes.get_mut(parent) {
            e.children.push(id);
        }
    }

    /// Builds a document from already-parsed HTML (a CDATA-escaped body), so the same walkers
    /// read it. HTML names are kept lowercase, without namespace.
    pub(crate) fn from_html(html: &scraper::Html) -> Doc {
        let mut doc = Doc::default();
        let root = doc.nodes.len();
        doc.nodes.push(Node::Element(Element {
            name: "#fragment".into(),
            ns: None,
            attrs: Vec::new(),
            children: Vec::new(),
            parent: None,
        }));
        doc.root = Some(root);
        // html5ever's tree node → our element; `descendants` is an iterative pre-order walk.
        let mut ids = std::collections::HashMap::new();
        for node in html.tree.root().descendants() {
            let parent = node.parent().and_then(|p| ids.get(&p.id()).copied()).unwrap_or(root);
            match node.value() {
                scraper::Node::Element(el) => {
                    let id = doc.nodes.len();
                    let attrs = el.attrs().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
                    doc.nodes.push(Node::Element(Element {
                        name: el.name().to_ascii_lowercase(),
                        ns: None,
                        attrs,
                        children: Vec::new(),
                        parent: Some(parent),
                    }));
                    if let Some(Node::Element(p)) = doc.nodes.get_mut(parent) {
                        p.children.push(id);
                    }
                    ids.insert(node.id(), id);
                }
                scraper::Node::Text(t) => doc.push_text(parent, t, false),
                _ => {}
            }
        }
        doc
    }

    /// The root element.
    pub(crate) fn root(&self) -> NodeId {
        self.root.unwrap_or(0)
    }

    /// The element at `id`, if it is one.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match self.nodes.get(id) {
            Some(Node::Element(e)) => Some(e),
            _ => None,
        }
    }

    /// Local name of an element (empty for text nodes).
    pub(crate) fn name(&self, id: NodeId) -> &str {
        self.element(id).map_or("", |e| e.name.as_str())
    }

    /// Namespace URI of an element.
    pub(crate) fn namespace(&self, id: NodeId) -> Option<&str> {
        let ns = self.element(id)?.ns?;
        self.namespaces.get(ns).map(String::as_str)
    }

    /// Value of the attribute with local name `local` (`lang` finds `xml:lang`).
    pub(crate) fn attr(&self, id: NodeId, local: &str) -> Option<&str> {
        let e = self.element(id)?;
        e.attrs.iter().find(|(k, _)| k.rsplit(':').next() == Some(local)).map(|(_, v)| v.as_str())
    }

    /// Parent element.
    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.element(id)?.parent
    }

    /// Element children, in order.
    pub(crate) fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.element(id)
            .map(|e| e.children.as_slice())
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|&c| matches!(self.nodes.get(c), Some(Node::Element(_))))
    }

    /// Element children with local name `name`.
    pub(crate) fn children_named<'a>(
        &'a self,
        id: NodeId,
        name: &'a str,
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.children(id).filter(move |&c| self.name(c) == name)
    }

    /// First element child with local name `name`.
    pub(crate) fn child(&self, id: NodeId, name: &str) -> Option<NodeId> {
        self.children_named(id, name).next()
    }

    /// Follows a path of child names (`["body", "body.head", "hedline"]`).
    pub(crate) fn path(&self, id: NodeId, names: &[&str]) -> Option<NodeId> {
        names.iter().try_fold(id, |at, name| self.child(at, name))
    }

    /// All descendant elements of `id` (not `id` itself), in document order.
    pub(crate) fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        self.walk(id, |v| {
            if let Visit::Enter(n, _) = v
                && n != id
            {
                out.push(n);
            }
            true
        });
        out
    }

    /// First descendant element named `name`, in document order.
    pub(crate) fn find(&self, id: NodeId, name: &str) -> Option<NodeId> {
        let mut found = None;
        self.walk(id, |v| {
            if found.is_some() {
                return false;
            }
            if let Visit::Enter(n, e) = v
                && n != id
                && e.name == name
            {
                found = Some(n);
                return false;
            }
            true
        });
        found
    }

    /// Whether any text node under `id` (or `id` itself) holds non-whitespace text.
    pub(crate) fn has_text(&self, id: NodeId) -> bool {
        let mut yes = false;
        self.walk(id, |v| {
            if let Visit::Text(t, _) = v {
                yes |= !t.trim().is_empty();
            }
            !yes
        });
        yes
    }

    /// All the text under `id`, as written (no separator between elements).
    pub(crate) fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.walk(id, |v| {
            if let Visit::Text(t, _) = v {
                out.push_str(t);
            }
            true
        });
        out
    }

    /// The text under `id`, a space at every element boundary (`By<person>A</person>` →
    /// `By A`), skipping the subtrees of elements named in `skip`; cleaned.
    pub(crate) fn text_spaced(&self, id: NodeId, skip: &[&str]) -> String {
        let mut out = String::new();
        self.walk(id, |v| match v {
            Visit::Enter(n, e) => {
                if n != id && skip.contains(&e.name.as_str()) {
                    return false;
                }
                out.push(' ');
                true
            }
            Visit::Leave(_) => {
                out.push(' ');
                true
            }
            Visit::Text(t, _) => {
                out.push_str(t);
                true
            }
        });
        normalize::clean(&out)
    }

    /// Cleaned text of `id`, or `None` when empty.
    pub(crate) fn text_opt(&self, id: NodeId) -> Option<String> {
        normalize::clean_opt(&self.text(id))
    }

    /// Depth-first walk of `id` and everything under it, without recursion. `f` answers
    /// `Enter` with whether to descend; `Leave` is only sent for elements descended into.
    pub(crate) fn walk<'a>(&'a self, id: NodeId, mut f: impl FnMut(Visit<'a>) -> bool) {
        // (element, index of the next child to visit)
        let mut stack: Vec<(NodeId, usize)> = Vec::new();
        match self.nodes.get(id) {
            Some(Node::Element(e)) => {
                if f(Visit::Enter(id, e)) {
                    stack.push((id, 0));
                }
            }
            Some(Node::Text { text, cdata }) => {
                f(Visit::Text(text, *cdata));
                return;
            }
            None => return,
        }
        while let Some(top) = stack.last_mut() {
            let (el_id, next) = *top;
            let Some(Node::Element(el)) = self.nodes.get(el_id) else {
                stack.pop();
                continue;
            };
            let Some(&child) = el.children.get(next) else {
                stack.pop();
                f(Visit::Leave(el));
                continue;
            };
            top.1 += 1;
            match self.nodes.get(child) {
                Some(Node::Element(c)) => {
                    let descend = f(Visit::Enter(child, c));
                    if descend {
                        stack.push((child, 0));
                    }
                }
                Some(Node::Text { text, cdata }) => {
                    f(Visit::Text(text, *cdata));
                }
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_with_internal_subset_is_skipped() {
        let xml = r#"<?xml version="1.0" encoding="ISO-8859-15"?>
<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20031010:NewsMLv1.2.dtd:1" "NewsML-1.2.dtd"
[<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf; ]>
<NewsML><HeadLine>Un taureau à Landquart</HeadLine></NewsML>"#;
        let doc = Doc::parse(xml).unwrap();
        assert_eq!(doc.name(doc.root()), "NewsML");
        let hl = doc.child(doc.root(), "HeadLine").unwrap();
        assert_eq!(doc.text(hl), "Un taureau à Landquart");
    }

    #[test]
    fn comments_inside_text_are_dropped() {
        let xml =
            "<hl1>\n  <!-- Title -->\n  &#62;&#62;&#62;ANSA&#47;Gazprom cuts <!-- x -->gas</hl1>";
        let doc = Doc::parse(xml).unwrap();
        assert_eq!(doc.text_opt(doc.root()).unwrap(), ">>>ANSA/Gazprom cuts gas");
    }

    #[test]
    fn prefixes_resolve_to_namespaces() {
        let xml = r#"<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:nitf="http://iptc.org/std/NITF/2006-10-18/">
  <inlineXML><nitf:nitf><nitf:body><nitf:p>Texte</nitf:p></nitf:body></nitf:nitf></inlineXML>
  <p xmlns="http://www.w3.org/1999/xhtml">Autre</p></newsItem>"#;
        let doc = Doc::parse(xml).unwrap();
        let root = doc.root();
        assert_eq!(doc.namespace(root), Some("http://iptc.org/std/nar/2006-10-01/"));
        let nitf = doc.find(root, "nitf").unwrap();
        assert_eq!(doc.namespace(nitf), Some("http://iptc.org/std/NITF/2006-10-18/"));
        let p = doc.find(nitf, "p").unwrap();
        assert_eq!(doc.text(p), "Texte");
        let inline = doc.child(root, "inlineXML").unwrap();
        // The default namespace declared on a sibling does not leak.
        assert_eq!(doc.namespace(inline), Some("http://iptc.org/std/nar/2006-10-01/"));
        let xp = doc.children_named(root, "p").next().unwrap();
        assert_eq!(doc.namespace(xp), Some("http://www.w3.org/1999/xhtml"));
    }

    #[test]
    fn cdata_is_kept_apart_and_marked() {
        let doc = Doc::parse("<d>a &amp; <![CDATA[<P>b</P>]]></d>").unwrap();
        let mut parts = Vec::new();
        doc.walk(doc.root(), |v| {
            if let Visit::Text(t, cdata) = v {
                parts.push((t.to_owned(), cdata));
            }
            true
        });
        assert_eq!(parts, [("a & ".to_owned(), false), ("<P>b</P>".to_owned(), true)]);
    }

    #[test]
    fn attributes_by_local_name_and_entities() {
        let doc = Doc::parse(r#"<a xml:lang="fr" t="l&#8217;OTAN &amp; co&eacute;"/>"#).unwrap();
        assert_eq!(doc.attr(doc.root(), "lang"), Some("fr"));
        assert_eq!(doc.attr(doc.root(), "t"), Some("l\u{2019}OTAN & coé"));
    }

    #[test]
    fn spaced_text_separates_elements_and_skips() {
        let doc =
            Doc::parse("<byline>By<person>Staff Reporter</person><byttl>Desk</byttl></byline>")
                .unwrap();
        assert_eq!(doc.text_spaced(doc.root(), &["byttl"]), "By Staff Reporter");
        assert_eq!(doc.text(doc.root()), "ByStaff ReporterDesk");
    }

    #[test]
    fn bad_input_is_an_error() {
        for bad in ["<a><b></a>", "<a><b>texte", "", "texte seul", "<a></a><b></b>", "<a x=1></a>"]
        {
            assert!(matches!(Doc::parse(bad), Err(ErrorKind::Parse(_))), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let xml = format!("{}texte{}", "<d>".repeat(depth), "</d>".repeat(depth));
        let doc = Doc::parse(&xml).unwrap();
        assert_eq!(doc.text(doc.root()), "texte");
        assert_eq!(doc.descendants(doc.root()).len(), depth - 1);
        assert!(Doc::parse(&"<d>".repeat(depth)).is_err());
    }
}
