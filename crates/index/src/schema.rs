//! `index-schema/`: the declarative field definitions, mapped onto a tantivy schema.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions,
    TextFieldIndexing, TextOptions,
};

use crate::analyzer;
use crate::error::{Error, Result};

/// The schema shipped with this build (`index-schema/dispatches.toml`).
pub const EMBEDDED: &str = include_str!("../../../index-schema/dispatches.toml");

/// The index schema: field definitions read from `index-schema/`, and the tantivy schema built
/// from them.
#[derive(Debug, Clone)]
pub struct Schema {
    version: u32,
    name: String,
    fields: Vec<FieldDef>,
    by_name: HashMap<String, usize>,
    handles: Vec<Field>,
    tantivy: tantivy::schema::Schema,
}

/// One field of the schema file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// Field name, also its query prefix.
    pub name: String,
    /// Value type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Analyzer of a text field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzer: Option<AnalyzerKind>,
    /// Kept in the document store.
    #[serde(default)]
    pub stored: bool,
    /// Searchable.
    #[serde(default = "yes")]
    pub indexed: bool,
    /// In the column store (sorting, filtering, facets).
    #[serde(default)]
    pub fast: bool,
    /// Default query boost; 0 keeps the field out of default (unprefixed) search.
    #[serde(default)]
    pub boost: f32,
    /// Other query prefixes for this field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A text field filled from other text fields, in order (a field named twice counts
    /// twice): one bag of words scored as a whole, like BM25F with integer weights.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copy_from: Vec<String>,
}

fn yes() -> bool {
    true
}

/// Value types of fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// Analyzed text.
    Text,
    /// An exact string, indexed as one term.
    String,
    /// A timestamp (second precision).
    Date,
    /// A facet (`section`).
    Facet,
    /// An unsigned integer.
    U64,
}

/// The analyzers a text field may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnalyzerKind {
    /// French text: elision, stop words, folding, guarded Snowball stems, exact forms stacked.
    French,
    /// The same French analysis without the stacked exact forms (long fields).
    #[serde(rename = "french_stems")]
    FrenchStems,
    /// Person names: folded, transliteration keys, never stemmed.
    Name,
    /// The whole value as one folded token.
    Keyword,
}

impl AnalyzerKind {
    /// The name the analyzer is registered under in tantivy.
    pub fn tokenizer_name(self) -> &'static str {
        match self {
            AnalyzerKind::French => analyzer::FRENCH,
            AnalyzerKind::FrenchStems => analyzer::FRENCH_STEMS,
            AnalyzerKind::Name => analyzer::NAME,
            AnalyzerKind::Keyword => analyzer::KEYWORD,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFile {
    version: u32,
    name: String,
    #[serde(rename = "field")]
    fields: Vec<FieldDef>,
}

/// Fields the indexer and the query crate rely on, with their types.
const REQUIRED: &[(&str, FieldType)] = &[
    ("id", FieldType::String),
    ("kind", FieldType::String),
    ("title", FieldType::Text),
    ("lede", FieldType::Text),
    ("body", FieldType::Text),
    ("persons", FieldType::Text),
    ("person_names", FieldType::String),
    ("section", FieldType::Facet),
    ("published", FieldType::Date),
    ("updated", FieldType::Date),
    ("authors", FieldType::Text),
    ("agency", FieldType::Text),
    ("dateline", FieldType::Text),
    ("location", FieldType::Text),
    ("translator", FieldType::Text),
    ("keywords", FieldType::Text),
    ("language", FieldType::String),
    ("format", FieldType::String),
    ("url", FieldType::String),
    ("version", FieldType::U64),
    ("source", FieldType::String),
    ("record", FieldType::U64),
    ("fingerprint", FieldType::String),
    ("story", FieldType::String),
    ("file_size", FieldType::U64),
    ("file_mtime", FieldType::U64),
    ("file_hash", FieldType::String),
];

/// Fields read from the column store by the indexer and the query crate.
const REQUIRED_FAST: &[&str] = &[
    "id",
    "kind",
    "published",
    "updated",
    "source",
    "record",
    "fingerprint",
    "story",
    "version",
    "file_size",
    "file_mtime",
    "file_hash",
    "person_names",
];

impl Schema {
    /// The schema embedded in this build.
    pub fn embedded() -> Schema {
        // Validated by this crate's tests; an invalid embedded schema is a build defect.
        Schema::parse(EMBEDDED, "<embedded>").expect("the embedded index schema is valid")
    }

    /// Reads a schema file.
    pub fn load(path: &Path) -> Result<Schema> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::io(format!("cannot read schema {}", path.display()), e))?;
        Schema::parse(&text, &path.display().to_string())
    }

    /// Parses schema text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Schema> {
        let file: SchemaFile =
            toml::from_str(text).map_err(|e| Error::schema(origin, e.to_string()))?;
        if file.version == 0 {
            return Err(Error::schema(origin, "`version` must be 1 or more"));
        }
        let mut by_name = HashMap::new();
        for (i, f) in file.fields.iter().enumerate() {
            validate_field(f).map_err(|m| Error::schema(origin, m))?;
            for key in std::iter::once(&f.name).chain(&f.aliases) {
                if by_name.insert(key.clone(), i).is_some() {
                    return Err(Error::schema(
                        origin,
                        format!("field or alias `{key}` is defined twice"),
                    ));
                }
            }
        }
        for f in &file.fields {
            for src in &f.copy_from {
                let ok = by_name.get(src).map(|&i| &file.fields[i]).is_some_and(|s| {
                    s.kind == FieldType::Text && s.name == *src && s.copy_from.is_empty()
                });
                if !ok {
                    return Err(Error::schema(
                        origin,
                        format!(
                            "field `{}`: `copy_from` names `{src}`, which is not a text field",
                            f.name
                        ),
                    ));
                }
            }
            if !f.copy_from.is_empty() && f.kind != FieldType::Text {
                return Err(Error::schema(
                    origin,
                    format!("field `{}`: only text fields take `copy_from`", f.name),
                ));
            }
        }
        for (name, kind) in REQUIRED {
            match by_name.get(*name).map(|&i| &file.fields[i]) {
                Some(f) if f.name == *name && f.kind == *kind => {}
                Some(f) if f.name == *name => {
                    return Err(Error::schema(
                        origin,
                        format!("field `{name}` must have type {kind:?}, not {:?}", f.kind),
                    ));
                }
                _ => return Err(Error::schema(origin, format!("missing required field `{name}`"))),
            }
        }
        for name in REQUIRED_FAST {
            if !file.fields[by_name[*name]].fast {
                return Err(Error::schema(origin, format!("field `{name}` must be `fast = true`")));
            }
        }
        let mut builder = tantivy::schema::Schema::builder();
        let handles = file.fields.iter().map(|f| add_field(&mut builder, f)).collect();
        Ok(Schema {
            version: file.version,
            name: file.name,
            fields: file.fields,
            by_name,
            handles,
            tantivy: builder.build(),
        })
    }

    /// The schema's own version number.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The tantivy schema.
    pub fn tantivy(&self) -> &tantivy::schema::Schema {
        &self.tantivy
    }

    /// All field definitions, in file order.
    pub fn fields(&self) -> &[FieldDef] {
        &self.fields
    }

    /// The tantivy field called `name`. Panics for fields that are not in the schema: the
    /// required ones always are (checked by [`Schema::parse`]).
    pub fn field(&self, name: &str) -> Field {
        self.handles[self.by_name[name]]
    }

    /// A field by name or alias (`person` → `persons`).
    pub fn lookup(&self, name_or_alias: &str) -> Option<(Field, &FieldDef)> {
        let i = *self.by_name.get(name_or_alias)?;
        Some((self.handles[i], &self.fields[i]))
    }

    /// Text fields searched by unprefixed query words, with their boosts.
    pub fn default_fields(&self) -> Vec<(Field, &FieldDef)> {
        self.fields
            .iter()
            .zip(&self.handles)
            .filter(|(f, _)| f.kind == FieldType::Text && f.indexed && f.boost > 0.0)
            .map(|(f, h)| (*h, f))
            .collect()
    }

    /// A short signature of everything that shapes the index: schema name and version, the
    /// field definitions, and the analyzer version. Recorded with every commit; an index with
    /// another signature must be rebuilt.
    pub fn signature(&self) -> String {
        let defs = serde_json::to_string(&self.fields).unwrap_or_default();
        let hash = xxhash_rust::xxh3::xxh3_64(defs.as_bytes());
        format!(
            "{} v{} analyzer v{} fields {hash:016x}",
            self.name,
            self.version,
            analyzer::VERSION
        )
    }
}

fn validate_field(f: &FieldDef) -> std::result::Result<(), String> {
    let name = &f.name;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("invalid field name `{name}` (use letters, digits and `_`)"));
    }
    match (f.kind, f.analyzer) {
        (FieldType::Text, None) => Err(format!("text field `{name}` needs an `analyzer`")),
        (FieldType::Text, Some(_)) => Ok(()),
        (_, Some(_)) => Err(format!("field `{name}`: only text fields take an `analyzer`")),
        _ if f.boost != 0.0 => Err(format!("field `{name}`: only text fields take a `boost`")),
        _ => Ok(()),
    }?;
    if !(f.boost >= 0.0 && f.boost.is_finite()) {
        return Err(format!("field `{name}`: `boost` must be a non-negative number"));
    }
    if f.fast && f.kind == FieldType::Text {
        return Err(format!("text field `{name}` cannot be `fast`"));
    }
    Ok(())
}

fn add_field(builder: &mut tantivy::schema::SchemaBuilder, f: &FieldDef) -> Field {
    match f.kind {
        FieldType::Text => {
            let mut opts = TextOptions::default();
            if f.indexed {
                let tokenizer = f.analyzer.map_or(analyzer::FRENCH, AnalyzerKind::tokenizer_name);
                opts = opts.set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(tokenizer)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                );
            }
            if f.stored {
                opts = opts.set_stored();
            }
            builder.add_text_field(&f.name, opts)
        }
        FieldType::String => {
            let mut opts = TextOptions::default();
            if f.indexed {
                opts = opts.set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer("raw")
                        .set_index_option(IndexRecordOption::Basic),
                );
            }
            if f.stored {
                opts = opts.set_stored();
            }
            if f.fast {
                opts = opts.set_fast("raw");
            }
            builder.add_text_field(&f.name, opts)
        }
        FieldType::Date => {
            let mut opts = DateOptions::default().set_precision(DateTimePrecision::Seconds);
            if f.indexed {
                opts = opts.set_indexed();
            }
            if f.stored {
                opts = opts.set_stored();
            }
            if f.fast {
                opts = opts.set_fast();
            }
            builder.add_date_field(&f.name, opts)
        }
        FieldType::Facet => {
            let mut opts = FacetOptions::default();
            if f.stored {
                opts = opts.set_stored();
            }
            builder.add_facet_field(&f.name, opts)
        }
        FieldType::U64 => {
            let mut opts = NumericOptions::default();
            if f.indexed {
                opts = opts.set_indexed();
            }
            if f.stored {
                opts = opts.set_stored();
            }
            if f.fast {
                opts = opts.set_fast();
            }
            builder.add_u64_field(&f.name, opts)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_is_valid() {
        let s = Schema::embedded();
        assert!(s.version() >= 1);
        assert_eq!(s.lookup("person").unwrap().1.name, "persons");
        let defaults: Vec<&str> = s.default_fields().iter().map(|(_, f)| f.name.as_str()).collect();
        assert_eq!(defaults, ["text", "title"]);
        // title > lede > body, as copies into the scored field.
        let copies = &s.lookup("text").unwrap().1.copy_from;
        let weight = |n: &str| copies.iter().filter(|c| *c == n).count();
        assert!(weight("title") > weight("lede") && weight("lede") > weight("body"), "{copies:?}");
        assert!(weight("body") >= 1);
    }

    #[test]
    fn the_repository_file_is_the_embedded_one() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../index-schema/dispatches.toml");
        let on_disk = Schema::load(&path).unwrap();
        assert_eq!(on_disk.signature(), Schema::embedded().signature());
    }

    #[test]
    fn signature_changes_with_the_fields() {
        let changed = EMBEDDED.replacen("boost = 1.0", "boost = 2.5", 1);
        assert_ne!(
            Schema::parse(&changed, "t").unwrap().signature(),
            Schema::embedded().signature()
        );
    }

    #[test]
    fn invalid_schemas_are_rejected_with_a_reason() {
        let cases = [
            (EMBEDDED.replacen("version = 3", "version = 0", 1), "version"),
            (EMBEDDED.replacen("\"lede\", \"lede\"", "\"lede\", \"id\"", 1), "copy_from` names `id`"),
            (EMBEDDED.replacen("name = \"title\"", "name = \"titre\"", 1), "`title`"),
            (EMBEDDED.replacen("stored = true", "stored = true\ncolour = \"red\"", 1), "unknown field"),
            (EMBEDDED.replacen("type = \"facet\"", "type = \"text\"", 1), "section"),
            (EMBEDDED.replacen("aliases = [\"person\"]", "aliases = [\"title\"]", 1), "defined twice"),
            (EMBEDDED.replacen("analyzer = \"french\"", "analyzer = \"klingon\"", 1), "klingon"),
            ("version = 1\nname = \"x\"\n[[field]]\nname = \"id\"\ntype = \"string\"\nboost = 2.0\n".to_owned(), "boost"),
        ];
        for (text, needle) in cases {
            let err = Schema::parse(&text, "test.toml").unwrap_err().to_string();
            assert!(err.contains(needle), "{needle:?} not in {err:?}");
            assert!(err.starts_with("schema test.toml:"), "{err}");
        }
    }
}
