//! The conformance oracle's trace normalization (tests/oracle/oracle.py),
//! ported so the corpus runs under `cargo test` without Python. The rules
//! must stay identical to the oracle's: a scenario passes here exactly when
//! `oracle.py check` would pass it.

/// The normalized trace: stdout, `--- stderr ---`, stderr, `--- exit: N ---`.
pub fn normalize(stdout: &str, stderr: &str, exit: &str, script: &str) -> String {
    let mut out = normalize_stdout(stdout);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    let mut err = normalize_stderr(stderr, script);
    if !err.is_empty() {
        err.push('\n');
    }
    format!("{out}--- stderr ---\n{err}--- exit: {exit} ---\n")
}

fn normalize_stdout(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let line = strip_echo_prefix(line);
            let line = normalize_bracket(line);
            mask_addresses(&line)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `2026-11-21 21:00:05,255 INFO sqlalchemy.engine.Engine ` → ``.
fn strip_echo_prefix(line: &str) -> &str {
    let b = line.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let shape_ok = b.len() > 24
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b' '
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b','
        && digits(20..23)
        && b[23] == b' ';
    if !shape_ok {
        return line;
    }
    let rest = &line[24..];
    let level_len = rest.bytes().take_while(u8::is_ascii_uppercase).count();
    if level_len == 0 {
        return line;
    }
    rest[level_len..]
        .strip_prefix(" sqlalchemy.engine.Engine ")
        .unwrap_or(line)
}

/// Timings inside a leading `[...]` become `Xs`.
fn normalize_bracket(line: &str) -> String {
    if !line.starts_with('[') {
        return line.to_string();
    }
    let Some(close) = line.find(']') else {
        return line.to_string();
    };
    let (bracket, rest) = line.split_at(close + 1);
    format!("{}{}", mask_timings(bracket), rest)
}

/// `\d+(\.\d+)?([eE][-+]?\d+)?s\b` → `Xs`.
fn mask_timings(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_ascii_digit() {
            let mut j = i;
            while j < c.len() && c[j].is_ascii_digit() {
                j += 1;
            }
            if j + 1 < c.len() && c[j] == '.' && c[j + 1].is_ascii_digit() {
                j += 1;
                while j < c.len() && c[j].is_ascii_digit() {
                    j += 1;
                }
            }
            if j < c.len() && (c[j] == 'e' || c[j] == 'E') {
                let mut k = j + 1;
                if k < c.len() && (c[k] == '+' || c[k] == '-') {
                    k += 1;
                }
                if k < c.len() && c[k].is_ascii_digit() {
                    while k < c.len() && c[k].is_ascii_digit() {
                        k += 1;
                    }
                    j = k;
                }
            }
            let word_end = j + 1 >= c.len() || !(c[j + 1].is_alphanumeric() || c[j + 1] == '_');
            if j < c.len() && c[j] == 's' && word_end {
                out.push_str("Xs");
                i = j + 1;
                continue;
            }
            out.extend(&c[i..j]);
            i = j;
            continue;
        }
        out.push(c[i]);
        i += 1;
    }
    out
}

/// ` at 0x7f3a...>` → ` at 0x?>`.
fn mask_addresses(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find(" at 0x") {
        let after = &rest[pos + 6..];
        let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex > 0 && after[hex..].starts_with('>') {
            out.push_str(&rest[..pos]);
            out.push_str(" at 0x?>");
            rest = &after[hex + 1..];
        } else {
            out.push_str(&rest[..pos + 6]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

const TRACEBACK_HEADER: &str = "Traceback (most recent call last):";
const CHAIN_MARKERS: [&str; 2] = [
    "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:",
];

/// `^  File "(.*)", line (\d+)` → (path, line).
fn frame(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("  File \"")?;
    let q = rest.rfind("\", line ")?;
    let path = &rest[..q];
    let num = &rest[q + 8..];
    let digits = num.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| (path, &num[..digits]))
}

/// `^.*?:\d+: (Class): (message)$` (warnings.formatwarning).
fn warning(line: &str) -> Option<String> {
    let b = line.as_bytes();
    for (i, _) in line.match_indices(':') {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || !line[i + 1 + digits..].starts_with(": ") {
            continue;
        }
        let rest = &line[i + 1 + digits + 2..];
        let name_len = rest
            .char_indices()
            .take_while(|&(k, ch)| {
                if k == 0 {
                    ch.is_ascii_alphabetic() || ch == '_'
                } else {
                    ch.is_ascii_alphanumeric() || ch == '_' || ch == '.'
                }
            })
            .count();
        if name_len > 0 && rest[name_len..].starts_with(": ") {
            return Some(format!("{}: {}", &rest[..name_len], &rest[name_len + 2..]));
        }
    }
    None
}

fn normalize_stderr(text: &str, script: &str) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    let n = lines.len();
    let mut kept: Vec<(bool, Vec<String>)> = Vec::new(); // (is_exception, lines)
    let mut i = 0;
    while i < n {
        let line = lines[i];
        if line == TRACEBACK_HEADER || frame(line).is_some() {
            if line == TRACEBACK_HEADER {
                i += 1;
            }
            let mut at = None;
            while i < n && (lines[i].starts_with(' ') || lines[i].starts_with('\t')) {
                if let Some((path, num)) = frame(lines[i]) {
                    if path == script {
                        at = Some(num.to_string());
                    }
                }
                i += 1;
            }
            let mut block: Vec<String> = at.iter().map(|n| format!("at line {n}")).collect();
            while i < n {
                let cur = lines[i];
                if cur == TRACEBACK_HEADER || CHAIN_MARKERS.contains(&cur) {
                    break;
                }
                if !block.is_empty() && warning(cur).is_some() {
                    break;
                }
                block.push(cur.to_string());
                i += 1;
            }
            if i < n && CHAIN_MARKERS.contains(&lines[i]) {
                continue;
            }
            while block.last().is_some_and(|l| l.is_empty()) {
                block.pop();
            }
            if block.len() > usize::from(at.is_some()) {
                kept.push((true, block));
            }
            continue;
        }
        if let Some(w) = warning(line) {
            kept.push((false, vec![w]));
            i += 1;
            if i < n && lines[i].starts_with("  ") && !lines[i].starts_with("  File \"") {
                i += 1;
            }
            continue;
        }
        i += 1;
    }
    let last_exc = kept.iter().rposition(|(exc, _)| *exc);
    let mut result = Vec::new();
    for (idx, (exc, block)) in kept.into_iter().enumerate() {
        if exc && Some(idx) != last_exc {
            continue;
        }
        result.extend(block);
    }
    result.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_prefix_and_timings() {
        let out = normalize(
            "2026-11-21 21:00:05,255 INFO sqlalchemy.engine.Engine [generated in 0.00010s] ('x',)\n<__main__.A object at 0x7f3a12>\n",
            "",
            "0",
            "/s.py",
        );
        assert_eq!(
            out,
            "[generated in Xs] ('x',)\n<__main__.A object at 0x?>\n--- stderr ---\n--- exit: 0 ---\n"
        );
        assert_eq!(
            mask_timings("[cached since 1.2e-05s ago]"),
            "[cached since Xs ago]"
        );
        assert_eq!(
            mask_timings("[insertmanyvalues 2/2 (ordered)]"),
            "[insertmanyvalues 2/2 (ordered)]"
        );
    }

    #[test]
    fn traceback_keeps_last_exception_and_script_line() {
        let err = "/s.py:3: UserWarning: careful\n  warnings.warn('careful')\nTraceback (most recent call last):\n  File \"/s.py\", line 9, in <module>\n    f()\n  File \"/s.py\", line 4, in f\n    1/0\nZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"/s.py\", line 7, in <module>\n    raise KeyError('k')\nKeyError: 'k'\n";
        assert_eq!(
            normalize_stderr(err, "/s.py"),
            "UserWarning: careful\nat line 7\nKeyError: 'k'"
        );
    }

    #[test]
    fn syntax_error_without_header() {
        let err = "  File \"/s.py\", line 30\n    print \"x\"\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n";
        assert_eq!(
            normalize_stderr(err, "/s.py"),
            "at line 30\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"
        );
    }
}
