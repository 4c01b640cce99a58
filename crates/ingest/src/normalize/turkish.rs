//! Casing artefacts of Turkish agency CMSs.
//!
//! Anadolu's French exports are cased by Turkish rules: `Mise À Jour` comes out as
//! `Mıse À Jour` (dotless ı) and `İ` appears for `I`. The text is kept as is; labels are
//! recognized through [`label_key`].

/// A comparison key for labels (`Mise à jour`, `A Lire Aussi`, `Traduit de l'anglais`):
/// Turkish dotless/dotted i mapped to `i`, lowercased, accents removed, spaces collapsed,
/// typographic apostrophes made straight.
pub fn label_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for l in c.to_lowercase() {
            out.push(match l {
                'ı' | 'i' | 'î' | 'ï' | 'ì' | 'í' => 'i',
                '\u{307}' => continue, // combining dot left by lowercasing `İ`
                'à' | 'â' | 'ä' | 'á' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'ô' | 'ö' | 'ó' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ç' => 'c',
                'ş' => 's',
                'ğ' => 'g',
                '\u{2019}' | '\u{2018}' | '`' | '´' => '\'',
                l => l,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::label_key;

    #[test]
    fn table() {
        let cases = [
            ("Mıse À Jour", "mise a jour"),
            ("MİSE À JOUR", "mise a jour"),
            ("Mise\u{a0}à jour", "mise a jour"),
            ("A\u{a0}Lire Aussi", "a lire aussi"),
            ("À LIRE AUSSİ", "a lire aussi"),
            ("Traduit de l’Anglais", "traduit de l'anglais"),
            ("Bu haberi paylaşın", "bu haberi paylasin"),
        ];
        for (input, want) in cases {
            assert_eq!(label_key(input), want, "{input:?}");
        }
    }
}
