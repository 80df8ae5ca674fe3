//! Measuring as the walk goes: what one event (or body) says ([`Fields`]) is added to
//! the running [`Tally`], which becomes the [`Sample`] at the end. distinct_ids and
//! uuids are counted by hash; no text of theirs is kept.

use super::error::{Problem, ProblemKind};
use super::measured::*;
use crate::checklist::questions::events::{classify, NameKind};
use crate::checklist::schedule::time::{split, SECS_PER_HOUR};
use crate::checklist::sort_stable;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An event's `timestamp`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum When {
    #[default]
    Missing,
    Unreadable,
    At(i64),
}

/// An event's `uuid`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Uuid {
    #[default]
    Missing,
    Malformed,
    Hash(u64),
}

/// A body's `historical_migration`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Flag {
    #[default]
    Absent,
    On,
    Off,
    NotBoolean,
    /// The body was cut short before its flag.
    Unknown,
}

/// What an event or a top-level body says, as far as the measures go.
#[derive(Debug, Default)]
pub(super) struct Fields<'a> {
    pub name: Option<Cow<'a, str>>,
    /// The hash of the top-level distinct_id.
    pub id: Option<u64>,
    /// The hash of `properties.distinct_id`.
    pub prop_id: Option<u64>,
    pub when: When,
    pub uuid: Uuid,
    /// `api_key`, `token` and `$token` members.
    pub tokens: usize,
    pub historical: Flag,
    /// A `batch` array at the top of a body.
    pub batch: bool,
    /// Any of `event`, `distinct_id`, `properties`, `timestamp`, `uuid`.
    pub eventish: bool,
}

/// FNV-1a, 64 bits.
pub(super) fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Hashes the keys of the count maps, which are FNV hashes already: mixed once more
/// (splitmix64's finaliser) so every bit of the table index varies.
#[derive(Default)]
struct Mixed(u64);

impl Hasher for Mixed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        let z = (n ^ (n >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.0 = z ^ (z >> 31);
    }
}

/// Counts by hash: one map type for ids, uuids and names.
type Counts = HashMap<u64, u32, BuildHasherDefault<Mixed>>;

/// Adds one to a count and returns the new count.
fn bump(counts: &mut Counts, key: u64) -> u32 {
    let n = counts.entry(key).or_insert(0);
    *n = n.saturating_add(1);
    *n
}

/// The measures so far.
pub(super) struct Tally {
    /// Items where events are expected, numbered as they come.
    pub items: usize,
    events: usize,
    sizes: Sizes,
    requests: Requests,
    names: Names,
    /// Name hash → its index in `names.counted`.
    name_index: Counts,
    ids: Counts,
    distinct_ids: DistinctIds,
    uuids_seen: Counts,
    uuids: Uuids,
    stamps: Timestamps,
    last_stamp: Option<i64>,
    pub keys: Keys,
    problems: Vec<Problem>,
    problems_unlisted: usize,
}

impl Tally {
    pub fn new(now: i64, window_hours: u32) -> Tally {
        Tally {
            items: 0,
            events: 0,
            sizes: Sizes::default(),
            requests: Requests::default(),
            names: Names::default(),
            name_index: Counts::default(),
            ids: Counts::default(),
            distinct_ids: DistinctIds::default(),
            uuids_seen: Counts::default(),
            uuids: Uuids::default(),
            stamps: Timestamps {
                oldest: None,
                newest: None,
                readable: 0,
                missing: 0,
                unreadable: 0,
                first_unreadable: None,
                steps_back: 0,
                first_step_back: None,
                older_than_window: 0,
                in_future: 0,
                now,
                window_hours,
            },
            last_stamp: None,
            keys: Keys::default(),
            problems: Vec::new(),
            problems_unlisted: 0,
        }
    }

    pub fn events(&self) -> usize {
        self.events
    }

    pub fn problem(&mut self, line: usize, event: Option<usize>, kind: ProblemKind) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.problems_unlisted += 1;
            return;
        }
        self.problems.push(Problem {
            line,
            last_line: line,
            event,
            kind,
        });
    }

    /// Lines that are not JSON right after the last problem's lines widen that problem
    /// ("Lines 7–12 are not JSON") instead of adding one per line.
    pub fn unreadable_line(&mut self, line: usize, kind: ProblemKind) {
        if let Some(last) = self.problems.last_mut() {
            let both_lines = matches!(last.kind, ProblemKind::NotJson { skipped: true, .. })
                && matches!(kind, ProblemKind::NotJson { skipped: true, .. });
            if both_lines && last.last_line + 1 == line {
                last.last_line = line;
                return;
            }
        }
        self.problem(line, None, kind);
    }

    /// One event read whole: `bytes` is its compact size.
    pub fn event(&mut self, f: &Fields, at: Position, bytes: usize) {
        self.events += 1;
        self.keys.token_fields += f.tokens;
        self.sizes.total_bytes += bytes as u64;
        if bytes > self.sizes.largest_bytes || self.sizes.largest_at.is_none() {
            self.sizes.largest_bytes = bytes;
            self.sizes.largest_at = Some(at);
        }
        match f.name.as_deref() {
            Some(name) => self.name(name),
            None => {
                self.names.unnamed += 1;
                self.problem(at.line, Some(at.event), ProblemKind::NoName);
            }
        }
        self.distinct_id(f, at);
        self.when(f.when, at);
        self.uuid(f.uuid, at);
    }

    fn name(&mut self, name: &str) {
        let (name, clipped) = match name.char_indices().nth(MAX_NAME_CHARS) {
            Some((end, _)) => (name.get(..end).unwrap_or(name), true),
            None => (name, false),
        };
        let key = fnv(name.as_bytes());
        let listed = self
            .name_index
            .get(&key)
            .and_then(|&i| self.names.counted.get_mut(i as usize))
            .filter(|n| n.name == name);
        let kind = match listed {
            Some(n) => {
                n.events += 1;
                n.kind
            }
            None => {
                let (kind, stands_for) = classify(name);
                if self.names.counted.len() < MAX_NAMES && !self.name_index.contains_key(&key) {
                    let index = self.names.counted.len() as u32;
                    self.name_index.insert(key, index);
                    self.names.counted.push(NameCount {
                        name: name.to_string(),
                        clipped,
                        events: 1,
                        kind,
                        stands_for,
                    });
                } else {
                    self.names.unlisted_events += 1;
                }
                kind
            }
        };
        match kind {
            NameKind::Identity => self.names.identity_events += 1,
            NameKind::Person => self.names.person_events += 1,
            NameKind::Other => {}
        }
    }

    fn distinct_id(&mut self, f: &Fields, at: Position) {
        let id = match (f.id, f.prop_id) {
            (Some(id), _) => id,
            (None, Some(id)) => {
                self.distinct_ids.from_properties += 1;
                id
            }
            (None, None) => {
                self.distinct_ids.missing += 1;
                self.problem(at.line, Some(at.event), ProblemKind::NoDistinctId);
                return;
            }
        };
        let n = bump(&mut self.ids, id) as usize;
        self.distinct_ids.busiest_events = self.distinct_ids.busiest_events.max(n);
    }

    fn when(&mut self, when: When, at: Position) {
        let t = &mut self.stamps;
        let utc = match when {
            When::Missing => {
                t.missing += 1;
                return;
            }
            When::Unreadable => {
                t.unreadable += 1;
                t.first_unreadable.get_or_insert(at);
                return;
            }
            When::At(utc) => utc,
        };
        t.readable += 1;
        let stamp = || Stamp {
            utc,
            date: split(utc).0,
        };
        if t.oldest.is_none_or(|s| utc < s.utc) {
            t.oldest = Some(stamp());
        }
        if t.newest.is_none_or(|s| utc > s.utc) {
            t.newest = Some(stamp());
        }
        if self.last_stamp.is_some_and(|last| utc < last) {
            t.steps_back += 1;
            t.first_step_back.get_or_insert(at);
        }
        self.last_stamp = Some(utc);
        if utc > t.now {
            t.in_future += 1;
        } else if t.now.saturating_sub(utc) >= i64::from(t.window_hours) * SECS_PER_HOUR {
            t.older_than_window += 1;
        }
    }

    fn uuid(&mut self, uuid: Uuid, at: Position) {
        match uuid {
            Uuid::Missing => {}
            Uuid::Malformed => {
                self.uuids.carried += 1;
                self.uuids.malformed += 1;
            }
            Uuid::Hash(key) => {
                self.uuids.carried += 1;
                if bump(&mut self.uuids_seen, key) > 1 {
                    self.uuids.repeated += 1;
                    self.uuids.first_repeat.get_or_insert(at);
                }
            }
        }
    }

    /// A request body read (or cut short): its events, compact size and flag.
    pub fn body(&mut self, batch: bool, f: &Fields, events: usize, bytes: usize, line: usize) {
        let r = &mut self.requests;
        let bodies = if batch { &mut r.batch } else { &mut r.single };
        bodies.count += 1;
        bodies.events += events;
        bodies.most_events = bodies.most_events.max(events);
        bodies.total_bytes += bytes as u64;
        if bytes > bodies.largest_bytes || bodies.largest_line == 0 {
            bodies.largest_bytes = bytes;
            bodies.largest_line = line;
        }
        if !batch {
            r.single_with_flag += usize::from(f.historical != Flag::Absent);
            return;
        }
        self.keys.token_fields += f.tokens;
        match f.historical {
            Flag::On => r.historical.on += 1,
            Flag::Off => r.historical.off += 1,
            Flag::Absent => r.historical.absent += 1,
            Flag::NotBoolean => r.historical.not_boolean += 1,
            Flag::Unknown => r.historical.unknown += 1,
        }
    }

    /// The last body counted was cut short.
    pub fn cut_short(&mut self, batch: bool) {
        let r = &mut self.requests;
        if batch {
            r.batch.cut_short += 1;
        } else {
            r.single.cut_short += 1;
        }
    }

    pub fn into_sample(self, format: SampleFormat) -> Sample {
        let mut names = self.names;
        sort_stable(&mut names.counted, |n| u64::MAX - n.events as u64);
        Sample {
            format,
            events: self.events,
            sizes: self.sizes,
            requests: self.requests,
            names,
            timestamps: self.stamps,
            uuids: self.uuids,
            distinct_ids: DistinctIds {
                distinct: self.ids.len(),
                ..self.distinct_ids
            },
            keys: self.keys,
            problems: self.problems,
            problems_unlisted: self.problems_unlisted,
        }
    }
}
