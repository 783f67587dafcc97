//! "Did you mean ...?": the closest candidate by edit distance.

/// Levenshtein distance over chars, case-insensitive.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate, if it is close enough to be a plausible typo or
/// a singular/plural slip (`users` for `user_account` counts: shared prefix).
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let w = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let lc = c.to_lowercase();
            let stem = w.trim_end_matches('s');
            let related = lc.starts_with(stem)
                || w.starts_with(lc.trim_end_matches('s'))
                || lc.contains(stem) && stem.len() >= 3;
            let d = distance(&w, c);
            (if related { d.min(2) } else { d }, c)
        })
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 2).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn closest_names() {
        assert_eq!(
            closest("users", ["user_account", "address"]),
            Some("user_account")
        );
        assert_eq!(closest("parents", ["parent", "name"]), Some("parent"));
        assert_eq!(closest("zzz", ["parent"]), None);
    }
}
