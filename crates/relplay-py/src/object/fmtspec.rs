//! Fallback format-spec mini-language and float repr, used until the
//! `format` module (branch `pyfmt`) provides the canonical versions.

pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let e = format!("{:e}", x.abs());
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let n = digits.len() as i32;
    if (-4..16).contains(&exp) {
        let s = if exp >= 0 {
            if n - 1 <= exp {
                format!("{}{}.0", digits, "0".repeat((exp - (n - 1)) as usize))
            } else {
                format!(
                    "{}.{}",
                    &digits[..(exp + 1) as usize],
                    &digits[(exp + 1) as usize..]
                )
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{s}")
    } else {
        let m = if n > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let es = if exp < 0 { "-" } else { "+" };
        format!("{sign}{m}e{es}{:02}", exp.abs())
    }
}

#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse(spec: &str) -> Result<Spec, String> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    s.width = c[st..i].iter().collect::<String>().parse().unwrap_or(0);
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if st == i {
            return Err("Format specifier missing precision".into());
        }
        s.precision = c[st..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(s)
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

fn pad(body: String, sign: &str, s: &Spec, default_align: char) -> String {
    let len = body.chars().count() + sign.chars().count();
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = s.align.unwrap_or(if s.zero && s.fill.is_none() {
        '='
    } else {
        default_align
    });
    let n = s.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

fn sign_str(neg: bool, s: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(v: i64, s: &Spec) -> Result<String, String> {
    let neg = v < 0;
    let a = v.unsigned_abs();
    let body = match s.ty {
        None | Some('d') | Some('n') => {
            let d = a.to_string();
            match s.grouping {
                Some(g) => group(&d, g),
                None => d,
            }
        }
        Some('x') => format!("{}{:x}", if s.alt { "0x" } else { "" }, a),
        Some('X') => format!("{}{:X}", if s.alt { "0X" } else { "" }, a),
        Some('o') => format!("{}{:o}", if s.alt { "0o" } else { "" }, a),
        Some('b') => format!("{}{:b}", if s.alt { "0b" } else { "" }, a),
        Some('c') => char::from_u32(a as u32)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => return format_float(v as f64, s),
        Some(t) => {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'int'"
            ))
        }
    };
    Ok(pad(body, sign_str(neg, s), s, '>'))
}

pub fn format_float(v: f64, s: &Spec) -> Result<String, String> {
    let neg = v.is_sign_negative() && !(v == 0.0 && s.ty.is_none());
    let a = v.abs();
    let body = match s.ty {
        Some('f') | Some('F') => {
            let p = s.precision.unwrap_or(6);
            let d = format!("{:.*}", p, a);
            match s.grouping {
                Some(g) => {
                    let (i, f) = d
                        .split_once('.')
                        .map(|(i, f)| (i.to_string(), format!(".{f}")))
                        .unwrap_or((d.clone(), String::new()));
                    format!("{}{}", group(&i, g), f)
                }
                None => d,
            }
        }
        Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
        Some('e') | Some('E') => {
            let p = s.precision.unwrap_or(6);
            let e = format!("{:.*e}", p, a);
            let (m, x) = e.split_once('e').unwrap_or((&e, "0"));
            let x: i32 = x.parse().unwrap_or(0);
            let r = format!("{m}e{}{:02}", if x < 0 { '-' } else { '+' }, x.abs());
            if s.ty == Some('E') {
                r.to_uppercase()
            } else {
                r
            }
        }
        Some('g') | Some('G') => {
            let p = s.precision.unwrap_or(6).max(1);
            if a == 0.0 {
                "0".into()
            } else {
                let exp = a.log10().floor() as i32;
                let r = if exp < -4 || exp >= p as i32 {
                    let e = format!("{:.*e}", p - 1, a);
                    let (m, x) = e.split_once('e').unwrap_or((&e, "0"));
                    let m = if m.contains('.') && !s.alt {
                        m.trim_end_matches('0').trim_end_matches('.')
                    } else {
                        m
                    };
                    let x: i32 = x.parse().unwrap_or(0);
                    format!("{m}e{}{:02}", if x < 0 { '-' } else { '+' }, x.abs())
                } else {
                    let d = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
                    if d.contains('.') && !s.alt {
                        d.trim_end_matches('0').trim_end_matches('.').to_string()
                    } else {
                        d
                    }
                };
                r
            }
        }
        None => match s.precision {
            Some(p) => {
                let g = Spec {
                    ty: Some('g'),
                    precision: Some(p),
                    ..s.clone()
                };
                return format_float(v, &g).map(|r| {
                    if r.contains(['.', 'e', 'n', 'i']) {
                        r
                    } else {
                        r
                    }
                });
            }
            None => {
                let r = float_repr(a);
                match s.grouping {
                    Some(g) => {
                        let (i, f) = r
                            .split_once('.')
                            .map(|(i, f)| (i.to_string(), format!(".{f}")))
                            .unwrap_or((r.clone(), String::new()));
                        format!("{}{}", group(&i, g), f)
                    }
                    None => r,
                }
            }
        },
        Some(t) => {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'float'"
            ))
        }
    };
    let body = if v.is_nan() {
        "nan".into()
    } else if v.is_infinite() {
        "inf".into()
    } else {
        body
    };
    Ok(pad(body, sign_str(neg && !v.is_nan(), s), s, '>'))
}

pub fn format_str(v: &str, s: &Spec) -> Result<String, String> {
    match s.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'str'"
            ))
        }
    }
    if s.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    let body: String = match s.precision {
        Some(p) => v.chars().take(p).collect(),
        None => v.to_string(),
    };
    Ok(pad(body, "", s, '<'))
}
