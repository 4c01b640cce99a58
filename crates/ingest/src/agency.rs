//! Agency names in credit lines.

/// Known agencies and distributors: (how they are written, canonical name).
const AGENCIES: &[(&str, &str)] = &[
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("agence france presse", "AFP"),
    ("aa", "AA"),
    ("anadolu", "AA"),
    ("agence anadolu", "AA"),
    ("reuters", "Reuters"),
    ("ap", "AP"),
    ("associated press", "AP"),
    ("the associated press", "AP"),
    ("belga", "Belga"),
    ("ats", "ATS"),
    ("keystone-ats", "ATS"),
    ("sda-ats", "ATS"),
    ("dpa", "dpa"),
    ("ansa", "ANSA"),
    ("efe", "EFE"),
    ("agencia efe", "EFE"),
    ("kyodo", "Kyodo"),
    ("tass", "TASS"),
    ("itar-tass", "TASS"),
    ("xinhua", "Xinhua"),
    ("apa", "APA"),
    ("anp", "ANP"),
    ("ntb", "NTB"),
    ("stt", "STT"),
    ("ritzau", "Ritzau"),
    ("aap", "AAP"),
    ("pa", "PA"),
    ("the canadian press", "The Canadian Press"),
    ("media services", "Media Services"),
    ("6medias", "6Medias"),
    ("relaxnews", "Relaxnews"),
    ("etx daily up", "ETX Daily Up"),
    ("globe newswire", "GlobeNewswire"),
    ("globenewswire", "GlobeNewswire"),
    ("business wire", "Business Wire"),
];

/// The agency named in a credit (`AFP`, `Orange avec AFP` → `AFP`, `Agence Anadolu` → `AA`),
/// or the credit itself when it is short and names no known agency.
pub(crate) fn from_credit(credit: &str) -> Option<String> {
    if let Some(known) = known(credit) {
        return Some(known.to_string());
    }
    let credit = credit.trim();
    (!credit.is_empty() && credit.chars().count() <= 40).then(|| credit.to_string())
}

/// The known agency a credit names (its canonical name), if any.
pub(crate) fn known(credit: &str) -> Option<&'static str> {
    let lower = credit.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    // Longest known name first, as whole words, rightmost mention wins ("Orange avec AFP").
    let mut best: Option<(usize, usize, &str)> = None;
    for (name, canonical) in AGENCIES {
        let parts: Vec<&str> = name.split(' ').collect();
        for start in 0..words.len() {
            if words.len() - start >= parts.len() && words[start..start + parts.len()] == parts[..]
            {
                let key = (start, parts.len());
                if best.is_none_or(|(s, l, _)| key.0 > s || (key.0 == s && key.1 > l)) {
                    best = Some((key.0, key.1, canonical));
                }
            }
        }
    }
    best.map(|(_, _, canonical)| canonical)
}

#[cfg(test)]
mod tests {
    use super::from_credit;

    #[test]
    fn table() {
        let cases = [
            ("AFP", Some("AFP")),
            ("Orange avec AFP", Some("AFP")),
            ("Orange avec Media Services", Some("Media Services")),
            ("6Medias", Some("6Medias")),
            ("AA", Some("AA")),
            ("Agence Anadolu", Some("AA")),
            ("The Associated Press", Some("AP")),
            ("Le Monde", Some("Le Monde")),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(from_credit(input).as_deref(), want, "{input:?}");
        }
    }
}
