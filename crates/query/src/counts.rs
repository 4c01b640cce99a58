//! Counting the values of a string column over a result set (person facets), by term
//! ordinal: no string is decoded until the few most frequent are known.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Counts values of a multi-valued string fast field; keeps the `limit` most frequent (all of
/// them with `None`).
pub(crate) struct ValueCounts {
    pub field: &'static str,
    pub limit: Option<usize>,
}

pub(crate) struct SegmentValueCounts {
    column: Option<StrColumn>,
    counts: Vec<u32>,
    keep: Option<usize>,
}

impl Collector for ValueCounts {
    type Fruit = Vec<(String, u64)>;
    type Child = SegmentValueCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentValueCounts> {
        let column = segment.fast_fields().str(self.field)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        // Segments are merged by name: keep a margin so the overall top is right in practice.
        let keep = self.limit.map(|l| l * 4 + 16);
        Ok(SegmentValueCounts { column, counts: vec![0; terms], keep })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(String, u64)>>) -> tantivy::Result<Vec<(String, u64)>> {
        let mut total: HashMap<String, u64> = HashMap::new();
        for (name, n) in fruits.into_iter().flatten() {
            *total.entry(name).or_default() += n;
        }
        let mut out: Vec<(String, u64)> = total.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if let Some(limit) = self.limit {
            out.truncate(limit);
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentValueCounts {
    type Fruit = Vec<(String, u64)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(col) = &self.column {
            for ord in col.term_ords(doc) {
                if let Some(c) = self.counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
    }

    fn harvest(self) -> Vec<(String, u64)> {
        let Some(col) = self.column else { return Vec::new() };
        let mut ords: Vec<(u32, u32)> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(ord, &n)| (ord as u32, n))
            .collect();
        if let Some(keep) = self.keep
            && ords.len() > keep
        {
            ords.select_nth_unstable_by(keep, |a, b| b.1.cmp(&a.1));
            ords.truncate(keep);
        }
        let mut out = Vec::with_capacity(ords.len());
        let mut name = String::new();
        for (ord, n) in ords {
            name.clear();
            if col.ord_to_str(u64::from(ord), &mut name).unwrap_or(false) {
                out.push((name.clone(), u64::from(n)));
            }
        }
        out
    }
}
