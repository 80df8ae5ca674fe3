//! Parsing the result of the handbook's events-per-distinct_id query as people paste
//! it: tab-separated (spreadsheets, PostHog's SQL editor), CSV, `|` tables (psql,
//! Markdown) or aligned columns. Count first (as the query selects it) or last.

use super::answers::{Answers, TopId};
use super::numbers::{group, parse_count};

/// The query the handbook asks the customer to run.
pub const TOP_IDS_QUERY: &str = "select count(*), distinct_id from events group by distinct_id order by count(*) desc limit 100";

/// At most this many rows are kept (the query's limit).
pub const MAX_ROWS: usize = 100;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    pub rows: Vec<TopId>,
    /// 1-based numbers of the non-empty lines that held no count and distinct_id
    /// (headers, separators, typos).
    pub skipped: Vec<usize>,
    /// Rows beyond [`MAX_ROWS`] that were dropped.
    pub dropped: usize,
}

impl Pasted {
    /// "Added 3 rows; skipped line 1 (no count and distinct_id)."
    pub fn summary(&self) -> String {
        let mut out = format!(
            "Added {} row{}",
            self.rows.len(),
            if self.rows.len() == 1 { "" } else { "s" }
        );
        if !self.skipped.is_empty() {
            let lines: Vec<String> = self.skipped.iter().take(5).map(usize::to_string).collect();
            let more = if self.skipped.len() > 5 { ", …" } else { "" };
            out.push_str(&format!(
                "; skipped line{} {}{more} (no count and distinct_id)",
                if self.skipped.len() == 1 { "" } else { "s" },
                lines.join(", ")
            ));
        }
        if self.dropped > 0 {
            out.push_str(&format!(
                "; kept the first {MAX_ROWS}, dropped {}",
                group(self.dropped as u64)
            ));
        }
        out.push('.');
        out
    }
}

/// Adds pasted rows to the top distinct_ids, dropping rows left empty.
pub fn add_pasted(a: &mut Answers, pasted: Pasted) {
    a.top_ids
        .retain(|r| !r.distinct_id.trim().is_empty() || !r.events.trim().is_empty());
    a.top_ids.extend(pasted.rows);
}

pub fn parse_top_ids(text: &str) -> Pasted {
    let mut out = Pasted::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse_line(line) {
            Some(row) if out.rows.len() < MAX_ROWS => out.rows.push(row),
            Some(_) => out.dropped += 1,
            None => out.skipped.push(i + 1),
        }
    }
    out
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

fn row(count: &str, id: &str) -> Option<TopId> {
    let id = unquote(id);
    let count = unquote(count);
    // A count is digits (and separators); "1e6" or "k" suffixes are not what a query prints.
    if id.is_empty() || !count.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = parse_count(count).ok().flatten()?;
    Some(TopId {
        distinct_id: id.to_string(),
        events: n.to_string(),
    })
}

/// Splits a CSV line, honouring double quotes (and `""` inside them).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

fn parse_line(line: &str) -> Option<TopId> {
    let cells: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else if line.contains('|') {
        line.split('|').collect()
    } else if line.contains(',') {
        if let [a, b] = split_csv(line).as_slice() {
            return row(a, b).or_else(|| row(b, a));
        }
        // An unquoted count with thousands separators: "2,400,000,user_9" or
        // "user_9,2,400,000".
        let (head, last) = line.rsplit_once(',')?;
        let (first, rest) = line.split_once(',')?;
        return row(head, last).or_else(|| row(rest, first));
    } else {
        let (first, rest) = line.split_once(char::is_whitespace)?;
        let (head, last) = line.rsplit_once(char::is_whitespace)?;
        return row(first, rest).or_else(|| row(last, head));
    };
    let cells: Vec<&str> = cells
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    match cells.as_slice() {
        [a, b] => row(a, b).or_else(|| row(b, a)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(p: &Pasted) -> Vec<(&str, &str)> {
        p.rows
            .iter()
            .map(|r| (r.distinct_id.as_str(), r.events.as_str()))
            .collect()
    }

    #[test]
    fn tab_separated_with_header() {
        let p = parse_top_ids("count()\tdistinct_id\n2400000\tuser_8812\n1950000\tuser_0137\n");
        assert_eq!(
            ids(&p),
            vec![("user_8812", "2400000"), ("user_0137", "1950000")]
        );
        assert_eq!(p.skipped, vec![1]);
        assert_eq!(
            p.summary(),
            "Added 2 rows; skipped line 1 (no count and distinct_id)."
        );
    }

    #[test]
    fn psql_and_markdown_tables() {
        let p = parse_top_ids(
            " count  | distinct_id\n--------+-------------\n 1200000 | bot|crawler\n",
        );
        // "bot|crawler" splits into three cells: not a row we can trust.
        assert_eq!(p.rows.len(), 0);
        let p = parse_top_ids("| 2,400,000 | user_8812 |\n|---|---|\n| 12 | a b |");
        assert_eq!(ids(&p), vec![("user_8812", "2400000"), ("a b", "12")]);
        assert_eq!(p.skipped, vec![2]);
    }

    #[test]
    fn csv_either_order_and_quotes() {
        let p = parse_top_ids("\"user,1\",\"2,400,000\"\n500,\"bot\"\n2,400,000,user_9");
        assert_eq!(
            ids(&p),
            vec![("user,1", "2400000"), ("bot", "500"), ("user_9", "2400000")]
        );
    }

    #[test]
    fn aligned_columns() {
        let p = parse_top_ids("2400000   user 8812\nuser_1 77");
        assert_eq!(ids(&p), vec![("user 8812", "2400000"), ("user_1", "77")]);
    }

    #[test]
    fn pasted_rows_replace_empty_ones() {
        let mut a = Answers {
            top_ids: vec![
                TopId::default(),
                TopId {
                    distinct_id: "kept".into(),
                    events: String::new(),
                },
            ],
            ..Answers::default()
        };
        add_pasted(&mut a, parse_top_ids("5\tnew"));
        let names: Vec<&str> = a.top_ids.iter().map(|r| r.distinct_id.as_str()).collect();
        assert_eq!(names, vec!["kept", "new"]);
    }

    #[test]
    fn keeps_at_most_the_query_limit() {
        let text: String = (0..105).map(|i| format!("{i}\tid{i}\n")).collect();
        let p = parse_top_ids(&text);
        assert_eq!(p.rows.len(), MAX_ROWS);
        assert_eq!(p.dropped, 5);
        assert!(p.summary().ends_with("kept the first 100, dropped 5."));
    }
}
