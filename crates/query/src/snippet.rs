//! Snippets: up to three fragments of lede and body around the matches, cut on word
//! boundaries, every matched form highlighted (stems, accent variants, whole phrases).
//!
//! Only the stored text of the hits is analyzed, one pass per field, with the same analysis
//! as the index, so what is highlighted is what matched.

use std::ops::Range;

use depeche_index::analyzer;

use crate::build::Highlight;
use crate::hit::Snippet;

/// Target fragment length, in characters.
const FRAGMENT_CHARS: usize = 200;
/// Context kept before the first match of a fragment, in characters.
const LEAD_CHARS: usize = 40;

/// A match found in a field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Match {
    range: Range<usize>,
    /// Index of the highlighted term or phrase (distinct terms make a better fragment).
    what: usize,
}

/// Finds the matches of `hl` in `text`.
fn find_matches(text: &str, hl: &Highlight) -> Vec<Match> {
    let mut words: Vec<(usize, Range<usize>, usize)> = Vec::new(); // (position, range, key id)
    let mut keys: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let need_words = !hl.phrases.is_empty();
    // Stem keys match any form of a word, exact terms the form itself.
    let single: Vec<(&str, bool)> = hl
        .keys
        .iter()
        .map(|k| (k.as_str(), false))
        .chain(hl.exacts.iter().map(|e| (e.as_str(), true)))
        .collect();
    let initials = analyzer::Initials::of(
        single
            .iter()
            .map(|&(t, _)| t)
            .chain(hl.phrases.iter().flatten().flat_map(|(_, alts)| alts).map(String::as_str))
            .chain(hl.prefixes.iter().map(String::as_str)),
    );
    let prefix_what = single.len() + hl.phrases.len();
    analyzer::for_each_word_among(text, &initials, |w| {
        if let Some(i) =
            single.iter().position(|&(t, exact)| t == if exact { w.exact } else { w.key })
        {
            out.push(Match { range: w.start..w.end, what: i });
        } else if !hl.prefixes.is_empty() {
            let folded = w.exact.strip_prefix(analyzer::EXACT_MARK).unwrap_or(w.exact);
            if let Some(i) = hl.prefixes.iter().position(|p| folded.starts_with(p.as_str())) {
                out.push(Match { range: w.start..w.end, what: prefix_what + i });
            }
        }
        if need_words {
            let id = match keys.iter().position(|k| k == w.key) {
                Some(i) => i,
                None => {
                    keys.push(w.key.to_owned());
                    keys.len() - 1
                }
            };
            words.push((w.position, w.start..w.end, id));
        }
    });
    for (p, phrase) in hl.phrases.iter().enumerate() {
        let what = single.len() + p;
        let Some(((_, first), rest)) = phrase.split_first() else { continue };
        for (i, (pos, range, id)) in words.iter().enumerate() {
            if !first.contains(&keys[*id]) {
                continue;
            }
            // Each later word at its offset from the first, as the index's phrase query
            // matches it (a stop word in between is any word).
            let later = &words[i + 1..];
            let mut end = range.end;
            let ok = rest.iter().all(|(offset, alts)| {
                match later.binary_search_by_key(&(pos + offset), |w| w.0) {
                    Ok(j) if alts.contains(&keys[later[j].2]) => {
                        end = end.max(later[j].1.end);
                        true
                    }
                    _ => false,
                }
            });
            if ok {
                out.push(Match { range: range.start..end, what });
            }
        }
    }
    out.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    // Drop matches inside a longer one (a phrase word also highlighted alone).
    let mut kept: Vec<Match> = Vec::new();
    for m in out {
        match kept.last() {
            Some(last) if m.range.start < last.range.end => {}
            _ => kept.push(m),
        }
    }
    kept
}

/// A candidate fragment of one field.
struct Candidate<'t> {
    field: &'static str,
    text: &'t str,
    window: Range<usize>,
    matches: Vec<Range<usize>>,
    score: f32,
}

/// Builds up to `max` snippets from the fields (`("lede", text)`, `("body", text)`). When
/// nothing matches (only the title did), the start of the first non-empty field is given,
/// unhighlighted.
pub(crate) fn snippets(
    fields: &[(&'static str, &str)],
    hl: &Highlight,
    max: usize,
) -> Vec<Snippet> {
    if max == 0 {
        return Vec::new();
    }
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for (field, text) in fields {
        if text.is_empty() {
            continue;
        }
        let matches = find_matches(text, hl);
        let mut i = 0;
        while i < matches.len() {
            let window = window_at(text, matches[i].range.start);
            let inside: Vec<&Match> =
                matches[i..].iter().take_while(|m| m.range.end <= window.end).collect();
            let mut distinct: Vec<usize> = inside.iter().map(|m| m.what).collect();
            distinct.sort_unstable();
            distinct.dedup();
            let score = distinct.len() as f32 + 0.1 * inside.len() as f32
                - if *field == "lede" { 0.0 } else { 0.01 };
            candidates.push(Candidate {
                field,
                text,
                window,
                matches: inside.iter().map(|m| m.range.clone()).collect(),
                score,
            });
            i += inside.len().max(1);
        }
    }
    if candidates.is_empty() {
        return fields
            .iter()
            .find(|(_, t)| !t.is_empty())
            .map(|(field, text)| render(field, text, window_at(text, 0), &[]))
            .into_iter()
            .collect();
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| candidates[b].score.total_cmp(&candidates[a].score).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    for i in order {
        if chosen.len() == max {
            break;
        }
        let c = &candidates[i];
        let overlaps = chosen.iter().any(|&j| {
            let o = &candidates[j];
            o.field == c.field && o.window.start < c.window.end && c.window.start < o.window.end
        });
        if !overlaps {
            chosen.push(i);
        }
    }
    // In reading order: lede first, then body, by position.
    chosen.sort_by_key(|&i| (candidates[i].field != "lede", candidates[i].window.start));
    chosen
        .into_iter()
        .map(|i| {
            let c = &candidates[i];
            render(c.field, c.text, c.window.clone(), &c.matches)
        })
        .collect()
}

/// A window of about [`FRAGMENT_CHARS`] characters around a match starting at `at`, cut on
/// word boundaries (and at the start of the sentence when it is near).
fn window_at(text: &str, at: usize) -> Range<usize> {
    // Fragments stay within one paragraph.
    let para_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let mut start = back_chars(text, at, LEAD_CHARS).max(para_start);
    // Prefer the start of the sentence if it lies within the lead.
    if let Some(p) = text[start..at].rfind(['.', '!', '?']) {
        let after = start + p + 1;
        start = after + text[after..at].len() - text[after..at].trim_start().len();
    } else if start > para_start {
        // Move forward to the next word start.
        match text[start..at].find(char::is_whitespace) {
            Some(sp) => start += sp + 1,
            None => start = at,
        }
    }
    let mut end = forward_chars(text, start, FRAGMENT_CHARS).min(para_end);
    if end < para_end {
        match text[start..end].rfind(char::is_whitespace) {
            Some(sp) if start + sp > at => end = start + sp,
            _ => {}
        }
    }
    start..end
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..].char_indices().nth(n).map_or(text.len(), |(i, _)| from + i)
}

fn render(
    field: &'static str,
    text: &str,
    window: Range<usize>,
    matches: &[Range<usize>],
) -> Snippet {
    let body = text[window.clone()].trim_end_matches([',', ';', ':', ' ']);
    let at_para_start = window.start == 0 || text[..window.start].ends_with('\n');
    let prefix = if at_para_start { "" } else { "…" };
    let end = window.start + body.len();
    // No ellipsis where the fragment ends with its paragraph's sentence.
    let at_para_end = text[end..].starts_with('\n') && body.ends_with(['.', '!', '?', '"', '»']);
    let suffix = if end < text.len() && !at_para_end { "…" } else { "" };
    let mut out = String::with_capacity(body.len() + 8);
    out.push_str(prefix);
    out.push_str(body);
    out.push_str(suffix);
    let shift = prefix.len();
    let highlights: Vec<Range<usize>> = matches
        .iter()
        .filter(|m| m.start >= window.start && m.end <= window.start + body.len())
        .map(|m| m.start - window.start + shift..m.end - window.start + shift)
        .collect();
    let html = to_html(&out, &highlights);
    Snippet { field, text: out, highlights, html }
}

/// Escapes text for HTML and wraps the highlights in `<mark>`.
pub(crate) fn to_html(text: &str, highlights: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + highlights.len() * 13);
    let mut at = 0;
    for h in highlights {
        escape_into(&text[at..h.start], &mut out);
        out.push_str("<mark>");
        escape_into(&text[h.clone()], &mut out);
        out.push_str("</mark>");
        at = h.end;
    }
    escape_into(&text[at..], &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(words: &[&str], phrases: &[&str]) -> Highlight {
        let mut h = Highlight::default();
        for w in words {
            for a in analyzer::analyze(w) {
                h.keys.insert(a.key);
            }
        }
        for p in phrases {
            let words = analyzer::analyze(p);
            let first = words[0].position;
            h.phrases.push(words.into_iter().map(|a| (a.position - first, vec![a.key])).collect());
        }
        h
    }

    /// Highlights of quoted words: their exact forms.
    fn exact(words: &[&str]) -> Highlight {
        let mut h = Highlight::default();
        for w in words {
            h.exacts.extend(analyzer::analyze(w).into_iter().map(|a| a.exact));
        }
        h
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn stems_and_accents_are_highlighted() {
        let body = "Les négociations ont repris à Genève. Le négociateur russe a salué une négociation \
                    « constructive » avec l'OTAN et les États-Unis.";
        let s = snippets(&[("body", body)], &hl(&["negociation", "Otan"], &[]), 3);
        assert_eq!(s.len(), 1);
        // `négociateur` shares the Snowball stem: it matched, so it is highlighted too.
        assert_eq!(marked(&s[0]), ["négociations", "négociateur", "négociation", "OTAN"]);
        assert!(s[0].html.contains("<mark>négociations</mark>"), "{}", s[0].html);
    }

    #[test]
    fn phrases_are_highlighted_whole() {
        let body =
            "Sergueï Lavrov a rencontré Jens Stoltenberg. Lavrov a ensuite parlé aux journalistes.";
        let s = snippets(&[("body", body)], &hl(&["lavrov"], &["Sergueï Lavrov"]), 3);
        assert_eq!(marked(&s[0]), ["Sergueï Lavrov", "Lavrov"]);
    }

    #[test]
    fn phrases_with_stop_words_are_highlighted_whole() {
        let body = "Le conseil de sécurité de l'ONU se réunit. Les conseils de sécurité régionaux \
                    aussi. La réforme des retraites est votée.";
        let h = hl(&[], &["conseil de sécurité", "réforme des retraites"]);
        let s = snippets(&[("body", body)], &h, 3);
        assert_eq!(
            marked(&s[0]),
            ["conseil de sécurité", "conseils de sécurité", "réforme des retraites"]
        );
    }

    #[test]
    fn quoted_words_are_highlighted_in_their_exact_form() {
        let body = "Il faut porter le masque au port. Le port du masque, dit le porte-parole, \
                    protège ceux qui le portent.";
        let s = snippets(&[("body", body)], &exact(&["porter"]), 3);
        assert_eq!(marked(&s[0]), ["porter"]);
        // `port` is its own stem key: only the word itself, not `porter` nor `porte`.
        let s = snippets(&[("body", body)], &exact(&["port"]), 3);
        assert_eq!(marked(&s[0]), ["port", "port"]);
        let body = "Un chat errant. Les chats du refuge.";
        let s = snippets(&[("body", body)], &exact(&["chats"]), 3);
        assert_eq!(marked(&s[0]), ["chats"]);
        let s = snippets(&[("body", body)], &exact(&["Chat"]), 3);
        assert_eq!(marked(&s[0]), ["chat"]);
    }

    #[test]
    fn fragments_are_cut_on_words_with_ellipses() {
        let filler =
            "Une phrase de remplissage sans rapport avec la recherche en cours. ".repeat(10);
        let body = format!(
            "{filler}Le président colombien Ivan Duque Marquez est arrivé. {filler}La visite de Duque a duré deux jours. {filler}"
        );
        let s = snippets(&[("body", &body)], &hl(&["Duque"], &[]), 3);
        assert_eq!(s.len(), 2);
        for snip in &s {
            assert!(
                snip.text.starts_with('…')
                    || snip.text.starts_with("Le")
                    || snip.text.starts_with("La"),
                "{}",
                snip.text
            );
            assert!(snip.text.ends_with('…'), "{}", snip.text);
            assert!(snip.text.chars().count() <= FRAGMENT_CHARS + 2, "{}", snip.text.len());
            assert_eq!(marked(snip), ["Duque"]);
        }
    }

    #[test]
    fn fragments_stay_within_a_paragraph() {
        let body = "Premier paragraphe sans rapport.\n\nLe ministre Lavrov est arrivé à Genève.\n\nUn autre paragraphe.";
        let s = snippets(&[("body", body)], &hl(&["lavrov"], &[]), 3);
        assert_eq!(s[0].text, "Le ministre Lavrov est arrivé à Genève.");
    }

    #[test]
    fn no_match_gives_the_start_of_the_lede() {
        let s = snippets(
            &[("lede", "Le chapô de la dépêche."), ("body", "Le corps.")],
            &hl(&["zzz"], &[]),
            3,
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].field, "lede");
        assert!(s[0].highlights.is_empty());
    }

    #[test]
    fn html_is_escaped() {
        let s = snippets(&[("body", "<script>alert(1)</script> & l'OTAN")], &hl(&["otan"], &[]), 3);
        assert_eq!(s[0].html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; l'<mark>OTAN</mark>");
    }
}
