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
    ("map", "MAP"),
    ("maghreb arabe presse", "MAP"),
    ("aps", "APS"),
    ("algerie presse service", "APS"),
    ("tap", "TAP"),
    ("agence tunis afrique presse", "TAP"),
    ("apa", "APA"),
    ("anp", "ANP"),
    ("ntb", "NTB"),
    ("stt", "STT"),
    ("ritzau", "Ritzau"),
    ("aap", "AAP"),
    ("pa", "PA"),
    ("the canadian press", "The Canadian Press"),
    ("la presse canadienne", "The Canadian Press"),
    ("media services", "Media Services"),
    ("6medias", "6Medias"),
    ("afp-services", "AFP-Services"),
    ("afp-service", "AFP-Services"),
    ("relaxnews", "Relaxnews"),
    ("etx daily up", "ETX Daily Up"),
    ("globe newswire", "GlobeNewswire"),
    ("globenewswire", "GlobeNewswire"),
    ("business wire", "Business Wire"),
];

/// The agency named in a credit (`AFP`, `Orange avec AFP` → `AFP`, `Agence Anadolu` → `AA`),
/// or the credit itself when it is short and names no known agency.
pub(crate) fn from_credit(credit: &str) -> Option<String> {
    let credit = without_label(credit.trim());
    if let Some(known) = known(credit) {
        return Some(known.to_string());
    }
    (!credit.is_empty() && credit.chars().count() <= 40).then(|| credit.to_string())
}

/// Labels a credit line may open with (`Source : BFMTV`, `© AFP`, `Crédits : Le Parisien`).
const LABELS: &[&str] = &["sources", "source", "credits", "credit", "copyright", "©"];

/// `credit` without its opening label and the `:` or `-` after it; the credit itself when it
/// is nothing but a label, or when the label is the start of a longer word (`Sourcing`).
pub(crate) fn without_label(credit: &str) -> &str {
    let key = crate::normalize::label_key(credit);
    for label in LABELS {
        let Some(rest) = key.strip_prefix(label) else { continue };
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // Same characters up to the label's end in `credit` (the key only lowercases and
        // folds accents, one character for one, before any space).
        let n = label.chars().count();
        let Some((at, _)) = credit.char_indices().nth(n) else { return credit };
        let tail =
            credit[at..].trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '-');
        return if tail.is_empty() { credit } else { tail };
    }
    credit
}

/// The known agency whose name `name` is, whole (`Belga`, `Keystone-ATS`, `agence
/// France-Presse`), not a credit that mentions one (`selon l'AFP`).
pub(crate) fn named(name: &str) -> Option<&'static str> {
    let key = crate::normalize::label_key(name.trim());
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    AGENCIES.iter().find(|(written, _)| *written == key).map(|(_, canonical)| *canonical)
}

/// The known agency a credit names (its canonical name), if any.
pub(crate) fn known(credit: &str) -> Option<&'static str> {
    // Lowercased and folded: `6Médias` is `6Medias`.
    let lower = crate::normalize::label_key(credit.trim());
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
            ("6Médias", Some("6Medias")),
            ("Orange avec AFP-Services", Some("AFP-Services")),
            ("Source BFMTV", Some("BFMTV")),
            ("source BFMTV", Some("BFMTV")),
            ("Source : Le Huffpost", Some("Le Huffpost")),
            ("Sources - franceinfo", Some("franceinfo")),
            ("© AFP", Some("AFP")),
            ("Crédits : Le Parisien", Some("Le Parisien")),
            ("Source", Some("Source")),
            ("Sourcing Media", Some("Sourcing Media")),
        ];
        for (input, want) in cases {
            assert_eq!(from_credit(input).as_deref(), want, "{input:?}");
        }
    }
}
