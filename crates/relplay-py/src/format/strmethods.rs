//! `str` methods as pure functions with CPython semantics. Indices and
//! widths count characters (code points), never bytes.

use super::repr::{in_table, is_printable_char};
use super::unicode_tables::{ALPHA_FLIP, DECIMAL, DIGIT_ONLY, ID_START_EXTRA, NUMERIC_ONLY};

// ---------------------------------------------------------------- chars

/// `c.isspace()`: bidi classes WS/B/S or category Zs (includes `\x1c`-`\x1f`).
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// `c.isdecimal()` (category Nd).
pub fn is_decimal_char(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(DECIMAL, c))
}

/// `c.isdigit()`.
pub fn is_digit_char(c: char) -> bool {
    is_decimal_char(c) || (!c.is_ascii() && in_table(DIGIT_ONLY, c))
}

/// `c.isnumeric()`.
pub fn is_numeric_char(c: char) -> bool {
    is_digit_char(c) || (!c.is_ascii() && in_table(NUMERIC_ONLY, c))
}

/// `c.isalpha()` (general categories Lu Ll Lt Lm Lo): Rust's Alphabetic
/// property corrected by a table of the code points where they differ.
pub fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() != in_table(ALPHA_FLIP, c)
    }
}

/// `XID_Start` or `_`: may begin an identifier.
pub fn is_id_start(c: char) -> bool {
    c == '_' || is_alpha_char(c) || (!c.is_ascii() && in_table(ID_START_EXTRA, c))
}

/// `XID_Continue` (approximated outside ASCII: letters, digits, marks).
pub fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c == '_' || c.is_ascii_alphanumeric();
    }
    is_id_start(c) || is_decimal_char(c) || c.is_alphabetic() || is_combining(c)
}

/// `c.isalnum()`.
pub fn is_alnum_char(c: char) -> bool {
    is_alpha_char(c) || is_numeric_char(c)
}

fn is_titlecase_char(c: char) -> bool {
    matches!(
        c as u32,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf
            | 0x1fbc | 0x1fcc | 0x1ffc
    )
}

/// Whether `c` has case (Unicode `Cased`).
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase_char(c)
}

/// The title-case mapping of one character.
pub fn to_title(c: char, out: &mut String) {
    let special = match c as u32 {
        0x1c4..=0x1c6 => Some(0x1c5),
        0x1c7..=0x1c9 => Some(0x1c8),
        0x1ca..=0x1cc => Some(0x1cb),
        0x1f1..=0x1f3 => Some(0x1f2),
        _ => None,
    };
    if let Some(t) = special.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    if is_titlecase_char(c) {
        out.push(c);
        return;
    }
    let mut up = c.to_uppercase();
    if let Some(first) = up.next() {
        out.push(first);
        for rest in up {
            out.extend(rest.to_lowercase());
        }
    }
}

// ---------------------------------------------------------------- case

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.casefold()` (lowercase plus the common full case foldings).
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ſ' => out.push('s'),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            'ŉ' => out.push_str("ʼn"),
            'µ' => out.push('μ'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Lowercases `chars[i]`, with the final-sigma rule for `Σ`.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == 'Σ' {
        let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
        let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
        let final_sigma =
            before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c));
        out.push(if final_sigma { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}'
    ) || matches!(c as u32, 0x300..=0x36f)
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            lower_at(&chars, i, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.title()`.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            to_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character title-cased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            to_title(c, &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

// ---------------------------------------------------------------- predicates

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_digit_char)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_decimal_char)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_numeric_char)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alpha_char)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alnum_char)
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_space)
}
/// `s.isascii()` (true for `''`).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// `s.isprintable()` (true for `''`).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}
/// `s.isupper()`: some cased character and no lowercase/titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase_char(c) {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}
/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            return false;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    cased
}
/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}
/// `s.isidentifier()` (keywords included: `'class'.isidentifier()` is true).
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_id_start(c) => {}
        _ => return false,
    }
    it.all(is_id_continue)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x200c | 0x200d | 0x203f | 0x2040)
}

// ---------------------------------------------------------------- split

/// `s.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<String>, String> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        None => {
            let chars: Vec<char> = s.chars().collect();
            let n = chars.len();
            let mut out = Vec::new();
            let mut i = 0;
            while i < n {
                while i < n && is_space(chars[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == max {
                    out.push(chars[i..].iter().collect());
                    break;
                }
                let st = i;
                while i < n && !is_space(chars[i]) {
                    i += 1;
                }
                out.push(chars[st..i].iter().collect());
            }
            Ok(out)
        }
        Some("") => Err("empty separator".into()),
        Some(sep) => Ok(s
            .splitn(max.saturating_add(1), sep)
            .map(String::from)
            .collect()),
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<String>, String> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        None => {
            let chars: Vec<char> = s.chars().collect();
            let mut out: Vec<String> = Vec::new();
            let mut i = chars.len();
            while i > 0 {
                while i > 0 && is_space(chars[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if out.len() == max {
                    out.push(chars[..i].iter().collect());
                    break;
                }
                let en = i;
                while i > 0 && !is_space(chars[i - 1]) {
                    i -= 1;
                }
                out.push(chars[i..en].iter().collect());
            }
            out.reverse();
            Ok(out)
        }
        Some("") => Err("empty separator".into()),
        Some(sep) => {
            let mut out: Vec<String> = s
                .rsplitn(max.saturating_add(1), sep)
                .map(String::from)
                .collect();
            out.reverse();
            Ok(out)
        }
    }
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < n {
        let c = chars[i];
        let is_break = matches!(
            c as u32,
            0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029
        );
        if !is_break {
            i += 1;
            continue;
        }
        let mut eol = i + 1;
        if c == '\r' && i + 1 < n && chars[i + 1] == '\n' {
            eol += 1;
        }
        let end = if keepends { eol } else { i };
        out.push(chars[start..end].iter().collect());
        i = eol;
        start = eol;
    }
    if start < n {
        out.push(chars[start..].iter().collect());
    }
    out
}

/// `s.partition(sep)`.
pub fn partition(s: &str, sep: &str) -> Result<(String, String, String), String> {
    if sep.is_empty() {
        return Err("empty separator".into());
    }
    Ok(match s.find(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> Result<(String, String, String), String> {
    if sep.is_empty() {
        return Err("empty separator".into());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ---------------------------------------------------------------- strip

fn strip_set(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    }
}

/// `s.strip(chars)`.
pub fn strip(s: &str, chars: Option<&str>) -> String {
    s.trim_matches(strip_set(chars)).to_string()
}
/// `s.lstrip(chars)`.
pub fn lstrip(s: &str, chars: Option<&str>) -> String {
    s.trim_start_matches(strip_set(chars)).to_string()
}
/// `s.rstrip(chars)`.
pub fn rstrip(s: &str, chars: Option<&str>) -> String {
    s.trim_end_matches(strip_set(chars)).to_string()
}

// ---------------------------------------------------------------- padding

fn repeat_char(c: char, n: usize) -> String {
    std::iter::repeat(c).take(n).collect()
}

/// `s.center(width, fillchar)`.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let len = s.chars().count() as i64;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    format!(
        "{}{}{}",
        repeat_char(fill, left as usize),
        s,
        repeat_char(fill, (marg - left) as usize)
    )
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let len = s.chars().count() as i64;
    if width <= len {
        return s.to_string();
    }
    format!("{}{}", s, repeat_char(fill, (width - len) as usize))
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let len = s.chars().count() as i64;
    if width <= len {
        return s.to_string();
    }
    format!("{}{}", repeat_char(fill, (width - len) as usize), s)
}

/// `s.zfill(width)`.
pub fn zfill(s: &str, width: i64) -> String {
    let len = s.chars().count() as i64;
    if width <= len {
        return s.to_string();
    }
    let pad = repeat_char('0', (width - len) as usize);
    match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{}{}{}", c, pad, &s[1..]),
        _ => format!("{}{}", pad, s),
    }
}

/// `s.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.push_str(&repeat_char(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

// ---------------------------------------------------------------- search

/// CPython's `ADJUST_INDICES` (slice semantics; `start` is not clamped
/// to `len`).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

fn find_chars(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn rfind_chars(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

fn search(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, rev: bool) -> i64 {
    let hay: Vec<char> = s.chars().collect();
    let needle: Vec<char> = sub.chars().collect();
    let (st, en) = adjust_indices(start, end, hay.len());
    if en - st < needle.len() as i64 {
        return -1;
    }
    let window = &hay[st as usize..en as usize];
    let found = if rev {
        rfind_chars(window, &needle)
    } else {
        find_chars(window, &needle)
    };
    found.map_or(-1, |i| i as i64 + st)
}

/// `s.find(sub, start, end)`.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    search(s, sub, start, end, false)
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    search(s, sub, start, end, true)
}

/// `s.index(sub, start, end)` (`ValueError: substring not found`).
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, String> {
    match find(s, sub, start, end) {
        -1 => Err("substring not found".into()),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, String> {
    match rfind(s, sub, start, end) {
        -1 => Err("substring not found".into()),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)` (non-overlapping).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let hay: Vec<char> = s.chars().collect();
    let needle: Vec<char> = sub.chars().collect();
    let (st, en) = adjust_indices(start, end, hay.len());
    if en - st < 0 {
        return 0;
    }
    if needle.is_empty() {
        return en - st + 1;
    }
    let window = &hay[st as usize..en as usize];
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= window.len() {
        if window[i..i + needle.len()] == needle[..] {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

fn tailmatch(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let hay: Vec<char> = s.chars().collect();
    let needle: Vec<char> = sub.chars().collect();
    let (st, en) = adjust_indices(start, end, hay.len());
    let last = en - needle.len() as i64;
    if last < st {
        return false;
    }
    let at = if at_end { last } else { st } as usize;
    hay[at..at + needle.len()] == needle[..]
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

/// `s.replace(old, new, count)`; `count < 0` replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len());
        let mut done = 0;
        for c in s.chars() {
            if done < max {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < max {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, max)
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}
