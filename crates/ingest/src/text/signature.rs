//! The signature line of agency exports: `AA / Bruxelles / Agnes Szucs` (agency, dateline
//! city, then authors), also `AFP/Paris` or `AA / Ankara / Ali Veli, Ayşe Fatma`.

use super::names;
use crate::{agency, dateline};

/// What a signature line says.
#[derive(Debug, PartialEq)]
pub(crate) struct Signature {
    /// Canonical agency (`AA`).
    pub agency: String,
    /// Dateline city, in its usual case.
    pub city: String,
    /// Authors, possibly none.
    pub authors: Vec<String>,
}

/// Reads a signature line, or `None` when `line` is not one. The agency must be written as an
/// acronym in capitals (`AA`, `AFP`, `ANSA`), so that headlines such as `Ukraine / Russie :
/// …` or `France / Italie` are not taken for signatures.
pub(crate) fn parse(line: &str) -> Option<Signature> {
    let line = line.trim();
    if line.chars().count() > 120 || line.ends_with('.') {
        return None;
    }
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    if !(2..=5).contains(&parts.len()) || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    if !is_acronym(parts[0]) {
        return None;
    }
    let city = dateline::place(parts[1])?;
    let mut authors = Vec::new();
    for part in &parts[2..] {
        let found = names::split(part);
        if found.is_empty() {
            return None;
        }
        authors.extend(found);
    }
    Some(Signature { agency: agency::from_credit(parts[0])?, city, authors })
}

/// `AA`, `AFP`, `ANSA`, `EFE`, `TASS`, `KUNA`: two to six capital letters.
fn is_acronym(s: &str) -> bool {
    (2..=6).contains(&s.chars().count()) && s.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let sig = |agency: &str, city: &str, authors: &[&str]| Signature {
            agency: agency.into(),
            city: city.into(),
            authors: authors.iter().map(|a| a.to_string()).collect(),
        };
        let cases = [
            ("AA / Bruxelles / Agnes Szucs", Some(sig("AA", "Bruxelles", &["Agnes Szucs"]))),
            ("AA/Ankara", Some(sig("AA", "Ankara", &[]))),
            (
                "AA / Ankara / Ali Veli, Ayşe Fatma",
                Some(sig("AA", "Ankara", &["Ali Veli", "Ayşe Fatma"])),
            ),
            ("AFP / NEW YORK / John Smith", Some(sig("AFP", "New York", &["John Smith"]))),
            ("Ukraine / Russie : les pourparlers reprennent", None),
            ("France / Italie", None),
            ("AA / Bruxelles / la rédaction a dit", None),
            ("AA / Bruxelles.", None),
            ("Politique", None),
        ];
        for (line, want) in cases {
            assert_eq!(parse(line), want, "{line:?}");
        }
    }
}
