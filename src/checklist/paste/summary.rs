//! What a paste understood, said before anything is added: "Read 98 rows as
//! ClickHouse PrettyCompact; skipped line 1 (header), line 100 (not part of the
//! table)."

use super::{Choice, Pasted, Why, MAX_ROWS};
use crate::checklist::questions::numbers::{group, plural};

impl Why {
    fn says(self) -> &'static str {
        match self {
            Why::Header => "header",
            Why::Footer => "not part of the table",
            Why::NoCount => "no whole count",
            Why::NotWhole => "a count with a fraction",
            Why::NoId => "no distinct_id",
            Why::Cells => "not as many cells as the table has columns",
            Why::BadJson => "JSON stops making sense here",
        }
    }
}

impl Pasted {
    /// What was understood, before anything is added: "Read 98 rows as ClickHouse
    /// PrettyCompact; skipped line 1 (header), line 100 (not part of the table)."
    pub fn summary(&self) -> String {
        let mut out = if self.rows.is_empty() {
            "Found no count and distinct_id".to_string()
        } else {
            let mut out = String::from("Read ");
            out.push_str(&plural(self.rows.len(), "row", "rows"));
            out.push_str(" as ");
            out.push_str(self.format.label());
            out
        };
        // Each reason once, in the order it first occurs, with its first five lines.
        let mut said = [false; Why::BadJson as usize + 1];
        for first in &self.skipped {
            let why = first.why;
            if std::mem::replace(&mut said[why as usize], true) {
                continue;
            }
            let n = self.skipped.iter().filter(|s| s.why == why).count();
            out.push_str(if said.iter().filter(|s| **s).count() == 1 {
                "; skipped "
            } else {
                ", "
            });
            out.push_str(if n == 1 { "line " } else { "lines " });
            let lines = self.skipped.iter().filter(|s| s.why == why).take(5);
            for (i, s) in lines.enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&group(s.line as u64));
            }
            if n > 5 {
                out.push_str(" and ");
                out.push_str(&group(n as u64 - 5));
                out.push_str(" more");
            }
            out.push_str(" (");
            out.push_str(why.says());
            out.push(')');
        }
        if let Choice::Values {
            count,
            numeric_ids,
            unsorted,
        } = self.choice
        {
            if !self.rows.is_empty() && (numeric_ids || unsorted || count > 0) {
                out.push_str("; no header names the count, so the counts are column ");
                out.push_str(&(count + 1).to_string());
                if numeric_ids {
                    out.push_str(" (the distinct_ids are numbers too: the counts are the column that goes from largest to smallest)");
                } else if unsorted {
                    out.push_str(" (its first column of numbers; they are not largest first)");
                }
            }
        }
        if self.dots_grouped {
            out.push_str("; dots in counts read as thousands separators (12.000 is 12,000)");
        }
        if self.dropped > 0 {
            const _: () = assert!(MAX_ROWS == 100, "the summary says 100");
            out.push_str("; kept the first 100, dropped ");
            out.push_str(&group(self.dropped as u64));
        }
        out.push('.');
        out
    }
}
