//! Variants of one relationship for the side-by-side comparison: the same
//! script with the pair declared each way (`sync`) or with each loader
//! strategy (`lazy`), and the line map that aligns an edited script's lines
//! with the original's so their cells can share a row.

use super::{apply, Action, EditError, Sync};

/// The loader strategies compared by `kind = "lazy"`.
pub const LAZY: [&str; 5] = ["select", "joined", "selectin", "subquery", "dynamic"];

/// `(variant, edited source)` for each variant of `rel` (`"Class.attr"`)
/// under `kind` (`"sync"`, the default, or `"lazy"`). A variant whose edit
/// cannot be made is left out; no variant at all is an error.
pub fn variants(source: &str, rel: &str, kind: &str) -> Result<Vec<(String, String)>, EditError> {
    let actions: Vec<(String, Action)> = match kind {
        "" | "sync" => Sync::ALL
            .iter()
            .map(|s| {
                let a = Action::SetSync {
                    rel: rel.to_string(),
                    sync: *s,
                    other: None,
                };
                (s.name().to_string(), a)
            })
            .collect(),
        "lazy" => LAZY
            .iter()
            .map(|l| {
                let a = Action::SetLazy {
                    rel: rel.to_string(),
                    lazy: Some(l.to_string()),
                };
                (l.to_string(), a)
            })
            .collect(),
        other => {
            return Err(EditError::Unsupported(format!(
                "unknown comparison kind {other:?} (use \"sync\" or \"lazy\")"
            )))
        }
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let mut first_err = None;
    for (name, action) in actions {
        match apply(source, &action) {
            // backref on the other side is the same script when it was
            // already that way round; a duplicate column teaches nothing.
            Ok(s) if name == "backref-other" && out.iter().any(|(_, o)| *o == s) => {}
            Ok(s) => out.push((name, s)),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    match (out.is_empty(), first_err) {
        (true, Some(e)) => Err(e),
        _ => Ok(out),
    }
}

/// For each line of `edited` (index = line - 1), the 1-based line of
/// `original` it is an unchanged copy of, or 0 for a new or changed line
/// (a longest common subsequence of lines; large scripts fall back to
/// matching the common prefix and suffix).
pub fn line_map(original: &str, edited: &str) -> Vec<u32> {
    let a: Vec<&str> = original.lines().collect();
    let b: Vec<&str> = edited.lines().collect();
    let mut map = vec![0u32; b.len()];
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    for (i, m) in map.iter_mut().enumerate().take(pre) {
        *m = i as u32 + 1;
    }
    for k in 0..suf {
        map[b.len() - 1 - k] = (a.len() - k) as u32;
    }
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    if am.len().saturating_mul(bm.len()) > 4_000_000 {
        return map;
    }
    // LCS table over the changed middle.
    let (n, m) = (am.len(), bm.len());
    let mut t = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if am[i] == bm[j] {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if am[i] == bm[j] {
            map[pre + j] = (pre + i) as u32 + 1;
            i += 1;
            j += 1;
        } else if t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_map_follows_deleted_and_inserted_lines() {
        let a = "a\nb\nc\nd\n";
        let b = "a\nc\nx\nd\n";
        assert_eq!(line_map(a, b), vec![1, 3, 0, 4]);
        assert_eq!(line_map("", "x"), vec![0]);
    }
}
