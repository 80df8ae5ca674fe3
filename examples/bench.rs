//! Native benchmark of the checklist core on hostile and ordinary input. It prints a
//! table and asserts nothing (timings belong in a report, not in a test):
//!
//! `cargo run --profile bench --example bench`
//!
//! Escaping is linear: 1 MB takes about ten times as long as 100 KB, and a whole
//! evaluation with every free-text answer at 1 MB stays far from a frame.
fn main() {
    // The wasm build of the examples (clippy --all-targets) has nothing to run.
    #[cfg(not(target_arch = "wasm32"))]
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use historical_import_checklist::checklist::escape::{code, inline};
    use historical_import_checklist::checklist::formats::{write, Format};
    use historical_import_checklist::checklist::questions::Field;
    use historical_import_checklist::checklist::time::BuiltinZones;
    use historical_import_checklist::checklist::{evaluate, Answers, Config, Env};
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

    fn row(case: &str, size: &str, ms: f64) {
        println!("| {case:<46} | {size:>8} | {ms:>9.3} |");
    }

    pub fn run() {
        let env = Env {
            now: NOW,
            zones: &BuiltinZones,
        };
        let config = Config::default();
        println!("| case | input | median ms |");
        println!("|---|---|---|");
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
                        black_box(code(black_box(&text), true));
                    }),
                );
            }
        }

        let json = include_str!("../tests/scenarios/large-import.json");
        let scenario: Answers = serde_json::from_str(json).unwrap_or_default();
        row(
            "evaluate the large-import scenario",
            "—",
            median_ms(201, || {
                black_box(evaluate(black_box(&scenario), &config, &env));
            }),
        );
        let markdown = evaluate(&scenario, &config, &env).markdown;
        for format in [Format::Slack, Format::Plain] {
            row(
                &format!("write the block for {}", format.label()),
                "—",
                median_ms(201, || {
                    black_box(write(black_box(&markdown), format));
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
    }
}
