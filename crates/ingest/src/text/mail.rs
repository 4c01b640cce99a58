//! A dispatch forwarded by e-mail and saved as text: the mail headers (`De :`, `Envoyé :`,
//! `À :`, `Objet :`, or their English forms), the `-----Message d'origine-----` separators
//! and the signature after a `-- ` line are no part of the story; the subject can stand in
//! for a missing headline.

use crate::normalize::label_key;

/// Mail header labels, as [`label_key`] writes them.
const LABELS: &[&str] = &[
    "de",
    "from",
    "envoye",
    "envoye le",
    "sent",
    "date",
    "a",
    "to",
    "cc",
    "cci",
    "bcc",
    "objet",
    "subject",
    "importance",
    "pieces jointes",
    "attachments",
    "reply-to",
    "repondre a",
];

/// Labels that make a header a mail header (a plain-text export may have `Date :` alone).
const MAIL_ONLY: &[&str] =
    &["de", "from", "envoye", "envoye le", "sent", "a", "to", "objet", "subject"];

/// Subject prefixes a mail client adds.
const SUBJECT_PREFIXES: &[&str] = &["tr", "fw", "fwd", "re", "aw", "wg"];

/// `text` without its mail headers, separators and signature, and the mail's subject; `None`
/// when `text` does not open with a mail header.
pub(super) fn strip(text: &str) -> Option<(String, Option<String>)> {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let header_len = header(&lines[first..])?;
    let mut subject = None;
    let mut out = Vec::new();
    let mut k = first;
    while k < lines.len() {
        let line = lines[k].trim_end();
        if k == first || is_separator(line) {
            // A header block (the first one, or a forwarded message's own after a separator).
            let at = if k == first { k } else { k + 1 };
            let n = if k == first { header_len } else { header(&lines[at..]).unwrap_or(0) };
            for l in &lines[at..at + n] {
                if let Some((label, value)) = label_of(l)
                    && matches!(label.as_str(), "objet" | "subject")
                    && subject.is_none()
                {
                    subject = Some(clean_subject(value));
                }
            }
            k = at + n;
            continue;
        }
        // The signature delimiter: the rest is the sender's signature and disclaimer.
        if line == "--" || line == "-- " || lines[k] == "-- " {
            break;
        }
        out.push(line);
        k += 1;
    }
    Some((out.join("\n"), subject.filter(|s| !s.is_empty())))
}

/// How many lines of a mail header open `lines` (continuation lines included), if they are
/// one: two labels or more, one of them only mail headers have.
fn header(lines: &[&str]) -> Option<usize> {
    let (mut n, mut labels, mut mail) = (0, 0, false);
    for l in lines {
        if l.trim().is_empty() {
            break;
        }
        match label_of(l) {
            Some((label, _)) => {
                labels += 1;
                mail |= MAIL_ONLY.contains(&label.as_str());
            }
            // A long recipient list wraps onto indented lines.
            None if labels > 0 && l.starts_with([' ', '\t']) => {}
            None => break,
        }
        n += 1;
    }
    (labels >= 2 && mail).then_some(n)
}

fn label_of(line: &str) -> Option<(String, &str)> {
    let (label, value) = line.split_once(':')?;
    let key = label_key(label).trim().to_owned();
    LABELS.contains(&key.as_str()).then_some((key, value.trim()))
}

/// `-----Message d'origine-----`, `-----Original Message-----`, `---------- Forwarded
/// message ---------`, `Début du message réexpédié :`.
fn is_separator(line: &str) -> bool {
    let key = label_key(line);
    let bare = key.trim_matches(|c: char| c == '-' || c == ' ' || c == ':');
    matches!(
        bare,
        "message d'origine"
            | "original message"
            | "forwarded message"
            | "message transfere"
            | "debut du message reexpedie"
            | "begin forwarded message"
    )
}

/// `TR: URGENT - Incendie à Rouen` → `Incendie à Rouen`.
fn clean_subject(value: &str) -> String {
    let mut s = value.trim();
    while let Some((head, rest)) = s.split_once(':') {
        if SUBJECT_PREFIXES.contains(&label_key(head).trim()) {
            s = rest.trim_start();
        } else {
            break;
        }
    }
    for flag in ["URGENT - ", "URGENT : ", "URGENT: ", "FLASH - "] {
        s = s.strip_prefix(flag).unwrap_or(s);
    }
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_dispatch() {
        let text = "De : Service Desk <desk@agence.example>\nEnvoyé : mardi 12 mars 2024 16:04\nÀ : Rédaction Web <web@journal.example>,\n    Chef d'édition <chef@journal.example>\nObjet : TR: URGENT - Incendie à la cathédrale de Rouen\n\n-----Message d'origine-----\nDe : AFP <afp@afp.example>\nEnvoyé : mardi 12 mars 2024 15:58\nObjet : Incendie\n\nROUEN, 12 mars 2024 (AFP) - Un incendie s'est déclaré.\n\nxyz/abc\n\n-- \nCe message est confidentiel.";
        let (body, subject) = strip(text).unwrap();
        assert_eq!(subject.as_deref(), Some("Incendie à la cathédrale de Rouen"));
        assert_eq!(
            body.trim(),
            "ROUEN, 12 mars 2024 (AFP) - Un incendie s'est déclaré.\n\nxyz/abc"
        );
    }

    #[test]
    fn other_headers_are_no_mail() {
        assert!(strip("Titre : Un titre\nDate : 12/03/2024\n\nLe texte.").is_none());
        assert!(strip("De : nombreux témoins l'ont vu.\nLe texte continue.").is_none());
    }
}
