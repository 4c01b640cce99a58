//! The search page, embedded in the binary: no build step, nothing fetched from elsewhere.

/// The page (`GET /`).
pub(crate) const INDEX_HTML: &str = include_str!("../assets/index.html");
/// Its script: builds every piece of dispatch text with `textContent`, never as HTML.
pub(crate) const APP_JS: &str = include_str!("../assets/app.js");
/// Its style sheet.
pub(crate) const APP_CSS: &str = include_str!("../assets/app.css");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_fetched_from_elsewhere() {
        for (name, text) in [("index.html", INDEX_HTML), ("app.js", APP_JS), ("app.css", APP_CSS)] {
            for bad in ["http://", "https://", "//cdn", "@import"] {
                assert!(!text.contains(bad), "{name} contains {bad}");
            }
        }
        // The script never parses text as HTML.
        for bad in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
            assert!(!APP_JS.contains(bad), "app.js uses {bad}");
        }
    }
}
