//! Personal names in bylines, signatures and translator credits.

use crate::normalize::label_key;

/// Words that sign a dispatch without naming anyone: `Ekip` (Turkish for "team"), `Équipe`,
/// `La rédaction`, `Staff`… Compared through [`label_key`].
const TEAMS: &[&str] = &[
    "ekip",
    "aa ekip",
    "equipe",
    "l'equipe",
    "la redaction",
    "redaction",
    "team",
    "staff",
    "newsroom",
    "desk",
    "haber merkezi",
    "merkez",
];

/// Particles that stay lowercase inside names (`Ursula von der Leyen`, `Ibn al-Khattab`).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "van", "von", "der", "den", "ter", "al", "el", "ben",
    "bin", "ibn", "da", "di", "dos", "y", "e",
];

/// Whether `s` reads as one person's name: two to six words, no digits, each capitalised
/// except particles. A single word (`Ekip`, `AFP`) is not taken for a name.
pub(super) fn is_name(s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || s.chars().count() > 60 {
        return false;
    }
    if is_team(s) || !s.chars().all(|c| c.is_alphabetic() || " -.'’".contains(c)) {
        return false;
    }
    words.iter().enumerate().all(|(k, w)| {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        capital || (k > 0 && k + 1 < words.len() && PARTICLES.contains(&w.to_lowercase().as_str()))
    })
}

/// Whether `s` signs for a team rather than a person.
pub(super) fn is_team(s: &str) -> bool {
    TEAMS.contains(&label_key(s).as_str())
}

/// Splits a list of names (`Agnes Szucs et Mourad Belhaj`, `A, B and C`, `X ve Y`) and keeps
/// those that read as names.
pub(crate) fn split(s: &str) -> Vec<String> {
    let mut names = Vec::new();
    for part in s.split([',', ';', '&']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for w in words {
            if matches!(label_key(w).as_str(), "et" | "and" | "ve" | "und" | "y" | "e") {
                names.push(current.join(" "));
                current.clear();
            } else {
                current.push(w);
            }
        }
        names.push(current.join(" "));
    }
    names.into_iter().filter(|n| is_name(n)).collect()
}

/// The names after a byline label (`Par Agnes Szucs`, `By Agnes Szucs`), or `None` when the
/// line is not such a byline.
pub(crate) fn byline(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().count() > 100 {
        return None;
    }
    let (label, rest) = line.split_once(char::is_whitespace)?;
    if !matches!(label_key(label).as_str(), "par" | "by" | "von" | "por") {
        return None;
    }
    let names = split(rest);
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let cases = [
            ("Agnes Szucs", true),
            ("Mourad Belhaj", true),
            ("Ursula von der Leyen", true),
            ("Ekip", false),
            ("AFP", false),
            ("La rédaction", false),
            ("Haber Merkezi", false),
            ("le président a dit", false),
            ("Jean Dupont 2", false),
            ("Agnes von", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_name(input), want, "{input:?}");
        }
    }

    #[test]
    fn lists_and_bylines() {
        assert_eq!(split("Agnes Szucs et Mourad Belhaj"), ["Agnes Szucs", "Mourad Belhaj"]);
        assert_eq!(
            split("Ali Veli ve Ayşe Fatma, John Smith"),
            ["Ali Veli", "Ayşe Fatma", "John Smith"]
        );
        assert_eq!(split("Ekip"), Vec::<String>::new());
        assert_eq!(byline("Par Agnes Szucs"), Some(vec!["Agnes Szucs".to_owned()]));
        assert_eq!(byline("By Agnes Szucs and John Smith").map(|v| v.len()), Some(2));
        assert_eq!(byline("Par ailleurs, le ministre a dit"), None);
        assert_eq!(byline("Agnes Szucs"), None);
    }
}
