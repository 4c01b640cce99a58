//! Stem keys: Snowball French on the folded word, with a lexicon-based guard against
//! conflating unrelated words, and accents kept where folding would merge two words.
//!
//! 1. `folded = fold(lower)`, so `Élysée` and a typed `Elysee` meet (stem-then-fold loses
//!    them: `élysée`→`élys`, `elysee`→`elyse`).
//! 2. `snowball(folded)`, from `rust-stemmers`.
//! 3. The stem guard: if the word's *light* stem (inflection only: plural, feminine) is
//!    listed in the guard table, it is the key instead. The table lists the inflection
//!    families in which Snowball strips a derivational or verbal ending and lands on another
//!    word of the lexicon: `français`→`franc`, `châtiment`→`chat`. Deciding per family keeps
//!    `français`, `française`, `françaises` together (Snowball itself splits them).
//! 4. Accent groups: where the lexicon holds words that differ only by a circumflex and
//!    share a folded key (`pêche`/`péché`, `tâche`/`tache`, `côte`/`cote`, `mâle`/`mal`),
//!    the key keeps the circumflex. An unaccented query word expands to every variant
//!    ([`super::query_variants`]).

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

use super::fold::{push_folded, push_folded_keep_circumflex};
use super::lexicon::tables;

/// Marks an exact token, so that it can never equal a stem key (keys are letters/digits).
pub const EXACT_MARK: char = '=';

/// Snowball French stem of an already folded word.
pub(crate) fn snowball(folded: &str) -> Cow<'_, str> {
    Stemmer::create(Algorithm::French).stem(folded)
}

/// Inflection-only stem of a folded word: drops a plural `s`/`x`, a feminine `e`, undoubles
/// `ll`/`nn`/`tt`/`ss` (`chatte`→`chat`) and, after a feminine `e`, a stem-final `s`
/// (`française`→`francai`, like `français`→`francai`). Always a prefix of `folded`.
pub(crate) fn light(folded: &str) -> &str {
    let mut w = folded;
    let b = |w: &str| w.as_bytes().last().copied();
    let plural_x = w.len() > 3 && (w.ends_with("eux") || w.ends_with("oux"));
    if plural_x || (w.len() > 2 && b(w) == Some(b's')) {
        w = &w[..w.len() - 1];
    }
    let mut feminine = false;
    if w.len() > 2 && b(w) == Some(b'e') {
        w = &w[..w.len() - 1];
        feminine = true;
    }
    let bytes = w.as_bytes();
    if w.len() > 3 {
        let (x, y) = (bytes[bytes.len() - 2], bytes[bytes.len() - 1]);
        if x == y && matches!(y, b'l' | b'n' | b't' | b's') {
            w = &w[..w.len() - 1];
        }
    }
    if feminine && w.len() > 3 && b(w) == Some(b's') {
        w = &w[..w.len() - 1];
    }
    w
}

/// The keys of one (non stop) word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Keys {
    /// The stem key, what matching uses.
    pub key: String,
    /// [`EXACT_MARK`] + the folded unstemmed word, when it differs from `key`.
    pub exact: Option<String>,
}

/// Scratch buffers for [`french_keys`].
#[derive(Default)]
pub(crate) struct Scratch {
    folded: String,
    circ: String,
}

/// The two lexicon tables, as the key computation consults them.
pub(crate) trait Lexicon {
    /// The family of this light stem keeps its light stem as key.
    fn guarded(&self, light: &str) -> bool;
    /// This folded key has circumflexed variants that are other words.
    fn accent_group(&self, key: &str) -> bool;
}

impl Lexicon for super::lexicon::Tables {
    fn guarded(&self, light: &str) -> bool {
        self.guard.contains(light)
    }

    fn accent_group(&self, key: &str) -> bool {
        self.accents.contains_key(key)
    }
}

/// Computes the keys of a lowercased word.
pub(crate) fn french_keys(lower: &str, scratch: &mut Scratch) -> Keys {
    french_keys_in(lower, tables(), scratch)
}

/// Computes the keys of a lowercased word against the given tables.
pub(crate) fn french_keys_in(lower: &str, t: &impl Lexicon, scratch: &mut Scratch) -> Keys {
    let Scratch { folded, circ } = scratch;
    folded.clear();
    push_folded(lower, folded);
    let stem = snowball(folded);
    let light = light(folded);
    let base: &str = if t.guarded(light) { light } else { &stem };
    let in_group = t.accent_group(base);
    let (key, exact_text): (String, &str) = if in_group && lower.contains(['â', 'ê', 'î', 'ô', 'û'])
    {
        circ.clear();
        push_folded_keep_circumflex(lower, circ);
        (reaccent(base, folded, circ), circ.as_str())
    } else {
        (base.to_string(), folded.as_str())
    };
    let exact = (exact_text != key).then(|| {
        let mut e = String::with_capacity(exact_text.len() + 1);
        e.push(EXACT_MARK);
        e.push_str(exact_text);
        e
    });
    Keys { key, exact }
}

/// `base` (a key computed on `folded`) with the circumflexes of `accented` (aligned with
/// `folded` char by char) put back over their common prefix: `pech` → `pêch`.
pub(crate) fn reaccent(base: &str, folded: &str, accented: &str) -> String {
    let common = base.chars().zip(folded.chars()).take_while(|(a, b)| a == b).count();
    accented.chars().take(common).chain(base.chars().skip(common)).collect()
}

/// Same as `reaccent` but takes the accents from a variant key: the exact form of a query
/// word for the accent variant `variant` of its key (`peche` + `pêch` → `pêche`).
pub(crate) fn exact_for_variant(folded: &str, variant: &str) -> String {
    let n = variant.chars().count();
    let mut out: String = variant.chars().zip(folded.chars()).map(|(v, _)| v).collect();
    out.extend(folded.chars().skip(n));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(word: &str) -> (String, Option<String>) {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        let k = french_keys(&lower, &mut Scratch::default());
        (k.key, k.exact)
    }

    fn key(word: &str) -> String {
        keys(word).0
    }

    #[test]
    fn light_stem_is_inflection_only() {
        let table = [
            ("francais", "francai"),
            ("francaise", "francai"),
            ("francaises", "francai"),
            ("chats", "chat"),
            ("chatte", "chat"),
            ("chattes", "chat"),
            ("chatiment", "chatiment"),
            ("chatiments", "chatiment"),
            ("heureux", "heureu"),
            ("heureuse", "heureu"),
            ("gros", "gro"),
            ("grosses", "gro"),
            ("bonne", "bon"),
            ("belle", "bel"),
            ("bue", "bu"),
            ("ips", "ip"),
            ("été", "été"),
            ("x", "x"),
            ("", ""),
        ];
        for (word, want) in table {
            assert_eq!(light(word), want, "{word}");
            assert!(word.starts_with(light(word)));
        }
    }

    #[test]
    fn accent_insensitive_keys() {
        let same = [
            ("négociations", "negociation"),
            ("Négociation", "negociations"),
            ("Sergueï", "Serguei"),
            ("Élysée", "Elysee"),
            ("ÉLYSÉE", "elysee"),
            ("États", "Etats"),
            ("état", "etat"),
        ];
        for (a, b) in same {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn stem_guard_splits_unrelated_words() {
        // Snowball alone conflates each of these pairs.
        assert_eq!(snowball("francais"), "franc");
        assert_eq!(snowball("chatiment"), "chat");
        let different = [("français", "franc"), ("châtiment", "chat"), ("chatiment", "chat")];
        for (a, b) in different {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
        let same = [
            ("français", "française"),
            ("française", "françaises"),
            ("franc", "francs"),
            ("chat", "chats"),
            ("châtiment", "châtiments"),
            // Ordinary inflection still conflates.
            ("négocier", "négociait"),
            ("négocier", "négociations"),
            ("traiter", "traité"),
            ("président", "présidents"),
            ("gouvernement", "gouvernements"),
        ];
        for (a, b) in same {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn accent_groups_keep_circumflex() {
        let different = [("pêche", "péché"), ("tâche", "tache"), ("côte", "cote"), ("mâle", "mal")];
        for (a, b) in different {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
        let same =
            [("pêche", "pêches"), ("péché", "pécher"), ("tâche", "tâches"), ("côte", "côtes")];
        for (a, b) in same {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        // Outside the groups accents go: `île` and `ile` are one word.
        assert_eq!(key("île"), key("ile"));
    }

    #[test]
    fn exact_token_only_when_it_differs() {
        assert_eq!(keys("négociations"), ("negoci".into(), Some("=negociations".into())));
        assert_eq!(keys("pêche").1.as_deref(), Some("=pêche"));
        let (k, e) = keys("otan");
        assert_eq!((k.as_str(), e), ("otan", None));
        assert!(keys("Élysée").1.unwrap().starts_with(EXACT_MARK));
    }

    /// rust-stemmers against the Snowball project's own test vocabulary: the measured match
    /// rates, so that a change of crate version shows.
    #[test]
    fn rust_stemmers_matches_snowball_outputs() {
        let Some(dir) = crate::analyzer::shared_dir() else {
            eprintln!("SKIP rust_stemmers_matches_snowball_outputs: shared snowball/ absent");
            return;
        };
        let stemmer = Stemmer::create(Algorithm::French);
        for (sub, total, matching) in [("french", 21_655, 20_736), ("french-2018", 20_805, 20_726)]
        {
            let read = |f: &str| std::fs::read_to_string(dir.join("snowball").join(sub).join(f));
            let (Ok(voc), Ok(out)) = (read("voc.txt"), read("output.txt")) else {
                panic!("{sub}: voc.txt / output.txt unreadable");
            };
            let pairs: Vec<(&str, &str)> = voc.lines().zip(out.lines()).collect();
            let same = pairs.iter().filter(|(w, s)| stemmer.stem(w) == *s).count();
            println!(
                "{sub}: {same}/{} = {:.2}%",
                pairs.len(),
                same as f64 * 100.0 / pairs.len() as f64
            );
            assert_eq!((pairs.len(), same), (total, matching), "{sub}");
        }
    }

    #[test]
    fn reaccent_and_variants() {
        assert_eq!(reaccent("pech", "peche", "pêche"), "pêch");
        assert_eq!(reaccent("cheval", "chevaux", "chevaux"), "cheval");
        assert_eq!(exact_for_variant("peche", "pêch"), "pêche");
        assert_eq!(exact_for_variant("pe", "pêch"), "pê");
    }
}
