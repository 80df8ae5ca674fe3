//! Thresholds and names the handbook maintainers tune without a rebuild, through
//! `data-*` attributes or the JS API's options. Each setting is declared once below:
//! its field, default, attribute, JS option, accepted range and what it means. The
//! defaults and the facts behind them are in `docs/domain.md`.

pub mod format;

use crate::checklist::questions::numbers::parse_amount;
use crate::checklist::schedule::calendar::{DaysOff, Team};
use format::Format;

/// A setting's value as the host gave it: attribute text, a JS number, or anything
/// else (an object, a boolean), which no setting accepts.
#[derive(Clone, Copy, Debug)]
pub enum Raw<'a> {
    Text(&'a str),
    Number(f64),
    Bool(bool),
    Other,
}

/// A setting's type: how a raw value is read and checked against its range.
trait Tunable: Sized {
    fn read(raw: Raw, min: f64, max: f64) -> Option<Self>;
}

fn number(raw: Raw, min: f64, max: f64) -> Option<f64> {
    let x = match raw {
        Raw::Number(x) => x,
        Raw::Text(t) => parse_amount(t).ok().flatten()?,
        Raw::Bool(_) | Raw::Other => return None,
    };
    (x.is_finite() && x >= min && x <= max).then_some(x)
}

impl Tunable for f64 {
    fn read(raw: Raw, min: f64, max: f64) -> Option<f64> {
        number(raw, min, max)
    }
}

impl Tunable for u64 {
    fn read(raw: Raw, min: f64, max: f64) -> Option<u64> {
        number(raw, min, max)
            .filter(|x| x.fract() == 0.0)
            .map(|x| x as u64)
    }
}

impl Tunable for u32 {
    fn read(raw: Raw, min: f64, max: f64) -> Option<u32> {
        u64::read(raw, min, max).and_then(|x| u32::try_from(x).ok())
    }
}

impl Tunable for String {
    fn read(raw: Raw, _: f64, _: f64) -> Option<String> {
        match raw {
            Raw::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
            _ => None,
        }
    }
}

impl Tunable for bool {
    fn read(raw: Raw, _: f64, _: f64) -> Option<bool> {
        match raw {
            Raw::Bool(b) => Some(b),
            Raw::Text(t) => match t.trim() {
                "true" | "on" | "yes" => Some(true),
                "false" | "off" | "no" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Whether `template` can be a new-ticket URL: http(s), with a `{body}` to fill.
pub fn is_template(template: &str) -> bool {
    let t = template.trim();
    (t.starts_with("https://") || t.starts_with("http://")) && t.contains("{body}")
}

/// The host's new-ticket URL template; empty: no "Open as ticket" button.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TicketTemplate(pub String);

impl Tunable for TicketTemplate {
    fn read(raw: Raw, _: f64, _: f64) -> Option<TicketTemplate> {
        match raw {
            Raw::Text(t) if is_template(t) => Some(TicketTemplate(t.trim().to_string())),
            _ => None,
        }
    }
}

impl Tunable for DaysOff {
    fn read(raw: Raw, _: f64, _: f64) -> Option<DaysOff> {
        match raw {
            Raw::Text(t) => DaysOff::parse(t),
            _ => None,
        }
    }
}

impl Tunable for Format {
    fn read(raw: Raw, _: f64, _: f64) -> Option<Format> {
        match raw {
            Raw::Text(t) => Format::from_code(t),
            _ => None,
        }
    }
}

/// One setting as the error messages describe it (the README's table lists every
/// setting, with more words; a test checks that none is missing there).
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// The `data-*` attribute name without the `data-` prefix.
    pub attribute: &'static str,
    /// The JS API's option name.
    pub option: &'static str,
    /// What a valid value is: "a whole number of events".
    pub describe: &'static str,
    /// What it means, in a line.
    pub doc: &'static str,
}

macro_rules! settings {
    ($(
        #[doc = $doc:literal]
        $field:ident: $ty:ty = $default:expr,
        $attribute:literal / $option:literal, $min:literal ..= $max:expr, $describe:literal;
    )*) => {
        /// Every tunable setting, with its default.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Config {
            $(#[doc = $doc] pub $field: $ty,)*
        }

        impl Default for Config {
            fn default() -> Self {
                Config { $($field: $default,)* }
            }
        }

        /// Every setting, in declaration order.
        pub const SETTINGS: &[Setting] = &[$(Setting {
            attribute: $attribute,
            option: $option,
            describe: $describe,
            doc: $doc.trim_ascii(),
        },)*];

        impl Config {
            /// Sets one setting named by attribute or option. `Err(())` when the name
            /// is unknown or the value is not valid (the setting is unchanged).
            fn apply(&mut self, name: &str, raw: Raw) -> Result<(), ()> {
                $(if name == $attribute || name == $option {
                    self.$field = <$ty>::read(raw, $min as f64, $max as f64).ok_or(())?;
                    return Ok(());
                })*
                Err(())
            }
        }
    };
}

settings! {
    /// Events for one distinct_id at or above which it is hot.
    hot_id_events: u64 = 100_000,
        "hot-id-events" / "hotIdEvents", 1..=1e15, "a whole number of events";
    /// Events/s on one distinct_id at peak (its share of all events × the peak rate) at or above which it is hot, on the live path.
    hot_id_rate: f64 = 100.0,
        "hot-id-rate" / "hotIdRate", 0.001..=1e9, "a number of events per second";
    /// Events/s (all workers together) above which the peak rate is flagged.
    comfortable_rate: f64 = 3_000.0,
        "comfortable-rate" / "comfortableRate", 1..=1e9, "a number of events per second";
    /// Largest accepted body of a `/batch` request, in bytes.
    batch_request_cap_bytes: u64 = 20 * 1_048_576,
        "batch-request-cap-bytes" / "batchRequestCapBytes", 1..=1e12, "a whole number of bytes";
    /// Largest accepted body of a single-event request, in bytes.
    single_request_cap_bytes: u64 = 2 * 1_048_576,
        "single-request-cap-bytes" / "singleRequestCapBytes", 1..=1e12, "a whole number of bytes";
    /// Largest accepted event, in bytes (the Kafka message cap).
    event_cap_bytes: u64 = 1_000_000,
        "event-cap-bytes" / "eventCapBytes", 1..=1e12, "a whole number of bytes";
    /// Share of a capture cap (%) from which an event or a request is flagged as close to it.
    size_warn_percent: f64 = 80.0,
        "size-warn-percent" / "sizeWarnPercent", 1..=100, "a percentage between 1 and 100";
    /// Events newer than this many hours ignore `historical_migration`.
    historical_min_age_hours: u64 = 48,
        "historical-min-age-hours" / "historicalMinAgeHours", 0..=87_600, "a whole number of hours up to 87600";
    /// Working days of notice the pipeline team wants.
    lead_time_working_days: u64 = 3,
        "lead-time-working-days" / "leadTimeWorkingDays", 0..=60, "a whole number of days up to 60";
    /// Start of the pipeline team's hours, Mon–Fri, Europe/Amsterdam.
    overlap_start_hour: u32 = 9,
        "overlap-start-hour" / "overlapStartHour", 0..=23, "an hour from 0 to 23";
    /// End of the pipeline team's hours (after the start).
    overlap_end_hour: u32 = 17,
        "overlap-end-hour" / "overlapEndHour", 1..=24, "an hour from 1 to 24, after the start hour";
    /// Share of the run (%) outside the pipeline team's hours above which it is a warning (any share above 0 is a note).
    outside_hours_percent: f64 = 25.0,
        "outside-hours-percent" / "outsideHoursPercent", 0..=100, "a percentage between 0 and 100";
    /// Days the pipeline team is off besides weekends: `nl` (the Dutch public holidays), dates as YYYY-MM-DD, or `none`, comma-separated.
    team_days_off: DaysOff = DaysOff::default(),
        "team-days-off" / "teamDaysOff", 0..=0, "a comma-separated list of YYYY-MM-DD dates, nl or none";
    /// Total events from which an import is also a commercial topic.
    large_import_events: u64 = 20_000_000,
        "large-import-events" / "largeImportEvents", 1..=1e15, "a whole number of events";
    /// Tolerated factor between total events and rate × duration.
    volume_mismatch_factor: f64 = 3.0,
        "volume-mismatch-factor" / "volumeMismatchFactor", 1..=1e6, "a number of at least 1";
    /// Single capture requests/s at the peak, sent all at once (no ramp-up), from which they are closer to a denial of service (the page's "large volume").
    dos_single_rate: f64 = 100.0,
        "dos-single-rate" / "dosSingleRate", 1..=1e9, "a number of events per second";
    /// Minutes to the peak below which a ramp-up counts as all at once.
    min_ramp_minutes: f64 = 10.0,
        "min-ramp-minutes" / "minRampMinutes", 0..=1_440, "a number of minutes up to 1440";
    /// Events/s at the peak from which sending it all at once (no ramp-up) is a warning.
    no_ramp_rate: f64 = 100.0,
        "no-ramp-rate" / "noRampRate", 0..=1e9, "a number of events per second";
    /// Events/s of a ramp-up's first step from which the ramp starts too high (a warning; a gentler profile is suggested).
    ramp_first_rate: f64 = 1_000.0,
        "ramp-first-rate" / "rampFirstRate", 1..=1e9, "a number of events per second";
    /// Factor between one ramp-up step's rate and the next above which the ramp jumps (a warning; a gentler profile is suggested).
    ramp_jump_factor: f64 = 5.0,
        "ramp-jump-factor" / "rampJumpFactor", 1..=1e6, "a number of at least 1";
    /// Factor between a typed answer and a pasted sample's measure above which they disagree (a warning).
    sample_mismatch_factor: f64 = 2.0,
        "sample-mismatch-factor" / "sampleMismatchFactor", 1..=1e6, "a number of at least 1";
    /// How the pipeline team is named in the block and the widget.
    pipeline_team: String = "the pipeline team".to_string(),
        "pipeline-team" / "pipelineTeam", 0..=0, "a name or handle";
    /// Where the request is pasted, chosen when the widget opens: `github`, `slack` or `plain`.
    copy_format: Format = Format::GitHub,
        "copy-format" / "copyFormat", 0..=0, "github, slack or plain";
    /// Whether "Copy link" offers the answers as a prefilled link: `true` or `false`.
    share_link: bool = true,
        "share-link" / "shareLink", 0..=0, "true or false";
    /// A new-ticket URL with `{title}` and `{body}` (e.g. a GitHub "new issue" URL): adds "Open as ticket".
    ticket_url: TicketTemplate = TicketTemplate::default(),
        "ticket-url" / "ticketUrl", 0..=0, "an http(s) URL containing {body}";
}

fn setting(name: &str) -> Option<&'static Setting> {
    SETTINGS
        .iter()
        .find(|s| s.attribute == name || s.option == name)
}

impl Config {
    /// The pipeline team's working time, as the calendar reads it.
    pub fn team(&self) -> Team<'_> {
        Team {
            start_hour: self.overlap_start_hour,
            end_hour: self.overlap_end_hour,
            days_off: &self.team_days_off,
        }
    }

    /// Applies a `data-*` attribute (name without `data-`). On a bad value the setting
    /// keeps its default and the error says what was expected.
    pub fn set_attribute(&mut self, attribute: &str, value: &str) -> Result<(), String> {
        let s = setting(attribute)
            .filter(|s| s.attribute == attribute)
            .ok_or_else(|| format!("data-{attribute} is not a setting of this widget"))?;
        self.apply(attribute, Raw::Text(value)).map_err(|()| {
            format!(
                "data-{attribute}=\"{value}\" is not {}; the default is used",
                s.describe
            )
        })
    }

    /// Applies a JS API option. `shown` is the value as the host wrote it, for the
    /// message.
    pub fn set_option(&mut self, option: &str, raw: Raw, shown: &str) -> Result<(), String> {
        let s = setting(option)
            .filter(|s| s.option == option)
            .ok_or_else(|| format!("{option} is not an option of this widget"))?;
        self.apply(option, raw).map_err(|()| {
            format!(
                "{option}: {shown} is not {}; the default is used",
                s.describe
            )
        })
    }

    /// Checks the settings that only make sense together; a bad pair goes back to its
    /// defaults. Call once all settings are applied.
    pub fn check_together(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        if self.overlap_start_hour >= self.overlap_end_hour {
            let d = Config::default();
            out.push(format!(
                "the pipeline team's hours {}–{} are not a working window (the start must be before the end); {}–{} is used",
                self.overlap_start_hour, self.overlap_end_hour, d.overlap_start_hour, d.overlap_end_hour
            ));
            self.overlap_start_hour = d.overlap_start_hour;
            self.overlap_end_hour = d.overlap_end_hour;
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
        c.set_attribute("hot-id-events", "50,000").unwrap();
        c.set_attribute("comfortable-rate", "3,500").unwrap();
        c.set_attribute("pipeline-team", " @team-ingestion ")
            .unwrap();
        c.set_attribute("overlap-end-hour", "18").unwrap();
        assert_eq!(c.hot_id_events, 50_000);
        assert_eq!(c.comfortable_rate, 3_500.0);
        assert_eq!(c.pipeline_team, "@team-ingestion");
        assert_eq!(c.overlap_end_hour, 18);
        // Numbers are read as in the form: suffixes work, unclear separators are refused.
        c.set_attribute("large-import-events", "50M").unwrap();
        assert_eq!(c.large_import_events, 50_000_000);
        assert!(c.set_attribute("hot-id-events", "150.000").is_err());
        assert_eq!(c.hot_id_events, 50_000);
    }

    #[test]
    fn bad_values_keep_the_default_and_say_why() {
        let mut c = Config::default();
        let err = c.set_attribute("hot-id-events", "lots").unwrap_err();
        assert!(
            err.contains("data-hot-id-events=\"lots\" is not a whole number"),
            "{err}"
        );
        assert!(c.set_attribute("size-warn-percent", "150").is_err());
        assert!(c.set_attribute("team-days-off", "24 Dec").is_err());
        assert!(c.set_attribute("team-days-off", " , ").is_err());
        assert!(c.set_attribute("comfortable-rate", "-5").is_err());
        assert!(c.set_attribute("historical-min-age-hours", "1e30").is_err());
        assert!(c.set_attribute("overlap-start-hour", "24").is_err());
        assert!(c.set_attribute("pipeline-team", "  ").is_err());
        assert!(c
            .set_attribute("no-such-thing", "1")
            .unwrap_err()
            .contains("not a setting"));
        assert_eq!(c, Config::default());
    }

    #[test]
    fn days_off_default_to_the_dutch_holidays_and_take_a_list() {
        use crate::checklist::schedule::time::Date;
        let d = |s: &str| Date::parse(s).unwrap();
        let c = Config::default();
        assert!(c.team_days_off.contains(d("2026-12-25")));
        assert!(!c.team_days_off.contains(d("2026-12-24")));
        let mut c = Config::default();
        c.set_attribute("team-days-off", "2026-12-24, 2026-12-31")
            .unwrap();
        assert!(c.team_days_off.contains(d("2026-12-24")));
        assert!(
            !c.team_days_off.contains(d("2026-12-25")),
            "a list replaces the holidays"
        );
        c.set_attribute("team-days-off", "nl,2026-12-24").unwrap();
        assert!(
            c.team_days_off.contains(d("2026-12-24")) && c.team_days_off.contains(d("2026-12-25"))
        );
        c.set_attribute("team-days-off", "none").unwrap();
        assert!(!c.team_days_off.contains(d("2026-12-25")));
    }

    #[test]
    fn the_working_window_is_checked_as_a_pair() {
        // A late window is fine, whatever order the two are given in.
        let mut c = Config::default();
        c.set_attribute("overlap-start-hour", "18").unwrap();
        c.set_attribute("overlap-end-hour", "22").unwrap();
        assert!(c.check_together().is_empty());
        assert_eq!((c.overlap_start_hour, c.overlap_end_hour), (18, 22));
        // An inverted one goes back to the defaults, and says so.
        c.set_attribute("overlap-end-hour", "9").unwrap();
        let problems = c.check_together();
        assert!(problems[0].contains("18–9"), "{problems:?}");
        assert_eq!((c.overlap_start_hour, c.overlap_end_hour), (9, 17));
    }

    #[test]
    fn js_options_take_numbers_and_say_which_option_was_wrong() {
        let mut c = Config::default();
        c.set_option("hotIdEvents", Raw::Number(50_000.0), "50000")
            .unwrap();
        assert_eq!(c.hot_id_events, 50_000);
        let err = c
            .set_option("hotIdEvents", Raw::Number(f64::NAN), "NaN")
            .unwrap_err();
        assert!(
            err.starts_with("hotIdEvents: NaN is not a whole number"),
            "{err}"
        );
        assert!(c
            .set_option("hotIdEvents", Raw::Number(2.5), "2.5")
            .is_err());
        assert!(c.set_option("pipelineTeam", Raw::Number(1.0), "1").is_err());
        assert!(c
            .set_option("hot-id-events", Raw::Number(1.0), "1")
            .is_err());
        assert_eq!(c.hot_id_events, 50_000);
    }

    #[test]
    fn every_setting_is_settable_by_attribute_and_option() {
        for s in SETTINGS {
            let value = match s.attribute {
                "pipeline-team" => "x",
                "copy-format" => "slack",
                "share-link" => "false",
                "ticket-url" => "https://x.example/new?body={body}",
                "overlap-start-hour" => "8",
                "overlap-end-hour" => "18",
                "team-days-off" => "2026-12-24",
                "sample-mismatch-factor" => "4",
                _ => "2",
            };
            let mut c = Config::default();
            assert!(
                c.set_attribute(s.attribute, value).is_ok(),
                "{}",
                s.attribute
            );
            assert_ne!(c, Config::default(), "{} changed nothing", s.attribute);
            let mut d = Config::default();
            d.set_option(s.option, Raw::Text(value), value).unwrap();
            assert_eq!(c, d, "{}", s.option);
            assert!(!s.doc.is_empty() && !s.describe.is_empty());
        }
    }
}
