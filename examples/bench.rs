//! Native benchmark of the checklist core on hostile and ordinary input. It prints a
//! table and asserts nothing (timings belong in a report, not in a test):
//!
//! `cargo run --profile bench --example bench`
//!
//! It times the paste parser per format (tab-separated, CSV, psql, Markdown, ClickHouse
//! PrettyCompact and PrettySpace, JSONEachRow, the HogQL API's JSON) at 100 / 10k / 100k
//! rows, and the sample reader on 10 MB of JSON lines and a 10 MB /batch body (at once,
//! and the longest step of 256 KiB as the page reads it). With `--json <path>` (as `scripts/bench.sh` runs it) it also times the three
//! golden scenarios rendered to their block and their findings, and writes every row to
//! `path` as JSON instead of printing the table.
//!
//! Escaping reads a text once and stops writing at the piece's limit (2,000 characters,
//! 200 in a code span), counting the rest: 1 MB costs little more than 100 KB, and a
//! whole evaluation with every free-text answer at 1 MB stays far from a frame.
fn main() {
    // The wasm build of the examples (clippy --all-targets) has nothing to run.
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use historical_import_checklist::checklist::block::escape::{code_span, inline};
    use historical_import_checklist::checklist::block::write;
    use historical_import_checklist::checklist::paste::parse_top_ids;
    use historical_import_checklist::checklist::questions::Field;
    use historical_import_checklist::checklist::rules::findings::{findings, Seen};
    use historical_import_checklist::checklist::sample::{read, Reading};
    use historical_import_checklist::checklist::schedule::time::BuiltinZones;
    use historical_import_checklist::checklist::settings::format::Format;
    use historical_import_checklist::checklist::{evaluate, Answers, Config, Env, Facts, Parsed};
    use std::hint::black_box;
    use std::time::Instant;

    const NOW: i64 = 1_795_694_400;

    /// The median time of `runs` calls, in milliseconds.
    fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1_000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[runs / 2]
    }

    /// `seed` repeated to `bytes` bytes (or just over).
    fn filled(seed: &str, bytes: usize) -> String {
        seed.repeat(bytes / seed.len() + 1)
    }

    /// The table's rows: printed as they come, or kept for the JSON file.
    struct Rows {
        json: Option<String>,
        kept: Vec<serde_json::Value>,
    }

    impl Rows {
        fn row(&mut self, case: &str, size: &str, ms: f64) {
            if self.json.is_some() {
                self.kept
                    .push(serde_json::json!({ "case": case, "input": size, "median_ms": ms }));
            } else {
                println!("| {case:<46} | {size:>8} | {ms:>9.3} |");
            }
        }
    }

    /// Each format the paste parser reads: its name and one row (`{n}` the count,
    /// `{g}` the count grouped, `{i}` the row's index).
    const PASTE_FORMATS: &[(&str, &str)] = &[
        ("tab-separated", "{n}\tuser_{i}\n"),
        ("CSV, quoted", "\"{g}\",\"user_{i}\"\n"),
        ("psql", " {n} | user_{i}\n"),
        ("Markdown", "| {g} | user_{i} |\n"),
        ("ClickHouse PrettyCompact", "{i}. │ {n} │ user_{i} │\n"),
        ("ClickHouse PrettySpace", "   {n}   user_{i}\n"),
        (
            "JSONEachRow",
            "{\"count()\":\"{n}\",\"distinct_id\":\"user_{i}\"}\n",
        ),
        ("HogQL API JSON", "[{n},\"user_{i}\"],\n"),
    ];

    fn paste_text(format: &str, line: &str, rows: usize) -> String {
        let (head, tail) = match format {
            "psql" => (
                " count | distinct_id\n-------+-------------\n",
                "(N rows)\n",
            ),
            "Markdown" => ("| count | distinct_id |\n|---|---|\n", ""),
            "ClickHouse PrettyCompact" => ("┌─count()─┬─distinct_id─┐\n", "└─┴─┘\n"),
            "ClickHouse PrettySpace" => ("   count()   distinct_id\n", ""),
            "HogQL API JSON" => (
                "{\"columns\": [\"count()\", \"distinct_id\"], \"results\": [\n",
                "[0,\"last\"]]}\n",
            ),
            "tab-separated" | "CSV, quoted" => ("count()\tdistinct_id\n", ""),
            _ => ("", ""),
        };
        let head = if format == "CSV, quoted" {
            "count,distinct_id\n"
        } else {
            head
        };
        let mut text = String::from(head);
        for i in 0..rows {
            let n = 100_000_000 - i as u64;
            let grouped = format!(
                "{},{:03},{:03}",
                n / 1_000_000,
                n / 1_000 % 1_000,
                n % 1_000
            );
            text.push_str(
                &line
                    .replace("{n}", &n.to_string())
                    .replace("{g}", &grouped)
                    .replace("{i}", &i.to_string()),
            );
        }
        text.push_str(tail);
        text
    }

    /// One event as an SDK sends it (about 520 bytes), the `i`-th of a sample.
    fn sample_event(i: usize) -> String {
        const NAMES: [&str; 6] = [
            "$pageview",
            "$autocapture",
            "$identify",
            "signed up",
            "$set",
            "checkout completed",
        ];
        let name = NAMES[i % NAMES.len()];
        format!(
            concat!(
                r#"{{"event": "{}", "distinct_id": "user_{}", "timestamp": "2024-03-{:02}T{:02}:{:02}:00.000Z", "#,
                r#""uuid": "0188a0c4-5f3e-7c2b-9d1a-{:012}", "properties": {{"$current_url": "https://example.com/products/{}?ref=newsletter", "#,
                r#""$browser": "Firefox", "$os": "Mac OS X", "$screen_width": 1512, "$lib": "posthog-python", "plan": "team", "#,
                r#""cart": [{{"sku": "A-{}", "price": 19.99, "qty": 2}}, {{"sku": "B-7", "price": 5.5, "qty": 1}}], "#,
                r#""note": "a \"quoted\" word, an escape \u00e9 and text to make the event a usual size for an SDK"}}}}"#
            ),
            name,
            i % 1_000,
            i / 1_440 % 28 + 1,
            i / 60 % 24,
            i % 60,
            i,
            i % 97,
            i % 13,
        )
    }

    /// About `bytes` of the sample: one event per line, or one /batch body.
    fn sample_text(bytes: usize, batch: bool) -> String {
        let mut text = String::with_capacity(bytes + 1_000);
        if batch {
            text.push_str(
                r#"{"api_key": "phc_benchmarkbenchmark", "historical_migration": true, "batch": ["#,
            );
        }
        let mut i = 0;
        while text.len() < bytes {
            if batch && i > 0 {
                text.push(',');
            }
            text.push_str(&sample_event(i));
            if !batch {
                text.push('\n');
            }
            i += 1;
        }
        if batch {
            text.push_str("]}");
        }
        text
    }

    /// The longest single `advance(step)` while reading `text` in steps, in ms.
    fn longest_step_ms(text: &str, step: usize) -> f64 {
        let mut reading = Reading::new(text, NOW, 48);
        let mut longest = 0.0f64;
        loop {
            let start = Instant::now();
            let done = reading.advance(step);
            longest = longest.max(start.elapsed().as_secs_f64() * 1_000.0);
            if done {
                break;
            }
        }
        black_box(reading.finish().is_ok());
        longest
    }

    /// The sample reader (issue #21): 10 MB at once in well under a second, and in
    /// steps of 256 KiB as the page reads it, none long enough to freeze the page.
    fn sample_rows(row: &mut impl FnMut(&str, &str, f64)) {
        for (name, batch) in [("JSON lines", false), ("/batch body", true)] {
            let text = sample_text(10_000_000, batch);
            let size = format!("{} MB", text.len() / 1_000_000);
            if let Err(e) = read(&text, NOW, 48) {
                eprintln!("bench: the {name} sample was refused: {}", e.message());
                std::process::exit(1);
            }
            row(
                &format!("sample reader: {name}"),
                &size,
                median_ms(7, || {
                    black_box(read(black_box(&text), NOW, 48).is_ok());
                }),
            );
            row(
                &format!("sample reader: {name}, slowest 256K step"),
                &size,
                longest_step_ms(&text, 256 * 1_024),
            );
        }
    }

    /// Escaping 100 KB and 1 MB of hostile text, in a line and in a code span.
    fn escape_rows(row: &mut impl FnMut(&str, &str, f64)) {
        let patterns = [
            ("digits then dots (was quadratic)", None),
            ("Markdown specials", Some("|*_`<>[]\\#~&x;")),
            (
                "mentions, references, links",
                Some("@a #1 GH-2 https://e.xy www.a.bc "),
            ),
            ("hidden characters", Some("\u{202E}\u{200B}\u{FEFF}a")),
        ];
        for (name, seed) in patterns {
            for bytes in [100_000, 1_000_000] {
                let text = match seed {
                    Some(s) => filled(s, bytes),
                    None => "0".repeat(bytes / 2) + &".".repeat(bytes / 2),
                };
                let size = format!("{} KB", bytes / 1_000);
                row(
                    &format!("escape a line: {name}"),
                    &size,
                    median_ms(15, || {
                        black_box(inline(black_box(&text)));
                    }),
                );
                row(
                    &format!("escape a code span: {name}"),
                    &size,
                    median_ms(15, || {
                        black_box(code_span(black_box(&text), true));
                    }),
                );
            }
        }
    }

    fn paste_rows(row: &mut impl FnMut(&str, &str, f64)) {
        // The paste parser, per format, at 100 / 10k / 100k rows (the parser keeps 100
        // but reads, checks and counts every line). Goal: 100k rows under 100 ms, linear.
        for (format, line) in PASTE_FORMATS {
            for (rows, size) in [
                (100, "100 rows"),
                (10_000, "10k rows"),
                (100_000, "100k rows"),
            ] {
                let text = paste_text(format, line, rows);
                let runs = if rows >= 100_000 { 15 } else { 51 };
                row(
                    &format!("paste parser: {format}"),
                    size,
                    median_ms(runs, || {
                        black_box(parse_top_ids(black_box(&text)));
                    }),
                );
            }
        }
    }

    /// Each golden scenario's block and findings (the JSON output only).
    fn golden_rows(row: &mut impl FnMut(&str, &str, f64), config: &Config, env: &Env) {
        let goldens = [
            (
                "small-import",
                include_str!("../tests/scenarios/small-import.json"),
            ),
            (
                "large-import",
                include_str!("../tests/scenarios/large-import.json"),
            ),
            (
                "load-test",
                include_str!("../tests/scenarios/load-test.json"),
            ),
        ];
        for (name, json) in goldens {
            let answers: Answers = serde_json::from_str(json).unwrap_or_default();
            row(
                &format!("golden block rendered: {name}"),
                "—",
                median_ms(201, || {
                    let report = evaluate(black_box(&answers), config, env);
                    black_box(write(&report.block, Format::GitHub));
                }),
            );
            let parsed = Parsed::new(&answers, env);
            let facts = Facts::derive(&answers, &parsed, env);
            row(
                &format!("findings evaluated: {name}"),
                "—",
                median_ms(201, || {
                    let seen = Seen {
                        a: black_box(&answers),
                        p: &parsed,
                        facts: &facts,
                        config,
                        env,
                    };
                    black_box(findings(&seen));
                }),
            );
        }
    }

    pub fn run() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let json = match args.as_slice() {
            [] => None,
            [flag, path] if flag == "--json" => Some(path.clone()),
            _ => {
                eprintln!("usage: bench [--json <path>]");
                std::process::exit(2);
            }
        };
        let mut out = Rows {
            json,
            kept: Vec::new(),
        };
        let env = Env {
            now: NOW,
            zones: &BuiltinZones,
        };
        let config = Config::default();
        if out.json.is_none() {
            println!("| case | input | median ms |");
            println!("|---|---|---|");
        }
        let mut row = |case: &str, size: &str, ms: f64| out.row(case, size, ms);
        escape_rows(&mut row);

        let json = include_str!("../tests/scenarios/large-import.json");
        let scenario: Answers = serde_json::from_str(json).unwrap_or_default();
        row(
            "evaluate the large-import scenario",
            "—",
            median_ms(201, || {
                black_box(evaluate(black_box(&scenario), &config, &env));
            }),
        );
        let block = evaluate(&scenario, &config, &env).block;
        for format in Format::ALL {
            row(
                &format!("write the block for {}", format.label()),
                "—",
                median_ms(201, || {
                    black_box(write(black_box(&block), format));
                }),
            );
        }

        let mut huge = scenario.clone();
        let text = filled("0.|*@a #1 https://e.xy \u{202E}", 1_000_000);
        let mut fields = 0;
        for &field in Field::ALL {
            if field.question().input.is_free_text() {
                field.set_text(&mut huge, &text);
                fields += 1;
            }
        }
        row(
            &format!("evaluate with {fields} free-text answers at 1 MB"),
            &format!("{} MB", fields),
            median_ms(15, || {
                black_box(evaluate(black_box(&huge), &config, &env));
            }),
        );

        paste_rows(&mut row);
        sample_rows(&mut row);

        let Some(path) = out.json.clone() else {
            return;
        };
        let mut row = |case: &str, size: &str, ms: f64| out.row(case, size, ms);
        golden_rows(&mut row, &config, &env);
        let doc = serde_json::json!({ "native": out.kept });
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("bench: cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
}
