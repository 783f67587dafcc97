//! Reading a CPython traceback (as `relplay::run` prints it to stderr) for the
//! line to mark in the editor. Pure string work, so it is unit-tested natively.

/// Where a failed run failed: the innermost frame in the learner's script and
/// the exception line (`ZeroDivisionError: division by zero`).
#[derive(Debug, PartialEq, Eq)]
pub struct ErrorSpot {
    pub line: u32,
    pub message: String,
}

/// Finds the last `File "<path>", line N` of `stderr` (the innermost frame in
/// the script itself, skipping frames inside library code) and the last
/// non-blank line as the message.
pub fn error_spot(stderr: &str, path: &str) -> Option<ErrorSpot> {
    let prefix = format!("File \"{path}\", line ");
    let line = stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix(&prefix))
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .next_back()?;
    let message = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())?
        .trim()
        .to_string();
    Some(ErrorSpot { line, message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn innermost_frame_in_the_script() {
        let tb = "Traceback (most recent call last):\n  File \"main.py\", line 9, in <module>\n    f()\n  File \"main.py\", line 4, in f\n    1/0\n  File \"/usr/lib/x.py\", line 100, in g\nZeroDivisionError: division by zero\n";
        assert_eq!(
            error_spot(tb, "main.py"),
            Some(ErrorSpot {
                line: 4,
                message: "ZeroDivisionError: division by zero".into()
            })
        );
    }

    #[test]
    fn syntax_error_has_no_in_clause() {
        let tb = "  File \"main.py\", line 2\n    def f(\n         ^\nSyntaxError: '(' was never closed\n";
        assert_eq!(error_spot(tb, "main.py").map(|s| s.line), Some(2));
    }

    #[test]
    fn nothing_to_mark() {
        assert_eq!(error_spot("", "main.py"), None);
        assert_eq!(error_spot("NotImplementedError: x\n", "main.py"), None);
    }
}
