//! Numbers as people type them, for any input: reading never panics, what the block
//! prints reads back as the same number, and an unclear number's choices are clear.
#![cfg(not(target_arch = "wasm32"))]

use historical_import_checklist::checklist::questions::numbers::{
    group, parse_count, read, Measure, NumberError,
};
use proptest::prelude::*;

const MEASURES: [Measure; 4] = [
    Measure::Count,
    Measure::Bytes,
    Measure::Minutes,
    Measure::PerSecond,
];

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,40}", bare in 0.0f64..10_000.0) {
        for m in MEASURES {
            let _ = read(&text, m, bare);
        }
        let _ = parse_count(&text);
    }

    #[test]
    fn number_like_text_is_read_or_refused_never_a_panic(text in "[0-9.,_' kKmMbBhsdiIn/e~-]{0,16}") {
        for m in MEASURES {
            let _ = read(&text, m, 60.0);
        }
    }

    #[test]
    fn what_the_block_prints_reads_back(n in 0u64..1_000_000_000_000_000) {
        prop_assert_eq!(parse_count(&group(n)), Ok(Some(n)));
        prop_assert_eq!(parse_count(&n.to_string()), Ok(Some(n)));
    }

    #[test]
    fn each_choice_of_an_unclear_number_is_clear(
        whole in 1u64..1_000,
        fraction in 0u64..1_000,
        suffix in prop::sample::select(vec!["", "k", "M", " KB", " h"]),
    ) {
        let text = format!("{whole}.{fraction:03}{suffix}");
        let measure = if suffix == " KB" { Measure::Bytes } else if suffix == " h" { Measure::Minutes } else { Measure::Count };
        match read(&text, measure, 1.0) {
            Err(NumberError::Unclear(choices)) => {
                for c in &choices {
                    prop_assert!(read(c, measure, 1.0).is_ok(), "{} from {}", c, text);
                }
                prop_assert_ne!(read(&choices[0], measure, 1.0), read(&choices[1], measure, 1.0));
            }
            other => prop_assert!(false, "{} read as {:?}", text, other),
        }
    }
}
