//! Arbitrary-precision integers for results beyond `i64` (sign-magnitude,
//! base 2^32 limbs). Small on purpose: add/sub/mul/divmod/pow/compare/str.
#![allow(clippy::needless_range_loop)]

use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigInt {
    neg: bool,
    /// Little-endian limbs, no trailing zeros (zero is empty).
    mag: Vec<u32>,
}

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for i in 0..a.len().max(b.len()) {
        let s = *a.get(i).unwrap_or(&0) as u64 + *b.get(i).unwrap_or(&0) as u64 + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry > 0 {
        out.push(carry as u32);
    }
    out
}

/// a - b with |a| >= |b|.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - *b.get(i).unwrap_or(&0) as i64 - borrow;
        borrow = 0;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = out[i + j] as u64 + x as u64 * y as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry > 0 {
            let t = out[k] as u64 + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut out);
    out
}

/// Divides by a small number, returning the remainder.
fn divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut out = vec![0u32; a.len()];
    let mut rem = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (rem << 32) | a[i] as u64;
        out[i] = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    trim(&mut out);
    (out, rem as u32)
}

fn bits(a: &[u32]) -> usize {
    match a.last() {
        None => 0,
        Some(t) => (a.len() - 1) * 32 + (32 - t.leading_zeros() as usize),
    }
}

fn shl1_or(a: &mut Vec<u32>, bit: u32) {
    let mut carry = bit;
    for x in a.iter_mut() {
        let n = (*x >> 31) & 1;
        *x = (*x << 1) | carry;
        carry = n;
    }
    if carry > 0 {
        a.push(carry);
    }
}

/// Truncating magnitude division (binary long division).
fn divmod_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if b.len() == 1 {
        let (q, r) = divmod_small(a, b[0]);
        let mut r = vec![r];
        trim(&mut r);
        return (q, r);
    }
    let mut q = vec![0u32; a.len()];
    let mut r: Vec<u32> = Vec::new();
    for i in (0..bits(a)).rev() {
        shl1_or(&mut r, (a[i / 32] >> (i % 32)) & 1);
        trim(&mut r);
        if cmp_mag(&r, b) != Ordering::Less {
            r = sub_mag(&r, b);
            q[i / 32] |= 1 << (i % 32);
        }
    }
    trim(&mut q);
    (q, r)
}

impl BigInt {
    pub fn zero() -> BigInt {
        BigInt {
            neg: false,
            mag: Vec::new(),
        }
    }
    pub fn from_i64(v: i64) -> BigInt {
        let u = v.unsigned_abs();
        let mut mag = vec![u as u32, (u >> 32) as u32];
        trim(&mut mag);
        BigInt { neg: v < 0, mag }
    }
    fn make(neg: bool, mag: Vec<u32>) -> BigInt {
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }
    pub fn is_neg(&self) -> bool {
        self.neg
    }
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }
    pub fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let u =
            *self.mag.first().unwrap_or(&0) as u64 | (*self.mag.get(1).unwrap_or(&0) as u64) << 32;
        if self.neg {
            if u <= 1u64 << 63 {
                Some((u as i128).wrapping_neg() as i64)
            } else {
                None
            }
        } else {
            i64::try_from(u).ok()
        }
    }
    pub fn to_f64(&self) -> f64 {
        let mut f = 0.0f64;
        for &l in self.mag.iter().rev() {
            f = f * 4294967296.0 + l as f64;
        }
        if self.neg {
            -f
        } else {
            f
        }
    }
    pub fn bit_length(&self) -> usize {
        bits(&self.mag)
    }
    pub fn parse(digits: &str, neg: bool) -> Option<BigInt> {
        let mut mag: Vec<u32> = Vec::new();
        for c in digits.chars() {
            let d = c.to_digit(10)?;
            mag = mul_mag(&mag, &[10]);
            mag = add_mag(&mag, &[d]);
            trim(&mut mag);
        }
        Some(BigInt::make(neg, mag))
    }
    /// Decimal digits of the magnitude.
    pub fn mag_string(&self) -> String {
        if self.mag.is_empty() {
            return "0".into();
        }
        let mut parts = Vec::new();
        let mut cur = self.mag.clone();
        while !cur.is_empty() {
            let (q, r) = divmod_small(&cur, 1_000_000_000);
            parts.push(r);
            cur = q;
        }
        let mut s = parts.pop().map(|p| p.to_string()).unwrap_or_default();
        for p in parts.iter().rev() {
            s.push_str(&format!("{p:09}"));
        }
        s
    }
    /// Digits of the magnitude in `radix` (2..=16), lowercase.
    pub fn mag_radix(&self, radix: u32) -> String {
        if self.mag.is_empty() {
            return "0".into();
        }
        let mut digits = Vec::new();
        let mut cur = self.mag.clone();
        while !cur.is_empty() {
            let (q, r) = divmod_small(&cur, radix);
            digits.push(std::char::from_digit(r, radix).unwrap_or('0'));
            cur = q;
        }
        digits.iter().rev().collect()
    }

    /// Two's complement limbs, `n` long.
    fn twos(&self, n: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(n, 0);
        if self.neg {
            for x in v.iter_mut() {
                *x = !*x;
            }
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let s = *x as u64 + carry;
                *x = s as u32;
                carry = s >> 32;
            }
        }
        v
    }

    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().map(|x| x >> 31 == 1).unwrap_or(false);
        if neg {
            for x in v.iter_mut() {
                *x = !*x;
            }
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let s = *x as u64 + carry;
                *x = s as u32;
                carry = s >> 32;
            }
        }
        trim(&mut v);
        BigInt::make(neg, v)
    }

    /// `&`, `|`, `^` with Python's infinite two's complement semantics.
    pub fn bitop(&self, o: &BigInt, op: char) -> BigInt {
        let n = self.mag.len().max(o.mag.len()) + 1;
        let (a, b) = (self.twos(n), o.twos(n));
        let v = a
            .iter()
            .zip(b.iter())
            .map(|(x, y)| match op {
                '&' => x & y,
                '|' => x | y,
                _ => x ^ y,
            })
            .collect();
        BigInt::from_twos(v)
    }

    pub fn neg(&self) -> BigInt {
        BigInt::make(!self.neg, self.mag.clone())
    }
    pub fn abs(&self) -> BigInt {
        BigInt::make(false, self.mag.clone())
    }
    pub fn add(&self, o: &BigInt) -> BigInt {
        if self.neg == o.neg {
            return BigInt::make(self.neg, add_mag(&self.mag, &o.mag));
        }
        match cmp_mag(&self.mag, &o.mag) {
            Ordering::Less => BigInt::make(o.neg, sub_mag(&o.mag, &self.mag)),
            _ => BigInt::make(self.neg, sub_mag(&self.mag, &o.mag)),
        }
    }
    pub fn sub(&self, o: &BigInt) -> BigInt {
        self.add(&o.neg())
    }
    pub fn mul(&self, o: &BigInt) -> BigInt {
        BigInt::make(self.neg != o.neg, mul_mag(&self.mag, &o.mag))
    }
    /// Floor division and modulo (Python semantics); `None` on zero divisor.
    pub fn divmod(&self, o: &BigInt) -> Option<(BigInt, BigInt)> {
        if o.is_zero() {
            return None;
        }
        let (q, r) = divmod_mag(&self.mag, &o.mag);
        let mut q = BigInt::make(self.neg != o.neg, q);
        let mut r = BigInt::make(self.neg, r);
        if !r.is_zero() && r.neg != o.neg {
            q = q.sub(&BigInt::from_i64(1));
            r = r.add(o);
        }
        Some((q, r))
    }
    pub fn pow(&self, mut e: u64) -> BigInt {
        let mut base = self.clone();
        let mut acc = BigInt::from_i64(1);
        while e > 0 {
            if e & 1 == 1 {
                acc = acc.mul(&base);
            }
            e >>= 1;
            if e > 0 {
                base = base.mul(&base);
            }
        }
        acc
    }
    pub fn compare(&self, o: &BigInt) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }
    /// CPython's hash: the value modulo 2**61 - 1.
    pub fn hash(&self) -> i64 {
        const M: u128 = (1 << 61) - 1;
        let mut h: u128 = 0;
        for &l in self.mag.iter().rev() {
            h = ((h << 32) | l as u128) % M;
        }
        let h = h as i64;
        let h = if self.neg { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }
}

impl std::fmt::Display for BigInt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.neg {
            write!(f, "-")?;
        }
        write!(f, "{}", self.mag_string())
    }
}

#[cfg(test)]
mod tests {
    use super::BigInt;

    #[test]
    fn arithmetic_and_text() {
        let a = BigInt::parse("123456789012345678901234567890", false).expect("digits");
        let b = BigInt::from_i64(-987654321);
        assert_eq!(
            a.mul(&b).to_string(),
            "-121932631124828532112482853211126352690"
        );
        let (q, r) = a.divmod(&b).expect("nonzero");
        assert_eq!(
            (q.to_string(), r.to_string()),
            (
                "-124999998873437499902".to_string(),
                "-412808652".to_string()
            )
        );
        assert_eq!(
            BigInt::from_i64(2).pow(100).to_string(),
            "1267650600228229401496703205376"
        );
        assert_eq!(BigInt::from_i64(i64::MIN).to_i64(), Some(i64::MIN));
        assert_eq!(BigInt::from_i64(2).pow(64).hash(), 8);
    }
}
