//! CPython 3.11's `list.sort` (Objects/listobject.c): timsort with binary
//! insertion sort for short runs, powersort merge ordering and galloping
//! merges. A user-defined `__lt__` can observe every comparison, so the
//! comparison sequence here follows CPython's step for step.

use crate::value::PyResult;

const MIN_GALLOP: usize = 7;

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct State<'a, T> {
    v: &'a mut [T],
    lt: &'a mut dyn FnMut(&T, &T) -> PyResult<bool>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// Sorts `v` in place with `lt` as `<`, stable, in CPython's comparison
/// order. On error the slice holds a permutation of its original elements.
pub fn timsort<T: Clone>(
    v: &mut [T],
    lt: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut st = State {
        v,
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    let minrun = compute_minrun(n);
    let mut lo = 0usize;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = st.count_run(lo, lo + remaining)?;
        if descending {
            st.v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            st.binarysort(lo, lo + force, lo + run)?;
            run = force;
        }
        st.found_new_run(run, n)?;
        st.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    while st.pending.len() > 1 {
        let mut i = st.pending.len() - 2;
        if i > 0 && st.pending[i - 1].len < st.pending[i + 1].len {
            i -= 1;
        }
        st.merge_at(i)?;
    }
    Ok(())
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<T: Clone> State<'_, T> {
    fn less(&mut self, a: &T, b: &T) -> PyResult<bool> {
        (self.lt)(a, b)
    }

    fn at_lt(&mut self, i: usize, j: usize) -> PyResult<bool> {
        let (a, b) = (self.v[i].clone(), self.v[j].clone());
        self.less(&a, &b)
    }

    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 1;
        if self.at_lt(i, i - 1)? {
            i += 1;
            while i < hi {
                if !self.at_lt(i, i - 1)? {
                    break;
                }
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            i += 1;
            while i < hi {
                if self.at_lt(i, i - 1)? {
                    break;
                }
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    fn binarysort(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.v[start].clone();
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                let pv = self.v[p].clone();
                if self.less(&pivot, &pv)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.v[l..=start].rotate_right(1);
            start += 1;
        }
        Ok(())
    }

    fn found_new_run(&mut self, n2: usize, total: usize) -> PyResult<()> {
        if let Some(last) = self.pending.last().copied() {
            let power = powerloop(last.base, last.len, n2, total);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                self.merge_at(self.pending.len() - 2)?;
            }
            if let Some(l) = self.pending.last_mut() {
                l.power = power;
            }
        }
        Ok(())
    }

    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let a = self.pending[i];
        let b = self.pending[i + 1];
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        let key = self.v[b.base].clone();
        let k = self.gallop_right(&key, a.base, a.len, 0, None)?;
        let base_a = a.base + k;
        let na = a.len - k;
        if na == 0 {
            return Ok(());
        }
        let key = self.v[base_a + na - 1].clone();
        let nb = self.gallop_left(&key, b.base, b.len, b.len - 1, None)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(base_a, na, b.base, nb)
        } else {
            self.merge_hi(base_a, na, b.base, nb)
        }
    }

    /// Element `i` of the run being searched: `self.v[base + i]`, or
    /// `tmp[i]` when galloping through the temporary copy.
    fn elem(&self, base: usize, tmp: Option<&[T]>, i: usize) -> T {
        match tmp {
            Some(t) => t[base + i].clone(),
            None => self.v[base + i].clone(),
        }
    }

    fn gallop_left(
        &mut self,
        key: &T,
        base: usize,
        n: usize,
        hint: usize,
        tmp: Option<&[T]>,
    ) -> PyResult<usize> {
        let mut lastofs: isize = 0;
        let mut ofs: isize = 1;
        let h = hint as isize;
        let x = self.elem(base, tmp, hint);
        if self.less(&x, key)? {
            let maxofs = (n - hint) as isize;
            while ofs < maxofs {
                let x = self.elem(base, tmp, (h + ofs) as usize);
                if self.less(&x, key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += h;
            ofs += h;
        } else {
            let maxofs = h + 1;
            while ofs < maxofs {
                let x = self.elem(base, tmp, (h - ofs) as usize);
                if self.less(&x, key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = h - ofs;
            ofs = h - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            let x = self.elem(base, tmp, m as usize);
            if self.less(&x, key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    fn gallop_right(
        &mut self,
        key: &T,
        base: usize,
        n: usize,
        hint: usize,
        tmp: Option<&[T]>,
    ) -> PyResult<usize> {
        let mut lastofs: isize = 0;
        let mut ofs: isize = 1;
        let h = hint as isize;
        let x = self.elem(base, tmp, hint);
        if self.less(key, &x)? {
            let maxofs = h + 1;
            while ofs < maxofs {
                let x = self.elem(base, tmp, (h - ofs) as usize);
                if self.less(key, &x)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = h - ofs;
            ofs = h - k;
        } else {
            let maxofs = (n - hint) as isize;
            while ofs < maxofs {
                let x = self.elem(base, tmp, (h + ofs) as usize);
                if self.less(key, &x)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += h;
            ofs += h;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            let x = self.elem(base, tmp, m as usize);
            if self.less(key, &x)? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    /// Merges `v[pa..pa+na]` and the adjacent `v[pb..pb+nb]`, `na <= nb`,
    /// copying run A to a temporary array.
    fn merge_lo(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<T> = self.v[pa..pa + na].to_vec();
        let mut a = 0usize; // index into tmp
        let mut na = na;
        let mut b = pb;
        let mut nb = nb;
        let mut dest = pa;
        let r = self.merge_lo_inner(&tmp, &mut a, &mut na, &mut b, &mut nb, &mut dest);
        // Whatever remains of A (CopyB puts its last element after B).
        match r {
            Ok(true) => {
                // CopyB: na == 1
                for k in 0..nb {
                    self.v[dest + k] = self.v[b + k].clone();
                }
                self.v[dest + nb] = tmp[a].clone();
                Ok(())
            }
            Ok(false) => {
                self.v[dest..dest + na].clone_from_slice(&tmp[a..a + na]);
                Ok(())
            }
            Err(e) => {
                self.v[dest..dest + na].clone_from_slice(&tmp[a..a + na]);
                Err(e)
            }
        }
    }

    /// Returns Ok(true) for CopyB, Ok(false) for Succeed.
    fn merge_lo_inner(
        &mut self,
        tmp: &[T],
        a: &mut usize,
        na: &mut usize,
        b: &mut usize,
        nb: &mut usize,
        dest: &mut usize,
    ) -> PyResult<bool> {
        self.v[*dest] = self.v[*b].clone();
        *dest += 1;
        *b += 1;
        *nb -= 1;
        if *nb == 0 {
            return Ok(false);
        }
        if *na == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                let (x, y) = (self.v[*b].clone(), tmp[*a].clone());
                if self.less(&x, &y)? {
                    self.v[*dest] = x;
                    *dest += 1;
                    *b += 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 0 {
                        return Ok(false);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    self.v[*dest] = y;
                    *dest += 1;
                    *a += 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 1 {
                        return Ok(true);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let key = self.v[*b].clone();
                let k = self.gallop_right(&key, *a, *na, 0, Some(tmp))?;
                acount = k;
                if k > 0 {
                    for i in 0..k {
                        self.v[*dest + i] = tmp[*a + i].clone();
                    }
                    *dest += k;
                    *a += k;
                    *na -= k;
                    if *na == 1 {
                        return Ok(true);
                    }
                    if *na == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest] = self.v[*b].clone();
                *dest += 1;
                *b += 1;
                *nb -= 1;
                if *nb == 0 {
                    return Ok(false);
                }
                let key = tmp[*a].clone();
                let k = self.gallop_left(&key, *b, *nb, 0, None)?;
                bcount = k;
                if k > 0 {
                    for i in 0..k {
                        self.v[*dest + i] = self.v[*b + i].clone();
                    }
                    *dest += k;
                    *b += k;
                    *nb -= k;
                    if *nb == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest] = tmp[*a].clone();
                *dest += 1;
                *a += 1;
                *na -= 1;
                if *na == 1 {
                    return Ok(true);
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges `v[pa..pa+na]` and the adjacent `v[pb..pb+nb]`, `na > nb`,
    /// copying run B to a temporary array and merging from the right.
    fn merge_hi(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<T> = self.v[pb..pb + nb].to_vec();
        // Positions are "one past" the current element so they never go
        // below zero: current A element is v[a - 1], B element tmp[b - 1],
        // the destination slot v[dest - 1].
        let mut a = pa + na;
        let mut na = na;
        let mut b = nb;
        let mut nb = nb;
        let mut dest = pb + nb;
        let r = self.merge_hi_inner(pa, &tmp, &mut a, &mut na, &mut b, &mut nb, &mut dest);
        match r {
            Ok(true) => {
                // CopyA: nb == 1; move the na remaining A elements right by
                // one and put B's first element in front.
                for k in (0..na).rev() {
                    self.v[dest - na + k] = self.v[a - na + k].clone();
                }
                self.v[dest - na - 1] = tmp[b - 1].clone();
                Ok(())
            }
            Ok(false) | Err(_) => {
                self.v[dest - nb..dest].clone_from_slice(&tmp[..nb]);
                r.map(|_| ())
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn merge_hi_inner(
        &mut self,
        basea: usize,
        tmp: &[T],
        a: &mut usize,
        na: &mut usize,
        b: &mut usize,
        nb: &mut usize,
        dest: &mut usize,
    ) -> PyResult<bool> {
        self.v[*dest - 1] = self.v[*a - 1].clone();
        *dest -= 1;
        *a -= 1;
        *na -= 1;
        if *na == 0 {
            return Ok(false);
        }
        if *nb == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                let (x, y) = (tmp[*b - 1].clone(), self.v[*a - 1].clone());
                if self.less(&x, &y)? {
                    self.v[*dest - 1] = y;
                    *dest -= 1;
                    *a -= 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 0 {
                        return Ok(false);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    self.v[*dest - 1] = x;
                    *dest -= 1;
                    *b -= 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 1 {
                        return Ok(true);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let key = tmp[*b - 1].clone();
                let k = self.gallop_right(&key, basea, *na, *na - 1, None)?;
                let k = *na - k;
                acount = k;
                if k > 0 {
                    for i in (0..k).rev() {
                        self.v[*dest - k + i] = self.v[*a - k + i].clone();
                    }
                    *dest -= k;
                    *a -= k;
                    *na -= k;
                    if *na == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest - 1] = tmp[*b - 1].clone();
                *dest -= 1;
                *b -= 1;
                *nb -= 1;
                if *nb == 1 {
                    return Ok(true);
                }
                let key = self.v[*a - 1].clone();
                let k = self.gallop_left(&key, 0, *nb, *nb - 1, Some(tmp))?;
                let k = *nb - k;
                bcount = k;
                if k > 0 {
                    for i in 0..k {
                        self.v[*dest - k + i] = tmp[*b - k + i].clone();
                    }
                    *dest -= k;
                    *b -= k;
                    *nb -= k;
                    if *nb == 1 {
                        return Ok(true);
                    }
                    if *nb == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest - 1] = self.v[*a - 1].clone();
                *dest -= 1;
                *a -= 1;
                *na -= 1;
                if *na == 0 {
                    return Ok(false);
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::timsort;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn inconsistent_comparisons_keep_a_permutation() {
        let mut seed = 99u64;
        for n in [2usize, 10, 64, 65, 300, 2000] {
            for _ in 0..20 {
                let mut v: Vec<usize> = (0..n).collect();
                let mut s2 = lcg(&mut seed);
                timsort(&mut v, &mut |_, _| {
                    s2 = s2.wrapping_mul(6364136223846793005).wrapping_add(1);
                    Ok((s2 >> 40) & 1 == 1)
                })
                .unwrap();
                let mut sorted = v.clone();
                sorted.sort();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn sorts_and_is_stable() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 5, 63, 64, 65, 200, 1000, 5000] {
            for modulo in [3u64, 50, 1 << 30] {
                let mut v: Vec<(u64, usize)> =
                    (0..n).map(|i| (lcg(&mut seed) % modulo, i)).collect();
                // Some presorted stretches to exercise runs and galloping.
                if n > 100 {
                    v[10..60].sort();
                    v[70..90].sort_by(|x, y| y.cmp(x));
                }
                let mut expect = v.clone();
                expect.sort_by_key(|p| p.0);
                timsort(&mut v, &mut |x, y| Ok(x.0 < y.0)).unwrap();
                assert_eq!(v, expect, "n={n} mod={modulo}");
            }
        }
    }
}
