//! The answers in a link: `#hic=<version>.<answers>.<check>`, in the URL's fragment,
//! which the browser never sends to a server.
//!
//! - `<answers>` is base64url (no padding) of one line per answered question, driven
//!   by the question table: `code<TAB>value`, where `code` is two characters of the
//!   FNV-1a hash of the question's key (keys made up half of a link; a link with the
//!   keys themselves is still read); a tick box is `code<TAB>1`; a list is one line of
//!   its cells, row after row (`code<TAB>cell<TAB>cell<TAB>cell<TAB>cell`), and the
//!   event types one line of names. Tabs, line breaks and backslashes inside values are
//!   written `\t`, `\n`, `\\`. Unanswered questions are left out. Not compressed:
//!   deflate (miniz_oxide) shortened the large-import link of the earlier, longer format
//!   from 1,442 to about 865 characters, for about 21 KB gzip more widget; it makes
//!   1,059 now.
//! - `<version>` is the link's version ([`LINK_VERSION`]), raised whenever the way
//!   answers are written in a link or the answers' schema changes, so that a page of an
//!   older build refuses a newer link ("made by a newer version") instead of guessing:
//!   1 named questions by their keys, a row per line; 2 by codes, a list per line. Both
//!   hold answers of schema 1.
//! - `<check>` is a 32-bit FNV-1a hash of `<answers>`, so a link cut short by a chat
//!   or a mail client is noticed instead of half-applied.
//!
//! The raw pasted query output is not part of the answers (only its parsed rows are),
//! so it is never in a link. Of those rows a link carries the busiest
//! [`TOP_IDS_SHOWN`], those the block lists and the pictures draw ([`carried`]): the
//! query returns up to 100, which would take a link past [`SAFE_LINK_CHARS`] (with
//! every question answered and ids as long as a UUID, the ten make a 1,887-character
//! link). Download JSON keeps them all.

use crate::checklist::questions::answers::{
    migrate, Answers, SchemaVersion, Stored, SCHEMA_VERSION,
};
use crate::checklist::questions::lists::TopId;
use crate::checklist::questions::{Field, Input};
use crate::checklist::rules::facts::{busiest_rows, TOP_IDS_SHOWN};

/// The fragment's prefix.
pub const PREFIX: &str = "#hic=";

/// The version of the links this build writes; it reads every version up to it.
pub const LINK_VERSION: u32 = 2;

/// The answers' schema version in a link of `version` (every link so far holds schema 1).
fn schema_of(_version: u32) -> u32 {
    1
}

/// Links longer than this are risky to paste: some mail clients, ticket systems and
/// chat previews cut long URLs (2,048 characters is the old, still common limit).
pub const SAFE_LINK_CHARS: usize = 2_000;

/// Why a link's answers were not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Made by a newer version of the checklist.
    Newer(u32),
    /// Cut short, altered, or not ours.
    Broken,
}

impl LinkError {
    pub fn message(&self) -> &'static str {
        match self {
            LinkError::Newer(_) => "This link was made by a newer version of the checklist, so its answers were not used. Reload the page, or ask for the answers as JSON.",
            LinkError::Broken => "This link's answers are incomplete or damaged (was the link cut when it was pasted?), so nothing was changed. Ask for the link again, or for the answers as JSON.",
        }
    }
}

/// Why a JSON file or paste was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson,
    /// JSON, but not an object.
    NotAnObject,
    /// An object without a schema version or any question's answer (`{"foo": 1}`).
    NoAnswers,
    /// Written by a newer version of the checklist (its schema version).
    Newer(u32),
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::NotJson => "This is not JSON: nothing was imported.".into(),
            ImportError::NotAnObject => "This JSON is not a checklist's answers (it is not an object): nothing was imported.".into(),
            ImportError::NoAnswers => "This file holds no checklist answers. Nothing was imported.".into(),
            ImportError::Newer(v) => format!("These answers come from a newer version of the checklist (schema {v}; this page reads {SCHEMA_VERSION}): nothing was imported. Reload the page for the newer version."),
        }
    }
}

/// Answers read from an imported JSON object with these keys, as the page uses them:
/// refused when the object names neither a schema version nor any question; from an
/// older schema, migrated as drafts are; from a newer one, refused.
pub fn imported(keys: &[String], answers: Answers) -> Result<Answers, ImportError> {
    let ours = |k: &String| k == "schema_version" || Field::ALL.iter().any(|f| f.key() == k);
    if !keys.iter().any(ours) {
        return Err(ImportError::NoAnswers);
    }
    migrate(answers).map_err(ImportError::Newer)
}

/// Whether putting `incoming` in place of `current` would lose the reader's work:
/// they differ, and `current` is more than a new checklist (`fresh`). Then the reader
/// is asked first.
pub fn replaces_work(current: &Answers, fresh: &Answers, incoming: &Answers) -> bool {
    current != incoming && current != fresh
}

/// A file name for the answers: `historical-import-acme-corp.json`.
pub fn file_name(a: &Answers) -> String {
    let mut slug = String::new();
    for c in a.customer.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "historical-import.json".to_string()
    } else {
        format!("historical-import-{slug}.json")
    }
}

/// What "Copy link" says when the link is too long to paste safely.
pub fn too_long_message(len: usize) -> Option<String> {
    (len > SAFE_LINK_CHARS).then(|| {
        format!(
            "The link would be {} characters, more than the {} that survive being pasted everywhere: use Download JSON instead.",
            crate::checklist::questions::numbers::group(len as u64),
            crate::checklist::questions::numbers::group(SAFE_LINK_CHARS as u64)
        )
    })
}

/// What "Copy link" says once the link is copied; when the answers hold more
/// distinct_ids than a link carries, it says which ones it carries.
pub fn copied_message(a: &Answers) -> String {
    let mut m = String::from("Link copied: opening it fills in these answers.");
    let named = named_ids(a);
    if named > TOP_IDS_SHOWN {
        m.push_str(&format!(
            " The link carries the {TOP_IDS_SHOWN} busiest distinct_ids of {named}; Download JSON keeps all."
        ));
    }
    if !a.sample.is_empty() {
        m.push_str(" The sample's measures stay out of the link; Download JSON keeps them.");
    }
    m
}

fn named_ids(a: &Answers) -> usize {
    a.top_ids
        .iter()
        .filter(|r| !r.distinct_id.trim().is_empty())
        .count()
}

/// The answers a link carries: all of them, but of more than [`TOP_IDS_SHOWN`]
/// distinct_id rows only the busiest [`TOP_IDS_SHOWN`], as the block ranks them, in the
/// customer's order (so the block lists the same ones), and not a sample's measures
/// (the answers it filled are carried; its event names would make the link too long).
pub fn carried(a: &Answers) -> Answers {
    let mut out = a.clone();
    out.sample.clear();
    if a.top_ids.len() > TOP_IDS_SHOWN {
        let kept: Vec<usize> = busiest_rows(&a.top_ids.iter().map(TopId::read).collect::<Vec<_>>())
            .into_iter()
            .take(TOP_IDS_SHOWN)
            .map(|(r, _)| r)
            .collect();
        // In the customer's order (no sort: core's would add kilobytes of wasm).
        out.top_ids = (a.top_ids.iter().enumerate())
            .filter(|(r, _)| kept.contains(r))
            .map(|(_, row)| row.clone())
            .collect();
    }
    out
}

/// The fragment for these answers, `#hic=…`: what [`carried`] keeps of them.
pub fn encode(a: &Answers) -> String {
    let a = &carried(a);
    let empty = Answers::default();
    let mut lines = String::new();
    for &field in Field::ALL {
        let values = values(field, a, &empty);
        if !values.is_empty() {
            line(&mut lines, &link_code(field.key()), values);
        }
    }
    let body = base64url(lines.as_bytes());
    format!(
        "{PREFIX}{LINK_VERSION}.{body}.{:08x}",
        fnv1a(body.as_bytes())
    )
}

/// An answer's values on its line: a list's cells row after row, the names, `1` for
/// a ticked box, the text unless it is `empty`'s; none when there is nothing to say.
fn values(field: Field, a: &Answers, empty: &Answers) -> Vec<String> {
    let stored = field.stored(a);
    if let Some(rows) = stored.rows() {
        let columns = rows.spec().columns.len();
        (0..rows.len())
            .flat_map(|r| (0..columns).map(move |c| rows.cell(r, c)))
            .collect()
    } else if let Some(names) = stored.names() {
        names.clone()
    } else if field.question().input == Input::Check {
        stored
            .checked()
            .then(|| "1".to_string())
            .into_iter()
            .collect()
    } else {
        let text = stored.text();
        (text != field.stored(empty).text())
            .then_some(text)
            .into_iter()
            .collect()
    }
}

/// How many characters of its key's hash name a question in a link.
const CODE_CHARS: u32 = 2;

/// A question's name in a link: the first characters (base64url) of its key's FNV-1a
/// hash, far shorter than the key; a test checks that no two questions share one.
fn link_code(key: &str) -> String {
    let hash = fnv1a(key.as_bytes());
    (1..=CODE_CHARS)
        .map(|i| char::from(ALPHABET[(hash >> (32 - 6 * i) & 63) as usize]))
        .collect()
}

/// The question a line names, by its code or (as links made before codes did) by its
/// key.
fn field_named(name: &str) -> Option<Field> {
    Field::ALL
        .iter()
        .copied()
        .find(|f| f.key() == name || link_code(f.key()) == name)
}

fn line(out: &mut String, key: &str, values: impl IntoIterator<Item = String>) {
    out.push_str(key);
    for v in values {
        out.push('\t');
        for c in v.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
    }
    out.push('\n');
}

/// The answers of a fragment (with or without its `#hic=`). `Ok(None)` when the
/// fragment is not a checklist link at all.
pub fn decode(fragment: &str) -> Result<Option<Answers>, LinkError> {
    let Some(code) = fragment
        .strip_prefix(PREFIX)
        .or_else(|| fragment.strip_prefix(&PREFIX[1..]))
    else {
        return Ok(None);
    };
    let mut parts = code.trim().split('.');
    let (Some(version), Some(body), Some(check), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(LinkError::Broken);
    };
    let version: u32 = version.parse().map_err(|_| LinkError::Broken)?;
    if version > LINK_VERSION {
        return Err(LinkError::Newer(version));
    }
    if check != format!("{:08x}", fnv1a(body.as_bytes())) {
        return Err(LinkError::Broken);
    }
    let bytes = from_base64url(body).ok_or(LinkError::Broken)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Broken)?;
    let mut a = Answers {
        schema_version: SchemaVersion(schema_of(version)),
        ..Answers::default()
    };
    for record in text.lines() {
        let mut values = record.split('\t').map(unescape);
        let Some(key) = values.next() else { continue };
        // A question this version does not know is left out, as in drafts.
        let Some(field) = field_named(&key) else {
            continue;
        };
        let stored = field.stored_mut(&mut a);
        let values: Vec<String> = values.collect();
        apply(stored, field, &values);
    }
    Ok(Some(a))
}

fn apply(stored: &mut dyn Stored, field: Field, values: &[String]) {
    if let Some(rows) = stored.rows_mut() {
        // A row per line in links made before lists took one line: the same reading.
        for cells in values.chunks(rows.spec().columns.len().max(1)) {
            rows.push_empty();
            let r = rows.len() - 1;
            for (c, v) in cells.iter().enumerate() {
                rows.set_cell(r, c, v);
            }
        }
    } else if let Some(names) = stored.names_mut() {
        names.extend(values.iter().cloned());
    } else if field.question().input == Input::Check {
        stored.set_checked(values.first().is_some_and(|v| v == "1"));
    } else if let Some(v) = values.first() {
        stored.set_text(v);
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h: u32, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut n = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|&x| x == c)? as u32;
        n = n << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    // Leftover bits are padding and must be zero; a lone sixth of a byte is not base64.
    (n == 0 && bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::questions::answers::{AppKind, Kind, Tri};
    use crate::checklist::questions::lists::{App, TopId};

    fn sample() -> Answers {
        Answers {
            customer: "Acme\tCorp \\ \"quoted\"\nsecond line ü 🚀".into(),
            kind: Some(Kind::Both),
            committed: true,
            apps: Some(Tri::Yes),
            app_list: vec![App {
                name: "GeoIP".into(),
                kind: AppKind::Transformation,
            }],
            top_ids: vec![
                TopId {
                    distinct_id: "user_1".into(),
                    events: "2.4M".into(),
                },
                TopId::default(),
            ],
            event_types: vec!["$identify".into(), "signed up".into()],
            ..Answers::default()
        }
    }

    #[test]
    fn a_link_gives_back_the_same_answers() {
        let a = sample();
        let link = encode(&a);
        // Version 2: a page of the build before codes read links up to version 1 and
        // refuses this one as newer, rather than leaving out every answer.
        assert!(link.starts_with("#hic=2."), "{link}");
        assert_eq!(decode(&link), Ok(Some(a)));
        assert_eq!(
            decode(&encode(&Answers::default())),
            Ok(Some(Answers::default()))
        );
    }

    #[test]
    fn names_and_questions_around_a_link() {
        let a = sample();
        assert_eq!(
            file_name(&a),
            "historical-import-acme-corp-quoted-second-line.json"
        );
        assert_eq!(file_name(&Answers::default()), "historical-import.json");
        let fresh = Answers::default();
        assert!(
            !replaces_work(&fresh, &fresh, &a),
            "a new checklist is simply filled"
        );
        assert!(
            !replaces_work(&a, &fresh, &a),
            "the same answers change nothing"
        );
        assert!(replaces_work(&a, &fresh, &fresh));
        assert_eq!(too_long_message(SAFE_LINK_CHARS), None);
        assert!(too_long_message(2_500).is_some_and(|m| m.contains("2,500 characters")));
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..10 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 97 + 3) as u8).collect();
            assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn a_cut_or_altered_link_changes_nothing() {
        let link = encode(&sample());
        for cut in [link.len() - 1, link.len() - 9, link.len() / 2, 8] {
            assert_eq!(decode(&link[..cut]), Err(LinkError::Broken), "cut at {cut}");
        }
        let altered = link.replacen("2.", "2.A", 1);
        assert_eq!(decode(&altered), Err(LinkError::Broken));
        assert_eq!(decode("#hic=garbage"), Err(LinkError::Broken));
        assert_eq!(decode("#section-2"), Ok(None));
        assert_eq!(decode(""), Ok(None));
    }

    #[test]
    fn the_links_written_hold_this_schema() {
        // Raising SCHEMA_VERSION needs a new LINK_VERSION (and schema_of saying so), or
        // new links would be read as holding the old schema.
        assert_eq!(schema_of(LINK_VERSION), SCHEMA_VERSION);
    }

    #[test]
    fn a_link_from_a_newer_version_is_refused() {
        let link = encode(&sample()).replacen("#hic=2.", "#hic=3.", 1);
        assert_eq!(decode(&link), Err(LinkError::Newer(3)));
        assert!(LinkError::Newer(3).message().contains("newer version"));
    }

    /// A plausible address of the handbook page that holds the widget.
    #[cfg(not(target_arch = "wasm32"))]
    const PAGE: &str = "https://posthog.com/handbook/engineering/ingestion/historical-imports";

    #[cfg(not(target_arch = "wasm32"))]
    fn scenario(name: &str) -> Answers {
        let path = format!("{}/tests/scenarios/{name}.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Every question answered as a real request would be: the large import, as a
    /// load test too, with what its scenario leaves unanswered.
    #[cfg(not(target_arch = "wasm32"))]
    fn everything_answered() -> Answers {
        let mut a = scenario("large-import");
        a.organization = "Acme Corp (EU)".into();
        a.kind = Some(Kind::Both);
        a.ramp_minutes = "45".into();
        a.ramp_note = "The Spark job adds executors every 30 minutes.".into();
        a.load_goal = "Check that capture keeps up with the import's peak before it starts.".into();
        a.load_transport = Some(crate::checklist::questions::answers::Transport::Batch);
        a.load_concurrency = "20".into();
        a.load_distinct_ids = "50,000".into();
        a.load_busiest_share = "0.5".into();
        a.sample = "events=500\ntransport=batch\naverage_bytes=1200\nlargest_bytes=250000\nfilled=avg_event_bytes\n".into();
        a.event_types.push("order completed".into());
        for &field in Field::ALL {
            let unanswered = !field.stored(&a).is_answered();
            assert!(
                !unanswered || field.question().input == Input::Check,
                "{field:?} is not answered"
            );
        }
        a
    }

    /// `n` rows as the distinct_id query gives them, with ids shaped by `id`; the
    /// busiest are spread through the list (row `r` has the `(r * 37) % n`-th count).
    fn query_rows(n: usize, id: impl Fn(usize) -> String) -> Vec<TopId> {
        (0..n)
            .map(|r| TopId {
                distinct_id: id(r),
                events: (((r * 37) % n + 1) * 24_113).to_string(),
            })
            .collect()
    }

    #[test]
    fn a_link_carries_the_busiest_distinct_ids_the_block_lists() {
        let mut a = sample();
        a.top_ids = query_rows(100, |r| format!("user_{r:03}"));
        // Named like the block's rows: an unnamed row is never carried.
        a.top_ids[3].distinct_id = " ".into();
        let back = decode(&encode(&a)).unwrap().unwrap();
        // Row r has the ((r * 37) % 100 + 1)-th smallest count: the ten busiest are
        // the rows where (r * 37) % 100 >= 90, kept in the customer's order.
        let busiest: Vec<TopId> = (0..100)
            .filter(|r| r * 37 % 100 >= 90)
            .map(|r| a.top_ids[r].clone())
            .collect();
        assert_eq!(busiest.len(), TOP_IDS_SHOWN);
        assert_eq!(back.top_ids, busiest);
        assert_eq!(back, carried(&a));
        assert_eq!(
            Answers {
                top_ids: a.top_ids.clone(),
                ..back
            },
            a,
            "everything else is carried"
        );
        assert!(copied_message(&a).ends_with(
            "The link carries the 10 busiest distinct_ids of 99; Download JSON keeps all."
        ));
        // Up to TOP_IDS_SHOWN rows, every row is carried as it is, unnamed ones too.
        a.top_ids.truncate(TOP_IDS_SHOWN);
        assert_eq!(decode(&encode(&a)), Ok(Some(a.clone())));
        assert_eq!(
            copied_message(&a),
            "Link copied: opening it fills in these answers."
        );
    }

    /// The whole link, page address included, for each scenario and for a request
    /// with every question answered, each with the distinct_id query's 100 rows (ids
    /// shaped as the scenarios', as UUIDs, as e-mail addresses): under the safe length,
    /// and it gives back the answers with the busiest ids.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_full_query_result_still_makes_a_safe_link() {
        type Shape = fn(usize) -> String;
        let shapes: [(&str, Shape); 3] = [
            ("user_1234", |r| format!("user_{:04}", r * 7_919 % 10_000)),
            ("UUID", |r| {
                format!(
                    "0190a4c2-{:04x}-7d3e-9f1a-{:012x}",
                    r * 977 % 65_536,
                    r * 1_234_567_891
                )
            }),
            ("e-mail", |r| {
                format!("firstname.lastname{r}@example-corp.com")
            }),
        ];
        let requests = [
            ("small-import", scenario("small-import")),
            ("large-import", scenario("large-import")),
            ("load-test", scenario("load-test")),
            ("every question", everything_answered()),
        ];
        for (shape, id) in shapes {
            for (name, request) in &requests {
                let mut a = request.clone();
                a.top_ids = query_rows(100, id);
                let link = format!("{PAGE}{}", encode(&a));
                println!("{name}, 100 rows of {shape} ids: {} characters", link.len());
                assert_eq!(too_long_message(link.len()), None, "{name}, {shape}");
                let back = decode(&link[PAGE.len()..]).unwrap().unwrap();
                assert_eq!(back.top_ids.len(), TOP_IDS_SHOWN);
                assert_eq!(back, carried(&a));
            }
        }
    }

    #[test]
    fn every_question_has_its_own_code_in_a_link() {
        let codes: Vec<String> = Field::ALL.iter().map(|f| link_code(f.key())).collect();
        for (i, c) in codes.iter().enumerate() {
            let key = Field::ALL[i].key();
            assert!(
                !codes[..i].contains(c) && field_named(c) == Some(Field::ALL[i]),
                "{key}'s link code {c} is another question's: rename the newer key"
            );
        }
    }

    #[test]
    fn a_link_made_with_keys_and_a_line_per_row_is_still_read() {
        let lines = "customer\tAcme\ntop_ids\tuser_1\t5\ntop_ids\tuser_2\t6\nevent_types\t$set\nevent_types\tsigned up\ncommitted\t1\n";
        let body = base64url(lines.as_bytes());
        let link = format!("#hic=1.{body}.{:08x}", fnv1a(body.as_bytes()));
        let a = decode(&link).unwrap().unwrap();
        assert_eq!(a.customer, "Acme");
        assert_eq!(
            a.top_ids,
            [("user_1", "5"), ("user_2", "6")].map(|(id, n)| TopId {
                distinct_id: id.into(),
                events: n.into()
            })
        );
        assert_eq!(a.event_types, ["$set", "signed up"]);
        assert!(a.committed);
    }

    /// Imports `json` as the page does: its keys, and its answers as drafts read them.
    #[cfg(not(target_arch = "wasm32"))]
    fn import(json: &str) -> Result<Answers, ImportError> {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        imported(&keys, serde_json::from_value(value).unwrap())
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn an_import_without_checklist_answers_is_refused() {
        assert_eq!(import(r#"{"foo": 1}"#), Err(ImportError::NoAnswers));
        assert_eq!(import("{}"), Err(ImportError::NoAnswers));
        assert!(ImportError::NoAnswers
            .message()
            .starts_with("This file holds no checklist answers."));
        let some = import(r#"{"customer": "Acme", "foo": 1}"#).unwrap();
        assert_eq!(some.customer, "Acme");
        assert_eq!(
            import(r#"{"schema_version": 1}"#),
            Ok(Answers::default()),
            "a checklist's answers, all unanswered"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn an_import_from_an_older_schema_is_migrated_and_from_a_newer_one_refused() {
        let old = import(r#"{"schema_version": 0, "customer": "Acme"}"#).unwrap();
        assert_eq!(old.schema_version, SchemaVersion(SCHEMA_VERSION));
        assert_eq!(old.customer, "Acme");
        assert_eq!(
            import(r#"{"schema_version": 2, "customer": "Acme"}"#),
            Err(ImportError::Newer(2))
        );
        assert!(ImportError::Newer(2).message().contains("newer version"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_large_import_fits_a_safe_link() {
        let json = include_str!("../../../tests/scenarios/large-import.json");
        let a: Answers = serde_json::from_str(json).unwrap();
        let link = encode(&a);
        println!("the large-import link: {} characters", link.len());
        assert!(link.len() < SAFE_LINK_CHARS, "{}", link.len());
        assert_eq!(decode(&link), Ok(Some(a)));
    }
}
