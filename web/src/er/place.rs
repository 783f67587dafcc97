//! Ordering and horizontal placement of the items of each row: tables and
//! the slots ("dummy nodes") that lanes spanning several rows pass through.

/// Barycenter sweeps, down then up, keeping the order with the fewest
/// crossings between adjacent rows. `adj` links items of adjacent rows.
pub fn order(rows: &mut [Vec<usize>], row_of: &[usize], adj: &[Vec<usize>]) {
    let mut pos = vec![0.0f64; row_of.len()];
    let set = |rows: &[Vec<usize>], pos: &mut [f64], r: usize| {
        for (k, &i) in rows[r].iter().enumerate() {
            pos[i] = k as f64 - rows[r].len() as f64 / 2.0;
        }
    };
    for r in 0..rows.len() {
        set(rows, &mut pos, r);
    }
    let n = rows.len();
    let mut best = (crossings(rows, row_of, adj), rows.to_vec());
    for sweep in 0..8 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down {
            (1..n).collect()
        } else {
            (0..n.saturating_sub(1)).rev().collect()
        };
        for r in order {
            let from = if down { r - 1 } else { r + 1 };
            let key = |i: usize| {
                let (s, c) = adj[i]
                    .iter()
                    .filter(|&&j| row_of[j] == from)
                    .fold((0.0, 0), |(s, c), &j| (s + pos[j], c + 1));
                if c == 0 {
                    pos[i]
                } else {
                    s / c as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = rows[r].iter().map(|&i| (key(i), i)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0)); // stable: ties keep their order
            rows[r] = keyed.into_iter().map(|(_, i)| i).collect();
            set(rows, &mut pos, r);
        }
        let c = crossings(rows, row_of, adj);
        if c < best.0 {
            best = (c, rows.to_vec());
        }
    }
    rows.clone_from_slice(&best.1);
}

/// Pairs of links between adjacent rows that cross.
fn crossings(rows: &[Vec<usize>], row_of: &[usize], adj: &[Vec<usize>]) -> usize {
    let mut at = vec![0usize; row_of.len()];
    for row in rows {
        for (k, &i) in row.iter().enumerate() {
            at[i] = k;
        }
    }
    let at = &at;
    let mut total = 0;
    for (r, row) in rows.iter().enumerate().skip(1) {
        let links: Vec<(usize, usize)> = row
            .iter()
            .flat_map(|&i| {
                adj[i]
                    .iter()
                    .filter(move |&&j| row_of[j] + 1 == r)
                    .map(move |&j| (at[j], at[i]))
            })
            .collect();
        for (a, p) in links.iter().enumerate() {
            for q in &links[a + 1..] {
                if (p.0 < q.0 && p.1 > q.1) || (p.0 > q.0 && p.1 < q.1) {
                    total += 1;
                }
            }
        }
    }
    total
}

/// Centre x of every item: rows packed and centred, then (`align`) each
/// item pulled towards the mean of its neighbours, rows kept in order with
/// `sep(a, b)` between neighbours' centres; the leftmost edge ends up at
/// `margin`. Aligning straightens lines but can widen the drawing.
pub fn xs(
    rows: &[Vec<usize>],
    w: &[f64],
    adj: &[Vec<usize>],
    sep: impl Fn(usize, usize) -> f64,
    margin: f64,
    align: bool,
) -> Vec<f64> {
    let mut x = vec![0.0f64; w.len()];
    let place = |row: &[usize], want: &[f64], x: &mut [f64]| {
        // Least squares under the order constraints: shift out the minimum
        // gaps, then an isotonic regression (pool adjacent violators).
        let mut off = vec![0.0; row.len()];
        for k in 1..row.len() {
            off[k] = off[k - 1] + sep(row[k - 1], row[k]);
        }
        let mut blocks: Vec<(f64, usize)> = Vec::new();
        for k in 0..row.len() {
            blocks.push((want[k] - off[k], 1));
            while blocks.len() > 1 {
                let (s2, c2) = blocks[blocks.len() - 1];
                let (s1, c1) = blocks[blocks.len() - 2];
                if s1 / c1 as f64 <= s2 / c2 as f64 {
                    break;
                }
                blocks.pop();
                if let Some(b) = blocks.last_mut() {
                    *b = (s1 + s2, c1 + c2);
                }
            }
        }
        let mut k = 0;
        for (s, c) in blocks {
            for _ in 0..c {
                x[row[k]] = s / c as f64 + off[k];
                k += 1;
            }
        }
    };
    for row in rows {
        place(row, &vec![0.0; row.len()], &mut x);
    }
    for it in 0..if align { 12 } else { 0 } {
        let order: Vec<usize> = if it % 2 == 0 {
            (0..rows.len()).collect()
        } else {
            (0..rows.len()).rev().collect()
        };
        for r in order {
            let want: Vec<f64> = rows[r]
                .iter()
                .map(|&i| {
                    if adj[i].is_empty() {
                        x[i]
                    } else {
                        adj[i].iter().map(|&j| x[j]).sum::<f64>() / adj[i].len() as f64
                    }
                })
                .collect();
            place(&rows[r], &want, &mut x);
        }
    }
    let left = (0..w.len())
        .map(|i| x[i] - w[i] / 2.0)
        .fold(f64::INFINITY, f64::min);
    for v in &mut x {
        *v += margin - left;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_uncrosses() {
        // Row 0: a b; row 1: c d with a–d and b–c: swapping row 1 uncrosses.
        let mut rows = vec![vec![0, 1], vec![2, 3]];
        let adj = vec![vec![3], vec![2], vec![1], vec![0]];
        order(&mut rows, &[0, 0, 1, 1], &adj);
        assert_eq!(crossings(&rows, &[0, 0, 1, 1], &adj), 0);
    }

    #[test]
    fn xs_keep_gaps_and_centre_children() {
        let rows = vec![vec![0], vec![1, 2]];
        let adj = vec![vec![1, 2], vec![0], vec![0]];
        let x = xs(&rows, &[100.0, 50.0, 50.0], &adj, |_, _| 80.0, 10.0, true);
        assert!((x[2] - x[1] - 80.0).abs() < 1e-6);
        assert!((x[0] - (x[1] + x[2]) / 2.0).abs() < 1e-6, "{x:?}");
        assert!((x[1] - 25.0 - 10.0).abs() < 1e-6, "left edge at the margin");
    }
}
