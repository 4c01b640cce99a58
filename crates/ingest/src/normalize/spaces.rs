//! Every kind of space to a plain space.
//!
//! French typography puts a (narrow) no-break space before `: ; ! ?` and inside « »; agency
//! CMSs add figure and thin spaces. Readers see a space, so the text holds a space.

/// Replaces NBSP, narrow NBSP, figure/thin/hair/em/en spaces, the ideographic space and the
/// other Unicode space separators with U+0020; line and paragraph separators become `\n`.
pub(crate) fn to_plain(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}' => ' ',
            '\u{2028}' | '\u{2029}' => '\n',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::to_plain;

    #[test]
    fn table() {
        let cases = [
            ("Ekip\u{a0}| 15.02.2022", "Ekip | 15.02.2022"),
            ("Lavrov\u{202f}: «\u{202f}non\u{202f}»", "Lavrov : « non »"),
            ("100\u{2009}000 soldats", "100 000 soldats"),
            ("A\u{2007}B\u{3000}C", "A B C"),
            ("fin\u{2029}début", "fin\ndébut"),
            ("plain text", "plain text"),
        ];
        for (input, want) in cases {
            assert_eq!(to_plain(input), want, "{input:?}");
        }
    }
}
