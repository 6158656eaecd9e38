//! Breaking a title into lines that fit a box, and the narrowest box a title fits in.
//!
//! The width of text depends on the font, which only the browser knows, so the caller passes
//! a `measure` function (the widget measures with a canvas in the page's own font). Lines
//! break at spaces, never at a no-break space (French puts one before `:`); a word wider than
//! a whole line breaks after a hyphen or slash, else between characters. Nothing is cut.

/// Lines of `text`, each no wider than `width` as `measure` reports (a single character wider
/// than `width` still makes a line). Runs of spaces count as one.
pub fn wrap(text: &str, width: f64, measure: &mut dyn FnMut(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !current.is_empty() {
            let candidate = format!("{current} {word}");
            if measure(&candidate) <= width {
                current = candidate;
                continue;
            }
            lines.push(std::mem::take(&mut current));
        }
        if measure(word) <= width {
            current = word.to_owned();
        } else {
            let mut pieces = break_word(word, width, measure);
            current = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Pieces of a word too wide for a line: after hyphens and slashes where that is enough,
/// else between characters.
fn break_word(word: &str, width: f64, measure: &mut dyn FnMut(&str) -> f64) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    // Parts ending just after each hyphen or slash.
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, ch) in word.char_indices() {
        if matches!(ch, '-' | '/' | '‐' | '–') {
            let end = i + ch.len_utf8();
            parts.push(&word[start..end]);
            start = end;
        }
    }
    if start < word.len() {
        parts.push(&word[start..]);
    }
    for part in parts {
        let candidate = format!("{current}{part}");
        if measure(&candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
        if measure(part) <= width {
            current = part.to_owned();
            continue;
        }
        for ch in part.chars() {
            let mut candidate = current.clone();
            candidate.push(ch);
            if current.is_empty() || measure(&candidate) <= width {
                current = candidate;
            } else {
                pieces.push(std::mem::replace(&mut current, ch.to_string()));
            }
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// The narrowest width between `min` and `max` (to the pixel) at which `text` wraps into at
/// most `lines` lines, or `max` when even that needs more.
pub fn fitting_width(
    text: &str,
    lines: usize,
    min: f64,
    max: f64,
    measure: &mut dyn FnMut(&str) -> f64,
) -> f64 {
    let lines = lines.max(1);
    let fits = |w: f64, measure: &mut dyn FnMut(&str) -> f64| wrap(text, w, measure).len() <= lines;
    if !(min.is_finite() && max.is_finite()) || max <= min || fits(min, measure) {
        return if min.is_finite() { min } else { 0.0 };
    }
    if !fits(max, measure) {
        return max;
    }
    // Greedy wrapping needs at most as many lines when the width grows: bisect on whole
    // pixels.
    let (mut low, mut high) = (min.ceil(), max.floor().max(min.ceil()));
    while low < high {
        let mid = ((low + high) / 2.0).floor();
        if fits(mid, measure) {
            high = mid;
        } else {
            low = mid + 1.0;
        }
    }
    low.min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 1 unit wide.
    fn chars(s: &str) -> f64 {
        s.chars().count() as f64
    }

    #[test]
    fn wraps_at_spaces_without_losing_a_word() {
        let lines = wrap("Certificate in Data Analysis", 14.0, &mut chars);
        assert_eq!(lines, vec!["Certificate in", "Data Analysis"]);
        assert_eq!(lines.join(" "), "Certificate in Data Analysis");
    }

    #[test]
    fn never_breaks_at_a_no_break_space() {
        let lines = wrap("STAT 1200\u{a0}: Intro", 8.0, &mut chars);
        assert_eq!(lines, vec!["STAT", "1200\u{a0}:", "Intro"]);
    }

    #[test]
    fn a_long_word_breaks_after_its_hyphen_then_between_characters() {
        assert_eq!(
            wrap("Person-Centred", 8.0, &mut chars),
            vec!["Person-", "Centred"]
        );
        assert_eq!(
            wrap("abcdefghij", 4.0, &mut chars),
            vec!["abcd", "efgh", "ij"]
        );
    }

    #[test]
    fn the_fitting_width_is_the_narrowest_for_three_lines() {
        let text = "Bachelor of Applied Technology in Data and Security";
        let w = fitting_width(text, 3, 10.0, 60.0, &mut chars);
        assert!(wrap(text, w, &mut chars).len() <= 3);
        assert!(wrap(text, w - 1.0, &mut chars).len() > 3);
        assert_eq!(fitting_width("Short", 3, 10.0, 60.0, &mut chars), 10.0);
    }
}
