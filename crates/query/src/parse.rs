//! The query language users type: words (ANDed by default), `"phrases"`, `-exclusion`, `OR`,
//! parentheses and `field:` prefixes.
//!
//! It never fails: unbalanced quotes and parentheses are closed, stray operators dropped,
//! and each repair is reported as a [`Notice`]. Apostrophes are ordinary word characters
//! (`l'avion`, `aujourd'hui`), unlike in tantivy's own parser where `'` quotes.

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// All children must match (negated children must not).
    And(Vec<Node>),
    /// At least one child must match.
    Or(Vec<Node>),
    /// Must not match.
    Not(Box<Node>),
    /// Words or a phrase, optionally restricted to a field.
    Text {
        /// Field prefix as typed (`title`, `person`…), if any.
        field: Option<String>,
        /// The text, without quotes.
        text: String,
        /// Quoted: the words must appear in this order, next to each other.
        phrase: bool,
    },
}

/// A repair made to the query, worth telling the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A quote was opened and not closed.
    UnclosedQuote,
    /// Parentheses did not balance.
    UnbalancedParens,
    /// An operator had nothing to apply to (`OR` at the end, a lone `-`).
    DanglingOperator(String),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::UnclosedQuote => f.write_str("an unclosed quote was closed at the end"),
            Notice::UnbalancedParens => f.write_str("unbalanced parentheses were ignored"),
            Notice::DanglingOperator(op) => write!(f, "`{op}` with nothing after it was ignored"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(String),
    Field(String),
    Open,
    Close,
    Or,
    And,
    Minus,
    Plus,
    Not,
}

/// Parses a query. `known_field` says whether a `name:` prefix names a searchable field; an
/// unknown prefix is kept as text (`10:30`, `Covid-19:`).
pub fn parse(input: &str, known_field: &dyn Fn(&str) -> bool) -> (Option<Node>, Vec<Notice>) {
    let mut notices = Vec::new();
    let toks = lex(input, known_field, &mut notices);
    let mut p = Parser { toks, i: 0, notices, depth: 0 };
    let node = p.sequence();
    if p.i < p.toks.len() {
        // Only stray closing parentheses stop a sequence at top level.
        p.notices.push(Notice::UnbalancedParens);
    }
    let mut notices = p.notices;
    notices.dedup();
    (node, notices)
}

fn is_quote_open(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        _ => None,
    }
}

fn lex(input: &str, known_field: &dyn Fn(&str) -> bool, notices: &mut Vec<Notice>) -> Vec<Tok> {
    let chars: Vec<char> = input.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '\u{a0}' {
            i += 1;
            continue;
        }
        if let Some(close) = is_quote_open(c) {
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && chars[j] != close && !(close == '”' && chars[j] == '"') {
                j += 1;
            }
            if j >= chars.len() {
                notices.push(Notice::UnclosedQuote);
            }
            let text: String = chars[start..j.min(chars.len())].iter().collect();
            toks.push(Tok::Phrase(text.trim().to_owned()));
            i = j + 1;
            continue;
        }
        match c {
            '(' => {
                toks.push(Tok::Open);
                i += 1;
                continue;
            }
            ')' => {
                toks.push(Tok::Close);
                i += 1;
                continue;
            }
            '-' | '+'
                if i + 1 < chars.len()
                    && !chars[i + 1].is_whitespace()
                    && at_start(&toks, &chars, i) =>
            {
                toks.push(if c == '-' { Tok::Minus } else { Tok::Plus });
                i += 1;
                continue;
            }
            _ => {}
        }
        let start = i;
        while i < chars.len()
            && !chars[i].is_whitespace()
            && !matches!(chars[i], '(' | ')')
            && is_quote_open(chars[i]).is_none()
        {
            // A `field:` prefix ends the token.
            if chars[i] == ':' {
                let name: String = chars[start..i].iter().collect();
                if known_field(&name.to_lowercase()) {
                    toks.push(Tok::Field(name.to_lowercase()));
                    i += 1;
                    break;
                }
            }
            i += 1;
        }
        if matches!(toks.last(), Some(Tok::Field(_))) && start < i && chars[i - 1] == ':' {
            continue;
        }
        let word: String = chars[start..i].iter().collect();
        // A dash between spaces, with words after it, is punctuation, as in a pasted
        // headline (`Gilets jaunes - Dupond-Moretti`), not an exclusion.
        if matches!(word.as_str(), "-" | "–" | "—") && chars[i..].iter().any(|c| !c.is_whitespace())
        {
            continue;
        }
        toks.push(match word.as_str() {
            "OR" | "OU" | "||" => Tok::Or,
            "AND" | "ET" | "&&" => Tok::And,
            "NOT" | "SAUF" => Tok::Not,
            "-" => Tok::Minus,
            "+" => Tok::Plus,
            _ => Tok::Word(word),
        });
    }
    toks
}

/// `-`/`+` is an operator only at the start of a word (`-mot`), not inside one (`vingt-deux`
/// is one token anyway) and not alone.
fn at_start(_toks: &[Tok], chars: &[char], i: usize) -> bool {
    i == 0 || chars[i - 1].is_whitespace() || matches!(chars[i - 1], '(' | ':')
}

struct Parser {
    toks: Vec<Tok>,
    i: usize,
    notices: Vec<Notice>,
    depth: usize,
}

/// Deeper nesting than this is flattened: no stack overflow on `((((…`.
const MAX_DEPTH: usize = 32;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i)
    }

    /// clause* (implicit AND), up to a closing parenthesis or the end.
    fn sequence(&mut self) -> Option<Node> {
        let mut items = Vec::new();
        while let Some(t) = self.peek() {
            match t {
                Tok::Close if self.depth > 0 => break,
                Tok::Close => {
                    self.notices.push(Notice::UnbalancedParens);
                    self.i += 1;
                }
                Tok::And => self.i += 1,
                Tok::Or => {
                    self.notices.push(Notice::DanglingOperator("OR".into()));
                    self.i += 1;
                }
                _ => {
                    if let Some(n) = self.disjunction() {
                        items.push(n);
                    }
                }
            }
        }
        match items.len() {
            0 => None,
            1 => items.pop(),
            _ => Some(Node::And(items)),
        }
    }

    /// unary (OR unary)*
    fn disjunction(&mut self) -> Option<Node> {
        let mut alts: Vec<Node> = self.unary().into_iter().collect();
        while self.peek() == Some(&Tok::Or) {
            self.i += 1;
            match self.unary() {
                Some(n) => alts.push(n),
                None => self.notices.push(Notice::DanglingOperator("OR".into())),
            }
        }
        match alts.len() {
            0 => None,
            1 => alts.pop(),
            _ => Some(Node::Or(alts)),
        }
    }

    fn unary(&mut self) -> Option<Node> {
        match self.peek()? {
            Tok::Minus | Tok::Not => {
                let op = if self.peek() == Some(&Tok::Not) { "NOT" } else { "-" };
                self.i += 1;
                match self.primary(None) {
                    Some(n) => Some(Node::Not(Box::new(n))),
                    None => {
                        self.notices.push(Notice::DanglingOperator(op.into()));
                        None
                    }
                }
            }
            Tok::Plus => {
                self.i += 1;
                self.primary(None)
            }
            _ => self.primary(None),
        }
    }

    fn primary(&mut self, field: Option<String>) -> Option<Node> {
        let tok = self.peek()?.clone();
        self.i += 1;
        match tok {
            Tok::Word(w) => Some(Node::Text { field, text: w, phrase: false }),
            Tok::Phrase(p) if p.is_empty() => None,
            Tok::Phrase(p) => Some(Node::Text { field, text: p, phrase: true }),
            Tok::Field(f) => {
                let inner = field.unwrap_or(f);
                match self.peek() {
                    Some(Tok::Word(_) | Tok::Phrase(_) | Tok::Open) => self.primary(Some(inner)),
                    _ => {
                        self.notices.push(Notice::DanglingOperator(format!("{inner}:")));
                        None
                    }
                }
            }
            Tok::Open => {
                self.depth += 1;
                let inner = if self.depth > MAX_DEPTH { None } else { self.sequence() };
                self.depth -= 1;
                if self.peek() == Some(&Tok::Close) {
                    self.i += 1;
                } else {
                    self.notices.push(Notice::UnbalancedParens);
                }
                inner.map(|n| match field {
                    Some(f) => with_field(n, &f),
                    None => n,
                })
            }
            Tok::Close => {
                self.i -= 1;
                None
            }
            Tok::Or | Tok::And => None,
            Tok::Minus | Tok::Plus | Tok::Not => {
                self.i -= 1;
                self.unary()
            }
        }
    }
}

/// Applies a field prefix to every text leaf of a group without one (`title:(a OR b)`).
fn with_field(node: Node, f: &str) -> Node {
    match node {
        Node::And(v) => Node::And(v.into_iter().map(|n| with_field(n, f)).collect()),
        Node::Or(v) => Node::Or(v.into_iter().map(|n| with_field(n, f)).collect()),
        Node::Not(n) => Node::Not(Box::new(with_field(*n, f))),
        Node::Text { field: None, text, phrase } => {
            Node::Text { field: Some(f.to_owned()), text, phrase }
        }
        t => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(f: &str) -> bool {
        matches!(f, "title" | "person" | "section" | "dateline" | "agency" | "author")
    }

    fn word(t: &str) -> Node {
        Node::Text { field: None, text: t.into(), phrase: false }
    }

    fn field(f: &str, t: &str, phrase: bool) -> Node {
        Node::Text { field: Some(f.into()), text: t.into(), phrase }
    }

    fn p(q: &str) -> Option<Node> {
        parse(q, &known).0
    }

    #[test]
    fn table() {
        let cases: Vec<(&str, Option<Node>)> = vec![
            ("otan", Some(word("otan"))),
            (
                "l'avion aujourd'hui qu'il",
                Some(Node::And(vec![word("l'avion"), word("aujourd'hui"), word("qu'il")])),
            ),
            ("l’OTAN", Some(word("l’OTAN"))),
            (
                "\"la vie en rose\"",
                Some(Node::Text { field: None, text: "la vie en rose".into(), phrase: true }),
            ),
            (
                "« Conseil OTAN-Russie »",
                Some(Node::Text { field: None, text: "Conseil OTAN-Russie".into(), phrase: true }),
            ),
            (
                "russie -chine",
                Some(Node::And(vec![word("russie"), Node::Not(Box::new(word("chine")))])),
            ),
            (
                "paris OR lyon marseille",
                Some(Node::And(vec![
                    Node::Or(vec![word("paris"), word("lyon")]),
                    word("marseille"),
                ])),
            ),
            (
                "(paris OU lyon) NOT marseille",
                Some(Node::And(vec![
                    Node::Or(vec![word("paris"), word("lyon")]),
                    Node::Not(Box::new(word("marseille"))),
                ])),
            ),
            ("person:\"Sergueï Lavrov\"", Some(field("person", "Sergueï Lavrov", true))),
            ("Title:Otan", Some(field("title", "Otan", false))),
            (
                "title:(otan OR onu)",
                Some(Node::Or(vec![field("title", "otan", false), field("title", "onu", false)])),
            ),
            ("10:30 covid-19:", Some(Node::And(vec![word("10:30"), word("covid-19:")]))),
            ("vingt-deux", Some(word("vingt-deux"))),
            // A dash between words is punctuation.
            (
                "Gilets jaunes - Dupond-Moretti",
                Some(Node::And(vec![word("Gilets"), word("jaunes"), word("Dupond-Moretti")])),
            ),
            ("otan — russie", Some(Node::And(vec![word("otan"), word("russie")]))),
            ("", None),
            ("   ", None),
        ];
        for (q, want) in cases {
            assert_eq!(p(q), want, "{q:?}");
        }
    }

    #[test]
    fn repairs_are_reported() {
        let cases = [
            ("\"pas fermé", Notice::UnclosedQuote),
            ("(a b", Notice::UnbalancedParens),
            ("a b)", Notice::UnbalancedParens),
            ("a OR", Notice::DanglingOperator("OR".into())),
            ("a -", Notice::DanglingOperator("-".into())),
            ("title:", Notice::DanglingOperator("title:".into())),
        ];
        for (q, notice) in cases {
            let (node, notices) = parse(q, &known);
            assert!(notices.contains(&notice), "{q:?}: {notices:?}");
            assert!(q.trim_start().starts_with("title") || node.is_some(), "{q:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let deep = "(".repeat(10_000) + "a" + &")".repeat(10_000);
        for q in [
            "((((",
            "))))",
            "\"\"",
            "«",
            "- - -",
            "OR OR",
            ":::",
            "a:b:c",
            "-\"x\"",
            &deep,
            "\u{0}",
            "title:title:x",
        ] {
            let _ = parse(q, &known);
        }
    }
}
