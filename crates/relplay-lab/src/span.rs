//! A serializable copy of the parser's span: the page and the model editor
//! receive it as JSON, and `relplay-py` has no serde dependency.

use relplay_py::ast;
use serde::{Deserialize, Serialize};

/// Byte offsets (`end` exclusive) plus 1-based line and 0-based column of both ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl From<ast::Span> for Span {
    fn from(s: ast::Span) -> Self {
        Span {
            start: s.start,
            end: s.end,
            line: s.line,
            col: s.col,
            end_line: s.end_line,
            end_col: s.end_col,
        }
    }
}

impl Span {
    /// The source text this span covers (empty when out of range, never a panic).
    pub fn text(self, source: &str) -> &str {
        source
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The span of a whole 1-based line (without its line break).
    pub fn of_line(source: &str, line: u32) -> Span {
        let mut start = 0usize;
        for (i, l) in source.split('\n').enumerate() {
            let len = l.trim_end_matches('\r').len();
            if i + 1 == line as usize {
                let chars = l[..len].chars().count() as u32;
                return Span {
                    start: start as u32,
                    end: (start + len) as u32,
                    line,
                    col: 0,
                    end_line: line,
                    end_col: chars,
                };
            }
            start += l.len() + 1;
        }
        Span {
            start: source.len() as u32,
            end: source.len() as u32,
            line,
            col: 0,
            end_line: line,
            end_col: 0,
        }
    }
}

impl Span {
    /// A zero-width span at a byte offset (clamped to the source).
    pub fn at(source: &str, offset: usize) -> Span {
        let mut off = offset.min(source.len());
        while !source.is_char_boundary(off) {
            off -= 1;
        }
        let before = &source[..off];
        let line = before.matches('\n').count() as u32 + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() as u32;
        Span {
            start: off as u32,
            end: off as u32,
            line,
            col,
            end_line: line,
            end_col: col,
        }
    }
}
