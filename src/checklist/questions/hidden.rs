//! Characters that show nothing where text is shown, or change what is around them,
//! and how the widget names them (`<U+202E>`): a link with one is not a link, and the
//! block, the pictures and the widget's lists show them by name so that two answers
//! never look alike.

use std::fmt::Write;

/// Characters that show nothing, or change how the text around them is shown: format
/// characters (Unicode category Cf: bidi controls, zero-width spaces and joiners, the
/// byte-order mark, tags…), the blank letters (Hangul fillers, braille blank) that can
/// pass for nothing, and the ideographic variation selectors (U+E0100–E01EF, which only
/// pick a glyph variant of a CJK ideograph). The other variation selectors depend on
/// the character before them: see [`hides`].
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
        | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{0600}'..='\u{0605}'
        | '\u{06DD}' | '\u{070F}' | '\u{0890}' | '\u{0891}' | '\u{08E2}' | '\u{110BD}'
        | '\u{110CD}' | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Whether `c`, after `prev`, is named rather than shown: a [hidden](is_hidden)
/// character, or a variation selector (U+FE00–FE0F) anywhere but right after an emoji.
/// After an emoji it picks text or emoji presentation and is kept; after a letter, a
/// digit or another selector it shows nothing, and `user1` + U+FE0F would pass for
/// `user1`.
pub fn hides(prev: Option<char>, c: char) -> bool {
    match c {
        '\u{FE00}'..='\u{FE0F}' => !prev.is_some_and(is_pictographic),
        _ => is_hidden(c),
    }
}

/// The code points emoji presentation sequences start with: the symbol and arrow
/// blocks and the emoji planes. Keycap bases (digits, `#`, `*`) are left out: a
/// selector after a digit is as invisible as after a letter.
fn is_pictographic(c: char) -> bool {
    matches!(c,
        '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}' | '\u{24C2}'
        | '\u{25A0}'..='\u{27BF}' | '\u{2900}'..='\u{297F}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}' | '\u{1F000}'..='\u{1FAFF}')
}

/// How many characters a named hidden character takes: `<U+202E>` or `<U+E0041>`.
pub(crate) fn name_width(c: char) -> usize {
    if u32::from(c) > 0xFFFF {
        9
    } else {
        8
    }
}

/// Appends a hidden character as the reader will see it: `<U+202E>`.
pub(crate) fn push_name(out: &mut String, c: char) {
    let _ = write!(out, "<U+{:04X}>", u32::from(c));
}

/// A hidden character as the reader sees it: `<U+202E>`.
pub fn named(c: char) -> String {
    let mut out = String::with_capacity(9);
    push_name(&mut out, c);
    out
}

/// Text as shown in the widget outside the block (a bar's distinct_id, a kept draft's
/// customer): hidden characters named (`<U+202E>`), cut with `…` after `at_most`
/// characters. Nothing is neutralised: it is not pasted anywhere.
pub fn visible(text: &str, at_most: usize) -> String {
    let mut out = String::new();
    let mut prev = None;
    for (i, c) in text.chars().enumerate() {
        if i == at_most {
            out.push('…');
            break;
        }
        if hides(prev.replace(c), c) {
            push_name(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}
