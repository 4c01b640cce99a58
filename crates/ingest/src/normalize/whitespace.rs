//! Runs of whitespace to one space.

/// Collapses every run of whitespace (spaces, tabs, line breaks) to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn table() {
        let cases =
            [("  a   b  ", "a b"), ("a\n\nb\tc", "a b c"), ("", ""), ("   ", ""), ("déjà", "déjà")];
        for (input, want) in cases {
            assert_eq!(collapse(input), want, "{input:?}");
        }
    }
}
