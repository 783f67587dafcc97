//! Share links: the script, compressed, in the URL fragment (`#code=...`).
//!
//! Format: `base64url(raw DEFLATE(UTF-8 text))`, no padding (RFC 4648 §5,
//! RFC 1951). Anything can produce one: Python's `zlib` (`wbits=-15`) +
//! `base64.urlsafe_b64encode`, or a browser's `CompressionStream("deflate-raw")`.
//!
//! Links come from strangers, so decoding is defensive: the fragment's length
//! is capped before anything is decoded, the inflated size is capped (a
//! decompression bomb stops at the cap), and invalid base64, truncated or
//! garbage DEFLATE data and invalid UTF-8 are errors with a message — never a
//! panic. Pure Rust, unit-tested natively.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

/// The most code a link may carry (decompressed, in bytes of UTF-8).
pub const MAX_CODE_BYTES: usize = 256 * 1024;

/// The longest `code=` payload we try to decode. Code that does not compress
/// at all grows by 4/3 in base64, so this is above any honest link.
pub const MAX_PAYLOAD_CHARS: usize = MAX_CODE_BYTES / 3 * 4 + 1024;

/// Accepts links with or without `=` padding (some encoders add it).
const DECODER: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a link's code could not be opened.
#[derive(Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The `code=` payload is longer than `MAX_PAYLOAD_CHARS`.
    TooLong(usize),
    /// Not base64url (wrong characters, or a truncated final group).
    NotBase64,
    /// Not a complete DEFLATE stream (truncated or garbage).
    Corrupt,
    /// Decompresses to more than `MAX_CODE_BYTES`.
    TooBig,
    /// Decompresses to bytes that are not UTF-8 text.
    NotText,
    /// The code to share is larger than a link may carry.
    CodeTooBig(usize),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kb = |n: usize| n.div_ceil(1024);
        match self {
            ShareError::TooLong(n) => write!(
                f,
                "the link is too long ({} KB of code data, at most {} KB)",
                kb(*n),
                kb(MAX_PAYLOAD_CHARS)
            ),
            ShareError::NotBase64 => {
                f.write_str("the link is damaged (its code data is not valid base64url: was it cut short when copied?)")
            }
            ShareError::Corrupt => {
                f.write_str("the link is damaged (its code data does not decompress: was it cut short when copied?)")
            }
            ShareError::TooBig => write!(
                f,
                "the link's code is larger than {} KB once decompressed",
                kb(MAX_CODE_BYTES)
            ),
            ShareError::NotText => f.write_str("the link's code is not UTF-8 text"),
            ShareError::CodeTooBig(n) => write!(
                f,
                "the code is too large to share as a link ({} KB, at most {} KB)",
                kb(*n),
                kb(MAX_CODE_BYTES)
            ),
        }
    }
}

/// The `code=` payload for `code`: raw DEFLATE (best compression), base64url.
pub fn encode(code: &str) -> Result<String, ShareError> {
    if code.len() > MAX_CODE_BYTES {
        return Err(ShareError::CodeTooBig(code.len()));
    }
    let packed = miniz_oxide::deflate::compress_to_vec(code.as_bytes(), 9);
    Ok(URL_SAFE_NO_PAD.encode(packed))
}

/// The code carried by a `code=` payload.
pub fn decode(payload: &str) -> Result<String, ShareError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong(payload.len()));
    }
    let packed = DECODER
        .decode(payload.trim())
        .map_err(|_| ShareError::NotBase64)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_CODE_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooBig,
            _ => ShareError::Corrupt,
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotText)
}

/// The raw `code=` value of a URL fragment (`#code=...`, or `code=` among
/// `&`-separated fragment parameters), if there is one. `hash` may start with `#`.
pub fn fragment_code(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').find_map(|part| part.strip_prefix("code="))
}

/// A full share link: `base` (the page's address without query or fragment,
/// plus an optional query) with `#code=<payload>`.
pub fn link(base: &str, code: &str) -> Result<String, ShareError> {
    Ok(format!("{base}#code={}", encode(code)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deflate(bytes: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9))
    }

    #[test]
    fn round_trips() {
        for code in [
            "",
            "print('hello')\n",
            "s = \"é → ∞ 🐍\"\n\tx = 1\r\n",
            &"from sqlalchemy import *\n".repeat(2000),
        ] {
            let payload = encode(code).unwrap();
            assert!(payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(decode(&payload).unwrap(), code);
        }
    }

    #[test]
    fn compresses() {
        let code = "session.add(Parent(name='p'))\n".repeat(100);
        assert!(encode(&code).unwrap().len() < code.len() / 10);
    }

    #[test]
    fn python_zlib_links_decode() {
        // python3 -c "import zlib,base64;c=zlib.compressobj(9,zlib.DEFLATED,-15);
        //   print(base64.urlsafe_b64encode(c.compress(b'print(1)\n')+c.flush()).decode())"
        assert_eq!(decode("KyjKzCvRMNTkAgA=").unwrap(), "print(1)\n");
        assert_eq!(decode("KyjKzCvRMNTkAgA").unwrap(), "print(1)\n");
    }

    #[test]
    fn garbage_base64() {
        assert_eq!(decode("!!!not base64!!!"), Err(ShareError::NotBase64));
        assert_eq!(
            decode("ab+/"),
            Err(ShareError::NotBase64),
            "standard alphabet"
        );
        assert_eq!(
            decode("A"),
            Err(ShareError::NotBase64),
            "one char is no byte"
        );
        assert_eq!(decode("%E2%82"), Err(ShareError::NotBase64));
    }

    #[test]
    fn truncated_or_garbage_deflate() {
        let full = encode(&"print('a fairly long line of code')\n".repeat(20)).unwrap();
        for cut in [1, 2, 5, full.len() / 2, full.len() - 3] {
            let r = decode(&full[..cut]);
            assert!(
                matches!(r, Err(ShareError::Corrupt | ShareError::NotBase64)),
                "cut at {cut}: {r:?}"
            );
        }
        assert_eq!(decode("____________"), Err(ShareError::Corrupt));
        assert_eq!(decode("AAAA"), Err(ShareError::Corrupt));
    }

    #[test]
    fn decompression_bomb_stops_at_the_cap() {
        // 64 MB of zeros compress to ~64 KB: far under the payload cap.
        let bomb = deflate(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < MAX_PAYLOAD_CHARS);
        assert_eq!(decode(&bomb), Err(ShareError::TooBig));
        // Exactly at the cap is fine; one byte more is not.
        assert_eq!(
            decode(&deflate(&vec![b'a'; MAX_CODE_BYTES])).map(|s| s.len()),
            Ok(MAX_CODE_BYTES)
        );
        assert_eq!(
            decode(&deflate(&vec![b'a'; MAX_CODE_BYTES + 1])),
            Err(ShareError::TooBig)
        );
    }

    #[test]
    fn invalid_utf8() {
        assert_eq!(decode(&deflate(b"ok \xff\xfe")), Err(ShareError::NotText));
        assert_eq!(
            decode(&deflate(b"\xed\xa0\x80")),
            Err(ShareError::NotText),
            "surrogate"
        );
    }

    #[test]
    fn huge_fragment_is_refused_before_decoding() {
        let huge = "A".repeat(MAX_PAYLOAD_CHARS + 1);
        assert_eq!(
            decode(&huge),
            Err(ShareError::TooLong(MAX_PAYLOAD_CHARS + 1))
        );
        assert!(ShareError::TooLong(huge.len())
            .to_string()
            .contains("too long"));
    }

    #[test]
    fn too_big_to_share() {
        let code = "x".repeat(MAX_CODE_BYTES + 1);
        assert_eq!(
            encode(&code),
            Err(ShareError::CodeTooBig(MAX_CODE_BYTES + 1))
        );
    }

    #[test]
    fn finds_code_in_fragment() {
        assert_eq!(fragment_code("#code=abc"), Some("abc"));
        assert_eq!(fragment_code("code=abc"), Some("abc"));
        assert_eq!(fragment_code("#x=1&code=abc&y"), Some("abc"));
        assert_eq!(fragment_code("#code="), Some(""));
        assert_eq!(fragment_code("#section"), None);
        assert_eq!(fragment_code(""), None);
        assert_eq!(
            link("http://h/p/?embed", "print(1)\n").unwrap(),
            format!("http://h/p/?embed#code={}", encode("print(1)\n").unwrap())
        );
    }

    #[test]
    fn messages_are_plain() {
        for e in [
            ShareError::TooLong(10),
            ShareError::NotBase64,
            ShareError::Corrupt,
            ShareError::TooBig,
            ShareError::NotText,
            ShareError::CodeTooBig(1),
        ] {
            assert!(!e.to_string().is_empty());
        }
    }
}
