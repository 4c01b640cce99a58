//! A depth-first walk over a parsed document that never recurses: it moves between parent,
//! first child and next sibling in a loop, so no depth of nesting can overflow the stack.

use scraper::{ElementRef, Node};

/// What a walk reports. Every element whose `open` returned `true` gets a matching `close`
/// after its children; an element whose `open` returned `false` is skipped with its subtree.
pub(super) trait Visitor<'a> {
    /// An element starts; returns whether to enter it.
    fn open(&mut self, el: ElementRef<'a>) -> bool;
    /// An entered element ends.
    fn close(&mut self, _el: ElementRef<'a>) {}
    /// A text node inside entered elements.
    fn text(&mut self, _text: &'a str) {}
}

/// Walks `root` and its subtree in document order.
pub(super) fn walk<'a, V: Visitor<'a>>(root: ElementRef<'a>, v: &mut V) {
    if !v.open(root) {
        return;
    }
    let top = *root;
    let Some(mut node) = top.first_child() else {
        v.close(root);
        return;
    };
    loop {
        let entered = match node.value() {
            Node::Element(_) => ElementRef::wrap(node).is_some_and(|el| v.open(el)),
            Node::Text(t) => {
                v.text(&t.text);
                false
            }
            _ => false,
        };
        if entered {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            if let Some(el) = ElementRef::wrap(node) {
                v.close(el);
            }
        }
        // Climb until a next sibling exists, closing the elements left behind.
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) if parent != top => {
                    if let Some(el) = ElementRef::wrap(parent) {
                        v.close(el);
                    }
                    node = parent;
                }
                _ => {
                    v.close(root);
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    struct Trace(Vec<String>);

    impl<'a> Visitor<'a> for Trace {
        fn open(&mut self, el: ElementRef<'a>) -> bool {
            self.0.push(format!("<{}>", el.value().name()));
            el.value().name() != "script"
        }
        fn close(&mut self, el: ElementRef<'a>) {
            self.0.push(format!("</{}>", el.value().name()));
        }
        fn text(&mut self, text: &'a str) {
            self.0.push(text.to_owned());
        }
    }

    #[test]
    fn visits_in_document_order_and_skips_refused_subtrees() {
        let html = Html::parse_fragment("<p>a<b>b</b><br>c</p><script>x</script><div></div>");
        let mut t = Trace(Vec::new());
        walk(html.root_element(), &mut t);
        let want = "<html> <p> a <b> b </b> <br> </br> c </p> <script> <div> </div> </html>";
        assert_eq!(t.0.join(" "), want);
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let depth = 50_000;
        let text = format!("{}fond{}", "<span>".repeat(depth), "</span>".repeat(depth));
        let html = Html::parse_fragment(&text);
        let mut t = Trace(Vec::new());
        walk(html.root_element(), &mut t);
        assert!(t.0.contains(&"fond".to_owned()));
        assert_eq!(t.0.iter().filter(|s| *s == "<span>").count(), depth);
        assert_eq!(t.0.iter().filter(|s| *s == "</span>").count(), depth);
    }
}
