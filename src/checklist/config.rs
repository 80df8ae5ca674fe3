//! Thresholds and names the handbook maintainers can tune without a rebuild (through
//! `data-*` attributes or the JS API's options). Defaults come from PostHog's capture
//! code and docs (see `shared/domain-notes.md`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Config {
    /// Events for one distinct_id at or above which it is "hot". Defaults to 100,000.
    pub hot_id_events: u64,
    /// Share of all events (percent) held by one distinct_id that makes it hot.
    /// Defaults to 10.
    pub hot_id_share_percent: f64,
    /// Peak rate (events/s, all workers together) the pipeline absorbs comfortably.
    /// Defaults to 3,000 (the docs: "below a few thousand events per second").
    pub comfortable_rate: f64,
    /// Largest accepted body of a `/batch` request. Defaults to 20 MiB.
    pub batch_request_cap_bytes: u64,
    /// Largest accepted body of a single-event request. Defaults to 2 MiB.
    pub single_request_cap_bytes: u64,
    /// Largest accepted event (the Kafka message cap). Defaults to 1,000,000 bytes.
    pub event_cap_bytes: u64,
    /// Events newer than this many hours ignore `historical_migration`. Defaults to 48.
    pub historical_min_age_hours: u64,
    /// Working days of notice the pipeline team wants. Defaults to 3.
    pub lead_time_working_days: u64,
    /// The pipeline team's working window, Monday–Friday, Europe/Amsterdam local hours.
    /// Defaults to 9 and 17.
    pub overlap_start_hour: u32,
    pub overlap_end_hour: u32,
    /// Total events beyond which the import is also a commercial topic. Defaults to
    /// 20,000,000.
    pub large_import_events: u64,
    /// Factor by which total events may differ from peak rate × duration before it is
    /// flagged as inconsistent. Defaults to 3 (a ramp-up or pauses explain some of it).
    pub volume_mismatch_factor: f64,
    /// Single-event requests per second, sent all at once, that make a denial of service.
    /// Defaults to 100.
    pub dos_single_rate: f64,
    /// How the pipeline team is named in the request block. Defaults to
    /// "the pipeline team".
    pub pipeline_team: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            hot_id_events: 100_000,
            hot_id_share_percent: 10.0,
            comfortable_rate: 3_000.0,
            batch_request_cap_bytes: 20 * 1_048_576,
            single_request_cap_bytes: 2 * 1_048_576,
            event_cap_bytes: 1_000_000,
            historical_min_age_hours: 48,
            lead_time_working_days: 3,
            overlap_start_hour: 9,
            overlap_end_hour: 17,
            large_import_events: 20_000_000,
            volume_mismatch_factor: 3.0,
            dos_single_rate: 100.0,
            pipeline_team: "the pipeline team".to_string(),
        }
    }
}

/// One setting as a host page spells it: `data-hot-id-events="50000"`.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// The `data-*` attribute name without the `data-` prefix.
    pub attribute: &'static str,
    pub describe: &'static str,
}

pub const SETTINGS: &[Setting] = &[
    Setting {
        attribute: "hot-id-events",
        describe: "a whole number of events",
    },
    Setting {
        attribute: "hot-id-share-percent",
        describe: "a percentage between 0 and 100",
    },
    Setting {
        attribute: "comfortable-rate",
        describe: "events per second",
    },
    Setting {
        attribute: "batch-request-cap-bytes",
        describe: "a whole number of bytes",
    },
    Setting {
        attribute: "single-request-cap-bytes",
        describe: "a whole number of bytes",
    },
    Setting {
        attribute: "event-cap-bytes",
        describe: "a whole number of bytes",
    },
    Setting {
        attribute: "historical-min-age-hours",
        describe: "a whole number of hours",
    },
    Setting {
        attribute: "lead-time-working-days",
        describe: "a whole number of days",
    },
    Setting {
        attribute: "overlap-start-hour",
        describe: "an hour from 0 to 23",
    },
    Setting {
        attribute: "overlap-end-hour",
        describe: "an hour from 1 to 24, after the start hour",
    },
    Setting {
        attribute: "large-import-events",
        describe: "a whole number of events",
    },
    Setting {
        attribute: "volume-mismatch-factor",
        describe: "a number of at least 1",
    },
    Setting {
        attribute: "dos-single-rate",
        describe: "events per second",
    },
    Setting {
        attribute: "pipeline-team",
        describe: "a name or handle",
    },
];

impl Config {
    /// Applies one setting given as text (a `data-*` attribute). On a bad value the
    /// setting keeps its current value and the error says what was expected.
    pub fn set(&mut self, attribute: &str, value: &str) -> Result<(), String> {
        let v = value.trim();
        let describe = SETTINGS
            .iter()
            .find(|s| s.attribute == attribute)
            .map(|s| s.describe)
            .ok_or_else(|| format!("data-{attribute} is not a setting of this widget"))?;
        let bad = || format!("data-{attribute}=\"{value}\" is not {describe}; the default is used");
        let count = || v.replace([',', '_'], "").parse::<u64>().map_err(|_| bad());
        let number = || {
            v.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .ok_or_else(bad)
        };
        match attribute {
            "hot-id-events" => self.hot_id_events = count()?,
            "hot-id-share-percent" => {
                let x = number()?;
                if x > 100.0 {
                    return Err(bad());
                }
                self.hot_id_share_percent = x;
            }
            "comfortable-rate" => self.comfortable_rate = number()?,
            "batch-request-cap-bytes" => self.batch_request_cap_bytes = count()?,
            "single-request-cap-bytes" => self.single_request_cap_bytes = count()?,
            "event-cap-bytes" => self.event_cap_bytes = count()?,
            "historical-min-age-hours" => self.historical_min_age_hours = count()?,
            "lead-time-working-days" => self.lead_time_working_days = count()?,
            "overlap-start-hour" => {
                let h = count()?;
                if h > 23 || h >= u64::from(self.overlap_end_hour) {
                    return Err(bad());
                }
                self.overlap_start_hour = h as u32;
            }
            "overlap-end-hour" => {
                let h = count()?;
                if h > 24 || h <= u64::from(self.overlap_start_hour) {
                    return Err(bad());
                }
                self.overlap_end_hour = h as u32;
            }
            "large-import-events" => self.large_import_events = count()?,
            "volume-mismatch-factor" => {
                let x = number()?;
                if x < 1.0 {
                    return Err(bad());
                }
                self.volume_mismatch_factor = x;
            }
            "dos-single-rate" => self.dos_single_rate = number()?,
            "pipeline-team" => {
                if v.is_empty() {
                    return Err(bad());
                }
                self.pipeline_team = v.to_string();
            }
            _ => return Err(bad()),
        }
        Ok(())
    }

    /// Checks settings that came in as a whole (the JS API's options object).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.overlap_start_hour >= self.overlap_end_hour || self.overlap_end_hour > 24 {
            out.push(format!(
                "overlapStartHour {} / overlapEndHour {} do not make a working window",
                self.overlap_start_hour, self.overlap_end_hour
            ));
        }
        if !(0.0..=100.0).contains(&self.hot_id_share_percent) {
            out.push("hotIdSharePercent must be between 0 and 100".to_string());
        }
        if self.volume_mismatch_factor < 1.0 || !self.volume_mismatch_factor.is_finite() {
            out.push("volumeMismatchFactor must be at least 1".to_string());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_override_defaults() {
        let mut c = Config::default();
        c.set("hot-id-events", "50,000").unwrap();
        c.set("pipeline-team", " @team-ingestion ").unwrap();
        c.set("overlap-end-hour", "18").unwrap();
        assert_eq!(c.hot_id_events, 50_000);
        assert_eq!(c.pipeline_team, "@team-ingestion");
        assert_eq!(c.overlap_end_hour, 18);
    }

    #[test]
    fn bad_values_keep_the_default_and_say_why() {
        let mut c = Config::default();
        let err = c.set("hot-id-events", "lots").unwrap_err();
        assert!(
            err.contains("data-hot-id-events=\"lots\" is not a whole number"),
            "{err}"
        );
        assert_eq!(c.hot_id_events, 100_000);
        assert!(c.set("overlap-start-hour", "20").is_err());
        assert!(c.set("hot-id-share-percent", "150").is_err());
        assert!(c
            .set("no-such-thing", "1")
            .unwrap_err()
            .contains("not a setting"));
        assert_eq!(c, Config::default());
    }

    #[test]
    fn every_setting_is_settable() {
        for s in SETTINGS {
            let mut c = Config::default();
            let value = match s.attribute {
                "pipeline-team" => "x",
                "overlap-start-hour" => "8",
                "overlap-end-hour" => "18",
                _ => "2",
            };
            assert!(c.set(s.attribute, value).is_ok(), "{}", s.attribute);
            assert_ne!(c, Config::default(), "{} changed nothing", s.attribute);
        }
    }
}
