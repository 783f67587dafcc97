//! Python's `%.5f` and `%.4g` for the timing notes of the echo log.

/// `"%.5f" % x`
pub fn format_seconds_f5(x: f64) -> String {
    format!("{:.5}", x)
}

/// `"%.{p}g" % x`: `p` significant digits, scientific notation when the
/// exponent is below -4 or at least `p`, trailing zeros removed.
pub fn format_g(x: f64, p: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let p = p.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let (mant, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let mant = strip_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        strip_zeros(&format!("{:.*}", decimals, x))
    }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_g_like_python() {
        // Values seen in the reference echo logs.
        assert_eq!(format_g(0.004073, 4), "0.004073");
        assert_eq!(format_g(0.0002359, 4), "0.0002359");
        assert_eq!(format_g(1.2e-05, 4), "1.2e-05");
        assert_eq!(format_g(0.00435, 4), "0.00435");
        assert_eq!(format_g(12.5, 4), "12.5");
        assert_eq!(format_g(12345.0, 4), "1.234e+04");
        assert_eq!(format_seconds_f5(0.000104), "0.00010");
    }
}
