//! Every shape the issue lists (and a few more found on the way), each pasted as its
//! tool prints it.

use super::*;

fn ids(p: &Pasted) -> Vec<(&str, &str)> {
    p.rows
        .iter()
        .map(|r| (r.distinct_id.as_str(), r.events.as_str()))
        .collect()
}

fn lines(p: &Pasted) -> Vec<(usize, Why)> {
    p.skipped.iter().map(|s| (s.line, s.why)).collect()
}

const TWO: [(&str, &str); 2] = [("user_8812", "2400000"), ("user_0137", "1950000")];

/// (name, pasted text, format, skipped lines and why)
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &str, PasteFormat, &[(usize, Why)])] = &[
    (
        "tab-separated with a header",
        "count()\tdistinct_id\n2400000\tuser_8812\n1950000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[(1, Why::Header)],
    ),
    (
        "ClickHouse TabSeparated, no header",
        "2400000\tuser_8812\n1950000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[],
    ),
    (
        "tab-separated, distinct_id first, CRLF and a BOM",
        "\u{feff}distinct_id\tcount\r\nuser_8812\t2400000\r\nuser_0137\t1950000\r\n",
        PasteFormat::TabSeparated,
        &[(1, Why::Header)],
    ),
    (
        "CSV with quotes and grouped counts",
        "\"count()\",\"distinct_id\"\n\"2,400,000\",\"user_8812\"\n\"1,950,000\",\"user_0137\"\n",
        PasteFormat::Csv,
        &[(1, Why::Header)],
    ),
    (
        "CSV, unquoted counts with commas",
        "2,400,000,user_8812\n1,950,000,user_0137\n",
        PasteFormat::Csv,
        &[],
    ),
    (
        "psql aligned, footer",
        "  count  | distinct_id\n---------+-------------\n 2400000 | user_8812\n 1950000 | user_0137\n(2 rows)\n",
        PasteFormat::Psql,
        &[(1, Why::Header), (5, Why::Footer)],
    ),
    (
        "psql with borders",
        "+---------+-------------+\n| count   | distinct_id |\n+---------+-------------+\n| 2400000 | user_8812   |\n| 1950000 | user_0137   |\n+---------+-------------+\n(2 rows)\n",
        PasteFormat::PsqlBorders,
        &[(2, Why::Header), (7, Why::Footer)],
    ),
    (
        "Markdown table",
        "| count | distinct_id |\n|---:|:---|\n| 2,400,000 | user_8812 |\n| 1,950,000 | user_0137 |\n",
        PasteFormat::Markdown,
        &[(1, Why::Header)],
    ),
    (
        "ClickHouse PrettyCompact with row numbers and Elapsed",
        "   ┌─count()─┬─distinct_id─┐\n1. │ 2400000 │ user_8812   │\n2. │ 1950000 │ user_0137   │\n   └─────────┴─────────────┘\n\n2 rows in set. Elapsed: 0.004 sec.\n",
        PasteFormat::PrettyCompact,
        &[(1, Why::Header), (6, Why::Footer)],
    ),
    (
        "ClickHouse PrettyCompact in two blocks",
        "┌─count()─┬─distinct_id─┐\n│ 2400000 │ user_8812   │\n└─────────┴─────────────┘\n┌─count()─┬─distinct_id─┐\n│ 1950000 │ user_0137   │\n└─────────┴─────────────┘\n",
        PasteFormat::PrettyCompact,
        &[(1, Why::Header), (4, Why::Header)],
    ),
    (
        "ClickHouse Pretty",
        "┏━━━━━━━━━┳━━━━━━━━━━━━━┓\n┃ count() ┃ distinct_id ┃\n┡━━━━━━━━━╇━━━━━━━━━━━━━┩\n│ 2400000 │ user_8812   │\n├─────────┼─────────────┤\n│ 1950000 │ user_0137   │\n└─────────┴─────────────┘\n",
        PasteFormat::Pretty,
        &[(2, Why::Header)],
    ),
    (
        "ClickHouse PrettySpace",
        "   count()   distinct_id\n\n   2400000   user_8812\n   1950000   user_0137\n",
        PasteFormat::Aligned,
        &[(1, Why::Header)],
    ),
    (
        "HogQL API JSON",
        "{\"columns\": [\"count()\", \"distinct_id\"], \"types\": [[\"count()\", \"UInt64\"], [\"distinct_id\", \"String\"]],\n \"results\": [[2400000, \"user_8812\"],\n [1950000, \"user_0137\"]], \"hasMore\": false}",
        PasteFormat::HogqlJson,
        &[],
    ),
    (
        "ClickHouse JSON with meta",
        "{\"meta\": [{\"name\": \"count()\", \"type\": \"UInt64\"}, {\"name\": \"distinct_id\", \"type\": \"String\"}],\n\"data\": [{\"count()\": \"2400000\", \"distinct_id\": \"user_8812\"}, {\"count()\": \"1950000\", \"distinct_id\": \"user_0137\"}], \"rows\": 2}",
        PasteFormat::ClickHouseJson,
        &[],
    ),
    (
        "JSONEachRow, 64-bit counts quoted",
        "{\"count()\":\"2400000\",\"distinct_id\":\"user_8812\"}\n{\"count()\":\"1950000\",\"distinct_id\":\"user_0137\"}\n",
        PasteFormat::JsonEachRow,
        &[],
    ),
    (
        "a JSON array of objects, id first",
        "[{\"distinct_id\": \"user_8812\", \"c\": 2400000}, {\"distinct_id\": \"user_0137\", \"c\": 1950000}]",
        PasteFormat::JsonArray,
        &[],
    ),
    (
        "a JSON array of arrays with a header row",
        "[[\"count\", \"distinct_id\"], [2400000, \"user_8812\"], [1950000, \"user_0137\"]]",
        PasteFormat::JsonArray,
        &[(1, Why::Header)],
    ),
    (
        "a third column: a row number",
        "#\tcount\tdistinct_id\n1\t2400000\tuser_8812\n2\t1950000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[(1, Why::Header)],
    ),
    (
        "a third column without a header",
        "1\t2400000\tuser_8812\n2\t1950000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[],
    ),
    (
        "an extra field",
        "distinct_id,count,first_seen\nuser_8812,2400000,2024-01-01\nuser_0137,1950000,2024-02-01\n",
        PasteFormat::Csv,
        &[(1, Why::Header)],
    ),
    (
        "space-grouped counts",
        "2 400 000\tuser_8812\n1 950 000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[],
    ),
    (
        "space-grouped counts, aligned with one space",
        "2 400 000 user_8812\n1 950 000 user_0137\n",
        PasteFormat::Aligned,
        &[],
    ),
    (
        "underscore and apostrophe grouping",
        "2_400_000\tuser_8812\n1'950'000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[],
    ),
    (
        "dot grouping",
        "2.400.000\tuser_8812\n1.950.000\tuser_0137\n",
        PasteFormat::TabSeparated,
        &[],
    ),
];

#[test]
fn every_listed_format_reads_the_same_two_rows() {
    for (name, text, format, skipped) in CASES {
        let p = parse_top_ids(text);
        assert_eq!(ids(&p), TWO.to_vec(), "{name}: {p:?}");
        assert_eq!(p.format, *format, "{name}");
        assert_eq!(lines(&p), skipped.to_vec(), "{name}");
        assert!(
            p.summary()
                .starts_with(&format!("Read 2 rows as {}", format.label())),
            "{name}: {}",
            p.summary()
        );
    }
}

#[test]
fn the_summary_says_what_was_understood() {
    let p = parse_top_ids(CASES[8].1);
    assert_eq!(
        p.summary(),
        "Read 2 rows as ClickHouse PrettyCompact; skipped line 1 (header), line 6 (not part of the table)."
    );
    let p = parse_top_ids("count\tdistinct_id\n5\ta\nlots\tb\n6.5\tc\n\tnobody\n7\t\n");
    assert_eq!(
        p.summary(),
        "Read 1 row as tab-separated; skipped line 1 (header), lines 3, 5 (no whole count), line 4 (a count with a fraction), line 6 (no distinct_id)."
    );
    assert_eq!(
        parse_top_ids("").summary(),
        "Found no count and distinct_id."
    );
    assert_eq!(parse_top_ids("").format, PasteFormat::Nothing);
}

#[test]
fn dots_in_groups_of_three_are_grouping_and_said() {
    let p = parse_top_ids("12.000\ta\n12.0\tb\n");
    assert_eq!(ids(&p), vec![("a", "12000"), ("b", "12")]);
    assert!(p.summary().contains("12.000 is 12,000"), "{}", p.summary());
    assert!(!parse_top_ids("12\ta").summary().contains("dots"));
    // A fraction longer than a u64 (once a division by zero).
    let zeros = format!("7.{}\ta\n0.{}\tb", "0".repeat(64), "0".repeat(70));
    assert_eq!(ids(&parse_top_ids(&zeros)), vec![("a", "7"), ("b", "0")]);
}

#[test]
fn numeric_ids_without_a_header_the_sorted_column_is_the_count() {
    // "distinct_id, count" order, both numbers: the counts go largest first.
    let p = parse_top_ids("1001\t2400000\n1003\t1950000\n1002\t12\n");
    assert_eq!(
        ids(&p),
        vec![("1001", "2400000"), ("1003", "1950000"), ("1002", "12")]
    );
    assert_eq!(
        p.choice,
        Choice::Values {
            count: 1,
            numeric_ids: true,
            unsorted: false
        }
    );
    assert!(
        p.summary()
            .contains("no header names the count, so the counts are column 2 (the distinct_ids are numbers too"),
        "{}",
        p.summary()
    );
    // And in the query's own order.
    let p = parse_top_ids("2400000,1001\n1950000,1003\n12,1002\n");
    assert_eq!(
        ids(&p),
        vec![("1001", "2400000"), ("1003", "1950000"), ("1002", "12")]
    );
    // Unsorted counts: the first column of numbers, and the summary says so.
    // A header without a name we know is not a header that names the count.
    let p = parse_top_ids("who\thow many\nuser_a\t9\nuser_b\t5\n");
    assert_eq!(ids(&p), vec![("user_a", "9"), ("user_b", "5")]);
    assert_eq!(lines(&p), vec![(1, Why::Header)]);
    assert!(
        p.summary()
            .contains("no header names the count, so the counts are column 2."),
        "{}",
        p.summary()
    );
    let p = parse_top_ids("user_a\t5\nuser_b\t9\n");
    assert_eq!(ids(&p), vec![("user_a", "5"), ("user_b", "9")]);
    assert!(p.summary().contains("not largest first"), "{}", p.summary());
}

#[test]
fn a_header_decides_the_order_even_with_numeric_ids() {
    let p = parse_top_ids("distinct_id,count\n5,100\n7,200\n");
    assert_eq!(ids(&p), vec![("5", "100"), ("7", "200")]);
    assert_eq!(p.choice, Choice::Header);
}

#[test]
fn ids_with_separators_inside() {
    // A quoted CSV id with a comma; a TSV id with a pipe.
    let p = parse_top_ids("\"user,1\",\"2,400,000\"\n\"bot\",500\n");
    assert_eq!(ids(&p), vec![("user,1", "2400000"), ("bot", "500")]);
    let p = parse_top_ids("count\tdistinct_id\n2400000\tuser_8812\n12\tbot|crawler\n");
    assert_eq!(
        ids(&p),
        vec![("user_8812", "2400000"), ("bot|crawler", "12")]
    );
    // A `|` inside a psql cell makes one cell too many: that row is skipped, and says why.
    let p = parse_top_ids(
        " count  | distinct_id\n--------+-------------\n 5 | a\n 1200000 | bot|crawler\n",
    );
    assert_eq!(ids(&p), vec![("a", "5")]);
    assert_eq!(lines(&p), vec![(1, Why::Header), (4, Why::Cells)]);
    // Aligned with single spaces: the id keeps its spaces.
    let p = parse_top_ids("2400000   user 8812\n77 user_1");
    assert_eq!(ids(&p), vec![("user 8812", "2400000"), ("user_1", "77")]);
}

#[test]
fn json_strings_unescape_and_bad_json_says_where() {
    let p = parse_top_ids(r#"[[5, "a\"b\\c\u00e9\ud83d\ude00\nz"]]"#);
    assert_eq!(ids(&p), vec![("a\"b\\cé😀\nz", "5")]);
    let p = parse_top_ids("[[5, \"a\"],\n [6, \"b\"\n");
    assert!(p.rows.is_empty());
    assert_eq!(lines(&p), vec![(3, Why::BadJson)]);
    let deep = "[".repeat(10_000);
    assert!(parse_top_ids(&deep).rows.is_empty());
    // Nulls and booleans are cells like any other.
    let p =
        parse_top_ids(r#"[{"count": 3, "distinct_id": null}, {"count": 4, "distinct_id": true}]"#);
    assert_eq!(ids(&p), vec![("true", "4")]);
    assert_eq!(lines(&p), vec![(1, Why::NoId)]);
}

#[test]
fn keeps_at_most_the_query_limit() {
    let text: String = (0..105).map(|i| format!("{}\tid{i}\n", 1000 - i)).collect();
    let p = parse_top_ids(&text);
    assert_eq!(p.rows.len(), MAX_ROWS);
    assert_eq!(p.dropped, 5);
    assert!(p.summary().ends_with("kept the first 100, dropped 5."));
}

#[test]
fn a_second_paste_replaces_the_first_and_fills_the_busiest() {
    let mut a = Answers::default();
    let first = parse_top_ids("2400000\tuser_8812\n1950000\tuser_0137");
    let fresh = a.clone();
    apply(&mut a, &first);
    assert_eq!(a.top_ids.len(), 2);
    assert_eq!(a.max_events_per_id, "2400000");
    assert_eq!(filled_rows(&a), 2);
    assert_eq!(
        applied(&fresh, &a),
        "Added 2 rows; most events for one distinct_id is now 2,400,000."
    );
    assert_eq!(add_label(filled_rows(&a)), "Replace the 2 rows");
    assert_eq!(add_label(0), "Add pasted rows");
    // The value came from the first paste: the second paste's largest replaces it.
    let second = parse_top_ids("3000000\tuser_1");
    let before = a.clone();
    a.customer = "typed after the paste".into();
    apply(&mut a, &second);
    assert_eq!(a.top_ids, second.rows);
    assert_eq!(a.max_events_per_id, "3000000");
    assert_eq!(
        applied(&before, &a),
        "Replaced 2 rows with 1 row; most events for one distinct_id is now 3,000,000."
    );
    undo(&mut a, before);
    assert_eq!(a.top_ids, first.rows);
    assert_eq!(a.max_events_per_id, "2400000");
    assert_eq!(a.customer, "typed after the paste");
    // A number the reader typed is theirs: kept, and the message says so.
    let mut a = Answers {
        max_events_per_id: "5M".into(),
        ..Answers::default()
    };
    let before = a.clone();
    apply(&mut a, &first);
    assert_eq!(a.max_events_per_id, "5M");
    assert!(applied(&before, &a).ends_with("keeps the number typed there."));
    // Typed as the same number the rows said ("2.4M"): it agreed with them, so it follows.
    a.max_events_per_id = "2.4M".into();
    apply(&mut a, &second);
    assert_eq!(a.max_events_per_id, "3000000");
    // The same rows pasted again: still the pasted number, and said so.
    let before_again = a.clone();
    apply(&mut a, &second);
    assert_eq!(
        applied(&before_again, &a),
        "Replaced 1 row with 1 row; most events for one distinct_id is now 3,000,000."
    );
    // Empty rows left by "Add row" are not rows to replace.
    let a = Answers {
        top_ids: vec![TopId::default()],
        ..Answers::default()
    };
    assert_eq!(filled_rows(&a), 0);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_parser_is_linear() {
    let text = |n: usize| -> String {
        (0..n)
            .map(|i| format!("{}\tuser_{i}\n", 10_000_000 - i))
            .collect()
    };
    let (small, big) = (text(10_000), text(100_000));
    let time = |t: &str| {
        let start = std::time::Instant::now();
        let p = parse_top_ids(t);
        assert_eq!(p.rows.len(), MAX_ROWS);
        start.elapsed()
    };
    time(&small);
    let (s, b) = (time(&small), time(&big));
    // Ten times the rows: well under a hundred times the time (debug builds are noisy).
    assert!(
        b < s * 40 + std::time::Duration::from_millis(20),
        "{s:?} then {b:?}"
    );
}

// proptest is a native dev-dependency only.
#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn id() -> impl Strategy<Value = String> {
        "[a-z][a-z0-9_]{0,12}"
    }

    /// Rows of the query, largest first.
    fn rows() -> impl Strategy<Value = Vec<(String, u64)>> {
        prop::collection::vec((id(), 1u64..10_000_000_000), 1..40).prop_map(|mut v| {
            v.sort_by_key(|r| std::cmp::Reverse(r.1));
            v
        })
    }

    fn render(rows: &[(String, u64)], shape: usize) -> String {
        let g = |n: u64| group(n);
        let body = |f: &dyn Fn(&str, u64) -> String| -> String {
            rows.iter().map(|(i, n)| f(i, *n)).collect()
        };
        match shape {
            0 => format!(
                "count()\tdistinct_id\n{}",
                body(&|i, n| format!("{n}\t{i}\n"))
            ),
            1 => body(&|i, n| format!("{i}\t{}\n", g(n))),
            2 => format!(
                "distinct_id,count\r\n{}",
                body(&|i, n| format!("\"{i}\",\"{}\"\r\n", g(n)))
            ),
            3 => format!(
                " count | distinct_id\n-------+------\n{}({} rows)\n",
                body(&|i, n| format!(" {n} | {i}\n")),
                rows.len()
            ),
            4 => format!(
                "| count | distinct_id |\n|---|---|\n{}",
                body(&|i, n| format!("| {} | {i} |\n", g(n)))
            ),
            5 => format!(
                "┌─count()─┬─distinct_id─┐\n{}└─┴─┘\n",
                body(&|i, n| format!("│ {n} │ {i} │\n"))
            ),
            6 => format!(
                "{{\"columns\":[\"count()\",\"distinct_id\"],\"results\":[{}]}}",
                rows.iter()
                    .map(|(i, n)| format!("[{n},\"{i}\"]"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            7 => body(&|i, n| format!("{{\"distinct_id\":\"{i}\",\"count()\":\"{n}\"}}\n")),
            8 => format!(
                "  count()  distinct_id\n{}",
                body(&|i, n| format!("  {n}  {i}\n"))
            ),
            9 => format!(
                "+---+---+\n| count | distinct_id |\n+---+---+\n{}+---+---+\n",
                body(&|i, n| format!("| {n} | {i} |\n"))
            ),
            10 => format!(
                "┏━┳━┓\n┃ count() ┃ distinct_id ┃\n┡━╇━┩\n{}└─┴─┘\n",
                body(&|i, n| format!("│ {n} │ {i} │\n"))
            ),
            11 => format!(
                "[{}]",
                rows.iter()
                    .map(|(i, n)| format!("{{\"distinct_id\": \"{i}\", \"count\": {n}}}"))
                    .collect::<Vec<_>>()
                    .join(",\n")
            ),
            12 => body(&|i, n| format!("{},{i}\n", g(n))),
            _ => format!(
                "\u{feff}[[\"c\",\"person\"]{}]",
                body(&|i, n| format!(",[\"{}\",\"{i}\"]", g(n)))
            ),
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "(?s).{0,400}") {
            let p = parse_top_ids(&text);
            let _ = p.summary();
        }

        #[test]
        fn never_panics_on_table_like_text(text in "[\\[\\]{}\",:0-9a-z\\\\|│┌─┬ \t\n.'_-]{0,300}") {
            let _ = parse_top_ids(&text).summary();
        }

        #[test]
        fn never_panics_on_number_like_cells(count in "[0-9.,' _]{0,120}") {
            let _ = parse_top_ids(&format!("{count}\tid\nid\t{count}")).summary();
        }

        #[test]
        fn never_loses_a_well_formed_row(rows in rows(), shape in 0usize..14) {
            let text = render(&rows, shape);
            let p = parse_top_ids(&text);
            let got: Vec<(String, u64)> = p.rows.iter().map(|r| (r.distinct_id.clone(), r.events.parse().unwrap_or(0))).collect();
            prop_assert_eq!(got, rows.clone(), "{}", text);
        }
    }
}
