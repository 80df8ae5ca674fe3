//! The pictures' geometry, in plain Rust: scales, nice ticks, the SVG path strings and
//! labels of the ramp-up chart and the busiest distinct_ids, and the one sentence that
//! says what each picture shows. The UI renders a [`Picture`] as it is: a few `<path>`
//! and `<text>` elements in a `viewBox` of [`WIDTH`] units, so it resizes with its
//! container. Coordinates are whole units, printed as integers (no float formatting).

use crate::checklist::questions::answers::{Answers, Ramp};
use crate::checklist::questions::hidden::visible;
use crate::checklist::questions::numbers::{amount, group, minutes, tenths, tenths_fixed};
use crate::checklist::rules::facts::{Facts, RampPoint, TOP_IDS_SHOWN};
use crate::checklist::Config;

/// Width of every picture's `viewBox`.
pub const WIDTH: i64 = 480;

/// Shapes a picture has at most: the UI keeps this many paths in the page.
pub const MAX_SHAPES: usize = 4;

/// One shape: an SVG path, styled by its class (colours come from the widget's custom
/// properties, so dark mode and print follow them).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub class: &'static str,
    pub d: String,
}

/// One text in the picture; `class` sets its anchor (`hic-c-end`, `hic-c-mid`, or none).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: i64,
    pub y: i64,
    pub class: &'static str,
    pub text: String,
}

/// A picture: its height in `viewBox` units, its shapes (drawn in order), its labels and
/// the sentence that says the same for those who do not see it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub height: i64,
    pub shapes: Vec<Shape>,
    pub labels: Vec<Label>,
    pub alt: String,
}

impl Picture {
    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {WIDTH} {}", self.height)
    }

    pub(crate) fn shape(&mut self, class: &'static str, d: String) {
        if !d.is_empty() {
            self.shapes.push(Shape { class, d });
        }
    }

    pub(crate) fn label(&mut self, x: i64, y: i64, class: &'static str, text: String) {
        self.labels.push(Label { x, y, class, text });
    }
}

/// A linear map from `0..=max` onto `from..=to` (whole `viewBox` units; `to` may be
/// below `from`, as on a y axis). Values outside the domain are clamped to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub max: f64,
    pub from: i64,
    pub to: i64,
}

impl Scale {
    pub fn at(&self, v: f64) -> i64 {
        if self.max <= 0.0 || !v.is_finite() {
            return self.from;
        }
        let t = (v / self.max).clamp(0.0, 1.0);
        self.from + ((self.to - self.from) as f64 * t).round() as i64
    }
}

/// Ticks from 0 in steps of 1, 2 or 5 × 10^k, at most `count` steps, the last at or
/// above `max`. `[0, 1]` when `max` is not positive.
pub fn nice_ticks(max: f64, count: u32) -> Vec<f64> {
    let count = count.max(1);
    if !(max > 0.0 && max.is_finite()) {
        return vec![0.0, 1.0];
    }
    let raw = max / f64::from(count);
    // The power of ten at or below `raw`, by multiplication (no log10 in the wasm).
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= raw {
        magnitude *= 10.0;
    }
    while magnitude > raw {
        magnitude /= 10.0;
    }
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    ticks(max, step)
}

/// Ticks for minutes: steps people read on a clock (5, 10, 15, 30 min, 1, 2, 3, 6, 12 h,
/// whole days), at most `count` steps, the last at or above `max`.
pub fn minute_ticks(max: f64, count: u32) -> Vec<f64> {
    const STEPS: [f64; 15] = [
        1.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 60.0, 120.0, 180.0, 240.0, 360.0, 720.0, 1_440.0,
        2_880.0,
    ];
    if !(max > 0.0 && max.is_finite()) {
        return vec![0.0, 1.0];
    }
    let raw = max / f64::from(count.max(1));
    match STEPS.iter().find(|s| **s >= raw) {
        Some(step) => ticks(max, *step),
        // Longer than days: whole days in nice numbers.
        None => nice_ticks(max / 1_440.0, count)
            .into_iter()
            .map(|d| (d * 1_440.0).round())
            .collect(),
    }
}

fn ticks(max: f64, step: f64) -> Vec<f64> {
    let n = (max / step).ceil().max(1.0) as u32;
    (0..=n).map(|i| f64::from(i) * step).collect()
}

/// "500", "2.5k", "1.2M": a rate on an axis.
pub fn short(v: f64) -> String {
    if v >= 1_000_000.0 {
        format!("{}M", tenths(v / 1_000_000.0))
    } else if v >= 1_000.0 {
        format!("{}k", tenths(v / 1_000.0))
    } else {
        amount(v)
    }
}

/// "30 min", "2 h", "1.5 d": a time on an axis.
fn short_minutes(m: f64) -> String {
    if m >= 2_880.0 {
        format!("{} d", tenths(m / 1_440.0))
    } else if m >= 60.0 && ((m / 60.0).fract() == 0.0 || m >= 600.0) {
        format!("{} h", tenths(m / 60.0))
    } else {
        format!("{} min", amount(m))
    }
}

/// A path through points: "M0 0L10 5L20 5".
pub fn path(points: &[(i64, i64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&x.to_string());
        d.push(' ');
        d.push_str(&y.to_string());
    }
    d
}

/// A rectangle as a path.
fn rect(x: i64, y: i64, w: i64, h: i64) -> String {
    format!("M{x} {y}h{w}v{h}h{}z", -w)
}

// The ramp chart's plot area.
const RAMP_HEIGHT: i64 = 210;
const LEFT: i64 = 44;
const RIGHT: i64 = WIDTH - 8;
const TOP: i64 = 22;
const BOTTOM: i64 = RAMP_HEIGHT - 24;

/// The comfortable rate is drawn when it is at most this many times the top rate (else
/// the run would be a flat line at the bottom; the sentence still says where it is).
const COMFORT_IN_VIEW: f64 = 3.0;

/// The ramp-up: rate over time from the reader's profile, held at the last step until
/// the end of the run (or a little past the peak); the peak marked and labelled with the
/// time it takes; the comfortable rate dashed. `None` while there is no profile (no peak
/// rate, no ramp-up chosen, no steps).
pub fn ramp_chart(a: &Answers, facts: &Facts, config: &Config) -> Option<Picture> {
    let (first, last) = (facts.ramp.first()?, facts.ramp.last()?);
    let peak = facts.peak_per_sec?;
    let linear = a.ramp == Some(Ramp::Linear);
    let top_rate = facts.ramp.iter().fold(0.0_f64, |m, p| m.max(p.per_sec));
    let comfort = config.comfortable_rate;
    let axes = ramp_axes(facts, config, last, top_rate.max(peak));

    let mut pic = Picture {
        height: RAMP_HEIGHT,
        ..Picture::default()
    };
    ramp_grid(&mut pic, &axes);
    // The comfortable rate, dashed, when it is in view.
    if axes.comfort_shown {
        let cy = axes.y.at(comfort);
        pic.shape("hic-c-comfort", path(&[(LEFT, cy), (RIGHT, cy)]));
        pic.label(
            RIGHT,
            cy - 4,
            "hic-c-end",
            format!("comfortable {}/s", short(comfort)),
        );
    }
    pic.shape("hic-c-line", path(&ramp_line(&facts.ramp, linear, &axes)));
    peak_mark(&mut pic, facts, first, top_rate, peak, &axes);
    pic.alt = ramp_sentence(a.ramp, &facts.ramp, peak, facts.ramp_to_peak_min, comfort);
    Some(pic)
}

/// The ramp chart's ticks and scales, where its line ends, whether comfort is drawn.
struct RampAxes {
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
    x: Scale,
    y: Scale,
    /// Minutes: the end of the run, or of the time axis.
    end: f64,
    comfort_shown: bool,
}

/// The axes for a profile ending at `last` whose top rate (or peak) is `highest`.
fn ramp_axes(facts: &Facts, config: &Config, last: &RampPoint, highest: f64) -> RampAxes {
    // Time: past the last step (or the peak) by a quarter, within the run when known.
    let reach = last.after_min.max(facts.ramp_to_peak_min.unwrap_or(0.0));
    let mut span = if reach > 0.0 {
        reach * 1.25
    } else {
        config.min_ramp_minutes.max(10.0)
    };
    if let Some(d) = facts.duration_min.filter(|d| *d >= reach && *d > 0.0) {
        span = span.min(d);
    }
    let x_ticks = minute_ticks(span, 5);
    let x_max = x_ticks.last().copied().unwrap_or(1.0);
    let end = facts
        .duration_min
        .map_or(x_max, |d| d.min(x_max).max(reach));
    let x = Scale {
        max: x_max,
        from: LEFT,
        to: RIGHT,
    };

    let comfort = config.comfortable_rate;
    let comfort_shown = comfort <= highest * COMFORT_IN_VIEW;
    let rate_max = highest * 1.05;
    let y_ticks = nice_ticks(
        if comfort_shown {
            rate_max.max(comfort * 1.05)
        } else {
            rate_max
        },
        4,
    );
    let y = Scale {
        max: y_ticks.last().copied().unwrap_or(1.0),
        from: BOTTOM,
        to: TOP,
    };
    RampAxes {
        x_ticks,
        y_ticks,
        x,
        y,
        end,
        comfort_shown,
    }
}

/// The grid: a horizontal line per rate tick, the time axis' ticks, each labelled.
fn ramp_grid(pic: &mut Picture, axes: &RampAxes) {
    let mut grid = String::new();
    for v in &axes.y_ticks {
        let yy = axes.y.at(*v);
        grid.push_str(&path(&[(LEFT, yy), (RIGHT, yy)]));
        pic.label(LEFT - 4, yy + 4, "hic-c-end", short(*v));
    }
    for v in &axes.x_ticks {
        let xx = axes.x.at(*v);
        grid.push_str(&path(&[(xx, BOTTOM), (xx, BOTTOM + 4)]));
        // The first and last labels stay inside the picture.
        let class = if *v == 0.0 {
            ""
        } else if xx >= RIGHT {
            "hic-c-end"
        } else {
            "hic-c-mid"
        };
        pic.label(xx, BOTTOM + 17, class, short_minutes(*v));
    }
    pic.shape("hic-c-grid", grid);
}

/// The profile's line: steps hold their rate until the next; a linear ramp rises evenly.
fn ramp_line(ramp: &[RampPoint], linear: bool, axes: &RampAxes) -> Vec<(i64, i64)> {
    let (x, y) = (axes.x, axes.y);
    let mut points = vec![(x.at(0.0), y.at(0.0))];
    let mut held = 0.0;
    for p in ramp {
        let px = x.at(p.after_min.min(axes.end));
        if !linear {
            points.push((px, y.at(held)));
        }
        points.push((px, y.at(p.per_sec)));
        held = p.per_sec;
    }
    points.push((x.at(axes.end), y.at(held)));
    points.dedup();
    points
}

/// The peak's mark and label: where the profile reaches it, else its highest point.
fn peak_mark(
    pic: &mut Picture,
    facts: &Facts,
    first: &RampPoint,
    top_rate: f64,
    peak: f64,
    axes: &RampAxes,
) {
    let (mark_at, mark_rate) = match facts.ramp_to_peak_min {
        Some(t) => (
            t,
            facts
                .ramp
                .iter()
                .find(|p| p.per_sec >= peak)
                .map_or(peak, |p| p.per_sec),
        ),
        None => facts
            .ramp
            .iter()
            .find(|p| p.per_sec >= top_rate)
            .map_or((first.after_min, first.per_sec), |p| {
                (p.after_min, p.per_sec)
            }),
    };
    let (mx, my) = (axes.x.at(mark_at.min(axes.end)), axes.y.at(mark_rate));
    pic.shape("hic-c-peak", format!("M{} {my}l5 -5l5 5l-5 5z", mx - 5));
    let text = match facts.ramp_to_peak_min {
        Some(t) if t > 0.0 => format!("peak {}/s after {}", short(peak), minutes(t)),
        Some(_) => format!("peak {}/s at once", short(peak)),
        None => format!(
            "top {}/s, peak {}/s not reached",
            short(top_rate),
            short(peak)
        ),
    };
    let (lx, class) = if mx > (LEFT + RIGHT) / 2 {
        (mx - 8, "hic-c-end")
    } else {
        (mx + 8, "")
    };
    pic.label(lx, (my - 8).max(14), class, text);
}

/// The ramp chart in one sentence.
fn ramp_sentence(
    ramp: Option<Ramp>,
    points: &[RampPoint],
    peak: f64,
    to_peak: Option<f64>,
    comfort: f64,
) -> String {
    let rate = |r: f64| format!("{} events/s", amount(r));
    let linear = ramp == Some(Ramp::Linear);
    let comfort_text = match crossing(points, comfort, linear) {
        Some(t) if t > 0.0 => format!(
            "passing the comfortable {} after {}",
            rate(comfort),
            minutes(t)
        ),
        Some(_) => format!("above the comfortable {} from the start", rate(comfort)),
        None => format!("staying at or under the comfortable {}", rate(comfort)),
    };
    let reach = match to_peak {
        Some(t) if t > 0.0 => format!("reaching the {} peak after {}", rate(peak), minutes(t)),
        Some(_) => format!("at the {} peak from the start", rate(peak)),
        None => format!("never reaching the {} peak", rate(peak)),
    };
    match ramp {
        Some(Ramp::AllAtOnce) => format!(
            "Ramp-up: none, {} from the first second, {comfort_text}.",
            rate(peak)
        ),
        Some(Ramp::Linear) => format!("Ramp-up: linear from 0, {reach}, {comfort_text}."),
        _ => {
            let top = points.iter().fold(0.0_f64, |m, p| m.max(p.per_sec));
            let first = points.first().map_or(0.0, |p| p.per_sec);
            let steps = if points.len() == 1 {
                "1 step".to_string()
            } else {
                format!("{} steps", points.len())
            };
            format!(
                "Ramp-up: {steps} from {} to {}, {reach}, {comfort_text}.",
                rate(first),
                rate(top)
            )
        }
    }
}

/// Minutes after which the profile first goes above `rate`; `None` when it never does.
pub fn crossing(points: &[RampPoint], rate: f64, linear: bool) -> Option<f64> {
    let mut before: Option<&RampPoint> = None;
    for p in points {
        if p.per_sec > rate {
            return Some(match before {
                Some(b) if linear && p.per_sec > b.per_sec && b.per_sec <= rate => {
                    b.after_min
                        + (rate - b.per_sec) / (p.per_sec - b.per_sec) * (p.after_min - b.after_min)
                }
                _ => p.after_min,
            });
        }
        before = Some(p);
    }
    None
}

// The bars' layout: a row per id, its text above its bar.
const ROW: i64 = 34;
const BARS_TOP: i64 = 20;
/// Characters of a distinct_id shown on its bar (the block and the table show it all).
const ID_SHOWN: usize = 28;

/// Events for one distinct_id from which it is hot, as the hot-id finding decides: on
/// the live path, the count whose share of the total reaches `hot_id_rate` at the peak;
/// with `historical_migration: true` (or while the peak rate or the total is unknown),
/// `hot_id_events`.
pub fn hot_threshold_events(a: &Answers, facts: &Facts, config: &Config) -> u64 {
    match (
        crate::checklist::rules::ids::historical_path(a),
        facts.total_events,
        facts.peak_per_sec,
    ) {
        (false, Some(t), Some(p)) if t > 0 && p > 0.0 => {
            (config.hot_id_rate * t as f64 / p).ceil().max(1.0) as u64
        }
        _ => config.hot_id_events,
    }
}

/// The busiest distinct_ids as horizontal bars with their share of all events, the hot
/// threshold as a dashed line. `None` without a counted row.
pub fn id_bars(a: &Answers, facts: &Facts, config: &Config) -> Option<Picture> {
    let rows: Vec<(&str, u64)> = facts
        .top_ids
        .iter()
        .filter_map(|(id, n)| Some((id.as_str(), (*n)?)))
        // The busiest, as in the block.
        .take(TOP_IDS_SHOWN)
        .collect();
    let top = rows.iter().map(|r| r.1).max()?;
    let hot = hot_threshold_events(a, facts, config);
    let hot_shown = hot as f64 <= top as f64 * COMFORT_IN_VIEW;
    let max = if hot_shown { top.max(hot) } else { top };
    let x = Scale {
        max: max as f64,
        from: 0,
        to: WIDTH,
    };
    let total = facts.total_events.filter(|t| *t > 0);
    let share = |n: u64| total.map(|t| n as f64 * 100.0 / t as f64);
    let mut pic = Picture {
        height: BARS_TOP + ROW * rows.len() as i64,
        ..Picture::default()
    };
    let (mut cool, mut hot_bars) = (String::new(), String::new());
    for (i, (id, n)) in rows.iter().enumerate() {
        let y = BARS_TOP + ROW * i as i64;
        pic.label(0, y + 12, "", shown_id(id));
        let value = match share(*n) {
            Some(s) => format!("{} · {} %", group(*n), tenths_fixed(s)),
            None => group(*n),
        };
        pic.label(WIDTH, y + 12, "hic-c-end", value);
        let bar = rect(0, y + 16, x.at(*n as f64).max(2), 12);
        if *n >= hot { &mut hot_bars } else { &mut cool }.push_str(&bar);
    }
    pic.shape("hic-c-bar", cool);
    pic.shape("hic-c-bar hic-c-hot", hot_bars);
    if hot_shown {
        let hx = x.at(hot as f64).min(WIDTH - 1);
        // Across each bar, not over the texts.
        let line: String = (0..rows.len() as i64)
            .map(|i| path(&[(hx, BARS_TOP + ROW * i + 14), (hx, BARS_TOP + ROW * i + 30)]))
            .collect();
        pic.shape("hic-c-hotline", line);
        let class = if hx > WIDTH / 2 { "hic-c-end" } else { "" };
        pic.label(hx, 14, class, format!("hot from {}", short(hot as f64)));
    }

    let (busiest, most) = rows[0];
    let above = rows.iter().filter(|r| r.1 >= hot).count();
    let share_text = share(most)
        .map(|s| format!(" ({} % of all events)", tenths_fixed(s)))
        .unwrap_or_default();
    let hot_text = match above {
        0 => format!("none reaches the hot threshold of {} events", group(hot)),
        1 if rows.len() == 1 => format!("it is above the hot threshold of {} events", group(hot)),
        n => format!(
            "{n} of {} at or above the hot threshold of {} events",
            rows.len(),
            group(hot)
        ),
    };
    let ids = if rows.len() == 1 {
        "1 distinct_id".to_string()
    } else {
        format!("{} distinct_ids", rows.len())
    };
    pic.alt = format!(
        "Busiest {ids}: {} has the most, {} events{share_text}; {hot_text}.",
        shown_id(busiest),
        group(most),
    );
    Some(pic)
}

/// A distinct_id as shown on its bar: hidden characters named (`<U+202E>`), cut after
/// [`ID_SHOWN`] characters. (Nothing is neutralised: the picture is not pasted.)
fn shown_id(id: &str) -> String {
    visible(id, ID_SHOWN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::{Kind, Tri};
    use crate::checklist::questions::lists::{RampStep, TopId};
    use crate::checklist::rules::facts::tests::{derive as facts, env};
    use crate::checklist::{evaluate, FindingId};

    #[test]
    fn scales_map_and_clamp() {
        let y = Scale {
            max: 100.0,
            from: 200,
            to: 0,
        };
        for (v, at) in [
            (0.0, 200),
            (50.0, 100),
            (100.0, 0),
            (150.0, 0),
            (-5.0, 200),
            (f64::NAN, 200),
        ] {
            assert_eq!(y.at(v), at, "{v}");
        }
        let empty = Scale {
            max: 0.0,
            from: 10,
            to: 20,
        };
        assert_eq!(empty.at(5.0), 10);
    }

    #[test]
    fn nice_ticks_step_by_one_two_or_five() {
        let cases: &[(f64, u32, &[f64])] = &[
            (3_150.0, 4, &[0.0, 1_000.0, 2_000.0, 3_000.0, 4_000.0]),
            (5_250.0, 4, &[0.0, 2_000.0, 4_000.0, 6_000.0]),
            (1.0, 4, &[0.0, 0.5, 1.0]),
            (105.0, 4, &[0.0, 50.0, 100.0, 150.0]),
            (0.0, 4, &[0.0, 1.0]),
            (f64::INFINITY, 4, &[0.0, 1.0]),
            (10.0, 5, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
        ];
        for (max, count, want) in cases {
            assert_eq!(nice_ticks(*max, *count), *want, "{max}");
        }
    }

    #[test]
    fn minute_ticks_follow_the_clock() {
        assert_eq!(minute_ticks(37.5, 5), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(
            minute_ticks(75.0, 5),
            vec![0.0, 15.0, 30.0, 45.0, 60.0, 75.0]
        );
        assert_eq!(
            minute_ticks(600.0, 5),
            vec![0.0, 120.0, 240.0, 360.0, 480.0, 600.0]
        );
        assert_eq!(minute_ticks(10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        // Weeks: whole days.
        let long = minute_ticks(20.0 * 1_440.0, 5);
        assert_eq!(long.last(), Some(&(20.0 * 1_440.0)));
        assert!(long.iter().all(|m| m % 1_440.0 == 0.0));
    }

    #[test]
    fn axis_texts() {
        assert_eq!(short(500.0), "500");
        assert_eq!(short(2_500.0), "2.5k");
        assert_eq!(short(1_200_000.0), "1.2M");
        assert_eq!(short_minutes(30.0), "30 min");
        assert_eq!(short_minutes(120.0), "2 h");
        assert_eq!(short_minutes(90.0), "90 min");
        assert_eq!(short_minutes(4_320.0), "3 d");
        assert_eq!(path(&[(0, 1), (2, 3)]), "M0 1L2 3");
        assert_eq!(rect(1, 2, 3, 4), "M1 2h3v4h-3z");
    }

    fn steps(rows: &[(&str, &str)]) -> Answers {
        Answers {
            peak_rate: "5000".into(),
            duration: "2".into(),
            ramp: Some(Ramp::Steps),
            ramp_steps: rows
                .iter()
                .map(|(m, r)| RampStep {
                    after_minutes: (*m).into(),
                    rate: (*r).into(),
                })
                .collect(),
            ..Answers::default()
        }
    }

    fn line(p: &Picture) -> &str {
        p.shapes
            .iter()
            .find(|s| s.class == "hic-c-line")
            .map(|s| s.d.as_str())
            .unwrap_or_default()
    }

    #[test]
    fn ramp_chart_follows_the_steps() {
        let c = Config::default();
        let a = steps(&[("0", "500"), ("10", "2000"), ("30", "5000")]);
        let pic = ramp_chart(&a, &facts(&a), &c).unwrap();
        assert_eq!(pic.view_box(), "0 0 480 210");
        // 0..40 min on the time axis (30 × 1.25 = 37.5), 0..6,000/s on the rate axis.
        let d = line(&pic);
        assert!(d.starts_with(&format!("M{LEFT} {BOTTOM}")), "{d}");
        assert_eq!(d.matches('L').count(), 6, "{d}");
        assert!(
            d.ends_with(&format!("L{RIGHT} {}", TOP + (BOTTOM - TOP) / 6)),
            "{d}"
        );
        assert!(pic
            .labels
            .iter()
            .any(|l| l.text == "peak 5k/s after 30 min"));
        assert!(pic.labels.iter().any(|l| l.text == "comfortable 3k/s"));
        assert!(pic.shapes.iter().any(|s| s.class == "hic-c-comfort"));
        // Every shape there is: no more than the UI keeps.
        assert_eq!(pic.shapes.len(), MAX_SHAPES);
        assert_eq!(
            pic.alt,
            "Ramp-up: 3 steps from 500 events/s to 5,000 events/s, reaching the 5,000 events/s peak after 30 min, passing the comfortable 3,000 events/s after 30 min."
        );
        // Editing a step moves the line.
        let b = steps(&[("0", "500"), ("10", "1000"), ("30", "5000")]);
        assert_ne!(line(&ramp_chart(&b, &facts(&b), &c).unwrap()), d);
        // No peak rate, no profile: no picture.
        let none = Answers {
            peak_rate: String::new(),
            ..a
        };
        assert_eq!(ramp_chart(&none, &facts(&none), &c), None);
    }

    #[test]
    fn ramp_chart_for_each_profile() {
        let c = Config::default();
        let mut a = steps(&[]);
        a.ramp = Some(Ramp::AllAtOnce);
        let pic = ramp_chart(&a, &facts(&a), &c).unwrap();
        assert_eq!(
            pic.alt,
            "Ramp-up: none, 5,000 events/s from the first second, above the comfortable 3,000 events/s from the start."
        );
        assert!(pic.labels.iter().any(|l| l.text == "peak 5k/s at once"));

        a.ramp = Some(Ramp::Linear);
        a.ramp_minutes = "60".into();
        let pic = ramp_chart(&a, &facts(&a), &c).unwrap();
        assert_eq!(
            pic.alt,
            "Ramp-up: linear from 0, reaching the 5,000 events/s peak after 1 h, passing the comfortable 3,000 events/s after 36 min."
        );
        // A straight line from the origin: no step corners.
        assert!(line(&pic).starts_with(&format!("M{LEFT} {BOTTOM}L")));

        // Steps that stop short of the peak, all under the comfortable rate; the
        // comfortable rate far above is not drawn.
        let mut low = steps(&[("0", "50"), ("20", "100")]);
        low.peak_rate = "200".into();
        let pic = ramp_chart(&low, &facts(&low), &c).unwrap();
        assert_eq!(
            pic.alt,
            "Ramp-up: 2 steps from 50 events/s to 100 events/s, never reaching the 200 events/s peak, staying at or under the comfortable 3,000 events/s."
        );
        assert!(!pic.shapes.iter().any(|s| s.class == "hic-c-comfort"));
        assert!(pic
            .labels
            .iter()
            .any(|l| l.text == "top 100/s, peak 200/s not reached"));
    }

    #[test]
    fn the_line_stays_inside_the_plot() {
        let c = Config::default();
        for rows in [
            vec![("0", "1")],
            vec![("500", "5000")],
            vec![("0", "100000"), ("5", "5000")],
            vec![
                ("0", "1"),
                ("1", "2"),
                ("2", "3"),
                ("3", "4"),
                ("100000", "5000"),
            ],
        ] {
            let a = steps(&rows);
            let pic = ramp_chart(&a, &facts(&a), &c).unwrap();
            let d = line(&pic);
            for pair in d.split(['M', 'L']).filter(|s| !s.is_empty()) {
                let (x, y) = pair.split_once(' ').unwrap();
                let (x, y): (i64, i64) = (x.parse().unwrap(), y.parse().unwrap());
                assert!(
                    (LEFT..=RIGHT).contains(&x) && (TOP..=BOTTOM).contains(&y),
                    "{rows:?}: {d}"
                );
            }
        }
    }

    #[test]
    fn crossing_the_comfortable_rate() {
        let p = |after_min, per_sec| RampPoint { after_min, per_sec };
        let pts = [p(0.0, 0.0), p(10.0, 1_000.0), p(20.0, 2_000.0)];
        assert_eq!(crossing(&pts, 1_500.0, true), Some(15.0));
        assert_eq!(crossing(&pts, 1_500.0, false), Some(20.0));
        assert_eq!(crossing(&pts, 2_000.0, true), None);
        assert_eq!(crossing(&[p(0.0, 9.0)], 1.0, false), Some(0.0));
    }

    fn ids(rows: &[(&str, &str)], total: &str) -> Answers {
        Answers {
            total_events: total.into(),
            top_ids: rows
                .iter()
                .map(|(id, n)| TopId {
                    distinct_id: (*id).into(),
                    events: (*n).into(),
                })
                .collect(),
            ..Answers::default()
        }
    }

    #[test]
    fn bars_show_each_share_and_the_hot_line() {
        let c = Config::default();
        let a = ids(
            &[("b", "50000"), ("a", "150000"), ("", "9"), ("c", "x")],
            "1000000",
        );
        let pic = id_bars(&a, &facts(&a), &c).unwrap();
        // Two counted rows, busiest first; the unnamed and the unreadable are left out.
        assert_eq!(pic.height, BARS_TOP + 2 * ROW);
        let texts: Vec<&str> = pic.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a",
                "150,000 · 15.0 %",
                "b",
                "50,000 · 5.0 %",
                "hot from 100k"
            ]
        );
        // 150,000 spans the width; the hot line at 100,000 is two thirds along.
        let hot = pic
            .shapes
            .iter()
            .find(|s| s.class == "hic-c-hotline")
            .unwrap();
        assert_eq!(hot.d, "M320 34L320 50M320 68L320 84");
        let red = pic
            .shapes
            .iter()
            .find(|s| s.class == "hic-c-bar hic-c-hot")
            .unwrap();
        assert_eq!(red.d, format!("M0 {}h480v12h-480z", BARS_TOP + 16));
        assert!(pic.shapes.len() <= MAX_SHAPES);
        assert_eq!(
            pic.alt,
            "Busiest 2 distinct_ids: a has the most, 150,000 events (15.0 % of all events); 1 of 2 at or above the hot threshold of 100,000 events."
        );
        assert_eq!(id_bars(&ids(&[], ""), &facts(&ids(&[], "")), &c), None);
    }

    #[test]
    fn the_hot_threshold_agrees_with_the_finding() {
        let c = Config::default();
        // Live path: 100 events/s on one id at a 1,000/s peak is 10 % of the total.
        let mut a = ids(&[("a", "99000")], "1000000");
        a.peak_rate = "1000".into();
        a.kind = Some(Kind::Import);
        assert_eq!(hot_threshold_events(&a, &facts(&a), &c), 100_000);
        for (count, hot) in [("99000", false), ("100000", true), ("250000", true)] {
            a.top_ids[0].events = count.into();
            let f = facts(&a);
            let raised = evaluate(&a, &c, &env()).has(FindingId::HotDistinctIds);
            assert_eq!(raised, hot, "{count}");
            let threshold = hot_threshold_events(&a, &f, &c);
            assert_eq!(f.max_per_id.unwrap() >= threshold, hot, "{count}");
        }
        // Historical path: the events threshold.
        a.historical_migration = Some(Tri::Yes);
        assert_eq!(hot_threshold_events(&a, &facts(&a), &c), c.hot_id_events);
    }

    #[test]
    fn ids_on_bars_are_visible_and_short() {
        assert_eq!(shown_id("a\u{202E}b"), "a<U+202E>b");
        assert_eq!(shown_id("u1\u{FE0F}"), "u1<U+FE0F>");
        assert_eq!(shown_id("cust-0042 @x"), "cust-0042 @x");
        let long = "x".repeat(40);
        assert_eq!(shown_id(&long), format!("{}…", "x".repeat(ID_SHOWN)));
        // Without a total, no share.
        let c = Config::default();
        let a = ids(&[("solo", "10")], "");
        let pic = id_bars(&a, &facts(&a), &c).unwrap();
        assert_eq!(
            pic.alt,
            "Busiest 1 distinct_id: solo has the most, 10 events; none reaches the hot threshold of 100,000 events."
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn ticks_cover_the_range_in_few_steps(max in 0.001f64..1e12, count in 1u32..8) {
                let t = nice_ticks(max, count);
                prop_assert_eq!(t[0], 0.0);
                prop_assert!(*t.last().unwrap() >= max);
                // 1, 2, 5 steps: at most 2.5 times the intervals asked (plus rounding up).
                prop_assert!(t.len() as u32 <= count * 5 / 2 + 2, "{t:?}");
                prop_assert!(t.windows(2).all(|w| w[1] > w[0]));
                let m = minute_ticks(max.min(1e7), count);
                prop_assert!(*m.last().unwrap() >= max.min(1e7));
            }

            #[test]
            fn the_profile_stays_inside_the_plot(
                steps in proptest::collection::vec((0u32..100_000, 0u32..10_000_000), 1..8),
                peak in 1u32..10_000_000,
                ramp in 0usize..3,
            ) {
                let mut a = super::steps(&[]);
                a.peak_rate = peak.to_string();
                a.ramp = Some([Ramp::Steps, Ramp::Linear, Ramp::AllAtOnce][ramp]);
                a.ramp_minutes = steps[0].0.max(1).to_string();
                a.ramp_steps = steps
                    .iter()
                    .map(|(m, r)| RampStep { after_minutes: m.to_string(), rate: r.to_string() })
                    .collect();
                let c = Config::default();
                let Some(pic) = ramp_chart(&a, &facts(&a), &c) else {
                    return Ok(());
                };
                prop_assert!(pic.shapes.len() <= MAX_SHAPES);
                prop_assert!(!pic.alt.is_empty() && pic.alt.ends_with('.'));
                for s in &pic.shapes {
                    for pair in s.d.split(['M', 'L']).filter(|p| !p.is_empty() && !p.contains(['l', 'z'])) {
                        let (x, y) = pair.split_once(' ').unwrap();
                        let (x, y): (i64, i64) = (x.parse().unwrap(), y.parse().unwrap());
                        prop_assert!((0..=WIDTH).contains(&x) && (0..=RAMP_HEIGHT).contains(&y), "{}: {}", s.class, s.d);
                    }
                }
            }
        }
    }
}
