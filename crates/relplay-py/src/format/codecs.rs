//! `str.encode` / `bytes.decode` for the codecs the playground knows
//! (utf-8, ascii, latin-1, utf-16/32 with byte order), with CPython's error
//! handlers and error messages. Errors are `(exception name, message)`.

pub type CodecError = (&'static str, String);

/// The codec's canonical name, or `None` when it is unknown.
pub fn normalize(enc: &str) -> Option<&'static str> {
    let e = enc.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    Some(match e.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => {
            "latin-1"
        }
        "utf-16" | "utf16" => "utf-16",
        "utf-16-le" | "utf-16le" => "utf-16-le",
        "utf-16-be" | "utf-16be" => "utf-16-be",
        "utf-32" | "utf32" => "utf-32",
        "utf-32-le" | "utf-32le" => "utf-32-le",
        "utf-32-be" | "utf-32be" => "utf-32-be",
        _ => return None,
    })
}

fn known_handler(h: &str) -> bool {
    matches!(
        h,
        "strict" | "replace" | "ignore" | "backslashreplace" | "xmlcharrefreplace"
    )
}

fn unknown_handler(h: &str) -> CodecError {
    ("LookupError", format!("unknown error handler name '{h}'"))
}

/// `s.encode(enc, errors)`; `enc` already normalized.
pub fn encode(s: &str, enc: &'static str, errors: &str) -> Result<Vec<u8>, CodecError> {
    let limit: u32 = match enc {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "utf-16" | "utf-16-le" | "utf-16-be" => {
            let mut out = Vec::new();
            let be = enc == "utf-16-be";
            if enc == "utf-16" {
                out.extend([0xff, 0xfe]);
            }
            for u in s.encode_utf16() {
                out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        "utf-32" | "utf-32-le" | "utf-32-be" => {
            let mut out = Vec::new();
            let be = enc == "utf-32-be";
            if enc == "utf-32" {
                out.extend([0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                let u = c as u32;
                out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        "ascii" => 128,
        _ => 256,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            h if !known_handler(h) => return Err(unknown_handler(h)),
            "strict" => {
                let mut j = i;
                while j < chars.len() && chars[j] as u32 >= limit {
                    j += 1;
                }
                let what = if j - i == 1 {
                    format!(
                        "character {} in position {i}",
                        crate::format::repr::ascii_repr(&c.to_string())
                    )
                } else {
                    format!("characters in position {i}-{}", j - 1)
                };
                return Err((
                    "UnicodeEncodeError",
                    format!("'{enc}' codec can't encode {what}: ordinal not in range({limit})"),
                ));
            }
            "replace" => out.push(b'?'),
            "ignore" => {}
            "backslashreplace" => {
                let u = c as u32;
                let t = if u < 0x100 {
                    format!("\\x{u:02x}")
                } else if u < 0x10000 {
                    format!("\\u{u:04x}")
                } else {
                    format!("\\U{u:08x}")
                };
                out.extend(t.bytes());
            }
            _ => out.extend(format!("&#{};", c as u32).bytes()),
        }
        i += 1;
    }
    Ok(out)
}

fn decode_error(enc: &str, b: &[u8], start: usize, end: usize, reason: &str) -> CodecError {
    let msg = if end - start == 1 {
        format!(
            "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            b[start]
        )
    } else {
        format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    ("UnicodeDecodeError", msg)
}

/// Applies a decode error handler to `b[start..end]`; `Err` for strict.
fn handle_decode(
    out: &mut String,
    errors: &str,
    err: impl FnOnce() -> CodecError,
    bad: &[u8],
) -> Result<(), CodecError> {
    match errors {
        h if !known_handler(h) => return Err(unknown_handler(h)),
        "strict" => return Err(err()),
        "xmlcharrefreplace" => {
            return Err((
                "TypeError",
                "don't know how to handle UnicodeDecodeError in error callback".into(),
            ))
        }
        "replace" => out.push('\u{fffd}'),
        "ignore" => {}
        _ => {
            for x in bad {
                out.push_str(&format!("\\x{x:02x}"));
            }
        }
    }
    Ok(())
}

/// `b.decode(enc, errors)`; `enc` already normalized.
pub fn decode(b: &[u8], enc: &'static str, errors: &str) -> Result<String, CodecError> {
    let mut out = String::new();
    match enc {
        "utf-8" => {
            let mut rest = b;
            let mut pos = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let first = rest[good];
                                let invalid_start = (0x80..0xc2).contains(&first) || first >= 0xf5;
                                (
                                    n,
                                    if invalid_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        let (s, t) = (pos + good, pos + good + len);
                        handle_decode(
                            &mut out,
                            errors,
                            || decode_error(enc, b, s, t, reason),
                            &rest[good..good + len],
                        )?;
                        pos += good + len;
                        rest = &rest[good + len..];
                    }
                }
            }
        }
        "ascii" => {
            for (i, &x) in b.iter().enumerate() {
                if x < 128 {
                    out.push(x as char);
                } else {
                    handle_decode(
                        &mut out,
                        errors,
                        || decode_error(enc, b, i, i + 1, "ordinal not in range(128)"),
                        &[x],
                    )?;
                }
            }
            Ok(out)
        }
        "latin-1" => Ok(b.iter().map(|&x| x as char).collect()),
        _ => Err((
            "NotImplementedError",
            format!("decoding from '{enc}' is not supported in the playground"),
        )),
    }
}
