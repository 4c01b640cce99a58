//! Dispatches written in Markdown (notes apps, static-site exports, chat tools): the marks
//! (`# ` headings, `**bold**`, `[links](…)`, `> ` quotes, list bullets, code fences) are
//! taken off so the text reads as the plain text it stands for.

/// The plain text of `text` when it is Markdown: it opens with a `# ` heading, or uses at
/// least three Markdown marks; `None` otherwise.
pub(super) fn to_plain(text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim_start_matches('\u{feff}');
    let heading_first = heading(first).is_some_and(|(level, _)| level == 1);
    let marks = text
        .lines()
        .filter(|l| {
            heading(l).is_some()
                || l.contains("**")
                || l.contains("](")
                || l.trim_start().starts_with("> ")
                || l.trim_start().starts_with("```")
        })
        .count();
    if !heading_first && marks < 3 {
        return None;
    }
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let t = match heading(t) {
            Some((_, rest)) => rest,
            None => t.trim_start_matches('>').trim_start(),
        };
        let t = bullet(t);
        out.push(inline(t));
    }
    Some(out.join("\n"))
}

/// `## Title` → (2, `Title`).
fn heading(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = t[level..].strip_prefix(' ')?;
    (1..=6).contains(&level).then(|| (level, rest.trim().trim_end_matches('#').trim_end()))
}

/// A list item without its bullet (`- `, `* `, `+ `); numbered items keep their number.
fn bullet(t: &str) -> &str {
    ["- ", "* ", "+ "].iter().find_map(|b| t.strip_prefix(b)).unwrap_or(t)
}

/// Inline marks off: images dropped, links to their text, emphasis and code marks removed.
fn inline(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find(['[', '*', '_', '`', '!']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some((text, len)) = link(tail.strip_prefix('!').unwrap_or(tail)) {
            let image = tail.starts_with('!');
            if !image {
                out.push_str(text);
            }
            rest = &tail[len + usize::from(image)..];
            continue;
        }
        let c = tail.chars().next().unwrap_or(' ');
        let prev = out.chars().next_back();
        let next = tail[c.len_utf8()..].chars().next();
        // `*`, `**`, `_`, `__`, `` ` `` at a word's edge are marks; inside a word (`snake_case`,
        // `5*3`) they are text.
        let edge =
            prev.is_none_or(|p| !p.is_alphanumeric()) || next.is_none_or(|n| !n.is_alphanumeric());
        if matches!(c, '*' | '_' | '`') && edge {
            rest = tail.trim_start_matches(c);
        } else {
            out.push(c);
            rest = &tail[c.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// `[text](url)` at the start of `s`: its text and byte length.
fn link(s: &str) -> Option<(&str, usize)> {
    let inner = s.strip_prefix('[')?;
    let close = inner.find("](")?;
    let text = &inner[..close];
    if text.contains(['[', ']', '\n']) {
        return None;
    }
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    Some((text, 1 + close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_come_off() {
        let md = "# Lyon : la ligne B prolongée\n\n**Par Camille Roux** — *Publié le 12 mars 2024*\n\n> Le prolongement dessert quatre stations.\n\nLe Sytral a inauguré mardi la ligne ![plan](plan.png) du [métro](https://x.fr/m) lyonnais, rue_de_la_paix.\n\n## Un chantier\n\n- 4 nouvelles stations\n\n```\ncode\n```\n[Lire aussi](https://example.fr/metro)";
        let plain = to_plain(md).unwrap();
        assert_eq!(
            plain,
            "Lyon : la ligne B prolongée\n\nPar Camille Roux — Publié le 12 mars 2024\n\nLe prolongement dessert quatre stations.\n\nLe Sytral a inauguré mardi la ligne  du métro lyonnais, rue_de_la_paix.\n\nUn chantier\n\n4 nouvelles stations\n\nLire aussi"
        );
    }

    #[test]
    fn plain_text_is_no_markdown() {
        assert!(to_plain("Titre\n\nLe texte avec un * et un_mot.\n\n- Une liste").is_none());
        assert!(to_plain("#MeToo : le mouvement continue\n\nTexte.").is_none());
    }
}
