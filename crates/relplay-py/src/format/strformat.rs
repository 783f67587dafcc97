//! `str.format` / `str.format_map` template parsing, following CPython
//! 3.11's Objects/stringlib/unicode_format.h.
//!
//! CPython parses the template lazily while rendering, so a malformed part
//! is only reported after the fields before it were looked up and formatted
//! (which may raise first). [`parse_format_pieces`] keeps that order: it
//! returns the pieces up to the first problem, ending with a
//! [`FormatPiece::Error`] to raise (`ValueError`) when the VM reaches it.

/// One piece of a `str.format` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatPiece {
    /// Literal text (`{{`/`}}` already unescaped).
    Literal(String),
    /// A replacement field.
    Field(FormatField),
    /// Raise `ValueError(message)` on reaching this piece.
    Error(String),
}

/// The first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldArg {
    /// A positional argument (explicit `{0}`, or automatic `{}`).
    Index(usize),
    /// A keyword argument `{name}`.
    Keyword(String),
}

/// A `.attr` or `[key]` step after the first part of a field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccessor {
    /// `.name` → `getattr(obj, "name")`.
    Attr(String),
    /// `[3]` → `obj[3]` (all-digit key).
    Index(usize),
    /// `[key]` → `obj["key"]`.
    Key(String),
}

/// `{arg.attr[key]!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatField {
    /// The argument the field starts from.
    pub arg: FieldArg,
    /// Whether `arg` was numbered automatically (`{}`).
    pub auto: bool,
    /// Attribute / item steps, applied in order after looking `arg` up.
    pub accessors: Vec<FieldAccessor>,
    /// Raised (`ValueError`) after the accessors above were applied
    /// (a malformed rest of the field name, e.g. `{0[a]b}`).
    pub accessor_error: Option<String>,
    /// `!r`, `!s`, `!a` (anything else: see [`conversion_error`]).
    pub conversion: Option<char>,
    /// The format spec, as pieces: nested `{}` fields inside it are
    /// expanded (after the field's own lookup and conversion) and the
    /// resulting text is the spec passed to `format()`.
    pub spec: Vec<FormatPiece>,
    /// The raw spec text (before expansion).
    pub spec_text: String,
}

/// `Err` for a conversion character other than `r`, `s`, `a`.
pub fn conversion_error(c: char) -> Option<String> {
    match c {
        'r' | 's' | 'a' => None,
        _ if (c as u32) > 32 && (c as u32) < 127 => {
            Some(format!("Unknown conversion specifier {}", c))
        }
        _ => Some(format!("Unknown conversion specifier \\x{:x}", c as u32)),
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: AutoState,
    next: usize,
}

/// Parses a whole template; the first error is returned as `Err`.
pub fn parse_format_string(s: &str) -> Result<Vec<FormatPiece>, String> {
    let pieces = parse_format_pieces(s);
    if let Some(msg) = first_error(&pieces) {
        return Err(msg);
    }
    Ok(pieces)
}

fn first_error(pieces: &[FormatPiece]) -> Option<String> {
    for p in pieces {
        match p {
            FormatPiece::Error(m) => return Some(m.clone()),
            FormatPiece::Field(f) => {
                if let Some(m) = &f.accessor_error {
                    return Some(m.clone());
                }
                if let Some(m) = f.conversion.and_then(conversion_error) {
                    return Some(m);
                }
                if let Some(m) = first_error(&f.spec) {
                    return Some(m);
                }
            }
            FormatPiece::Literal(_) => {}
        }
    }
    None
}

/// Parses a template lazily, as CPython renders it: on a malformed part the
/// list ends with [`FormatPiece::Error`].
pub fn parse_format_pieces(s: &str) -> Vec<FormatPiece> {
    let chars: Vec<char> = s.chars().collect();
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build(&chars, 2, &mut auto)
}

fn push_literal(out: &mut Vec<FormatPiece>, text: &[char]) {
    if text.is_empty() {
        return;
    }
    if let Some(FormatPiece::Literal(prev)) = out.last_mut() {
        prev.extend(text);
    } else {
        out.push(FormatPiece::Literal(text.iter().collect()));
    }
}

fn build(s: &[char], depth: i32, auto: &mut AutoNumber) -> Vec<FormatPiece> {
    let mut out = Vec::new();
    if depth <= 0 {
        out.push(FormatPiece::Error("Max string recursion exceeded".into()));
        return out;
    }
    let end = s.len();
    let mut pos = 0;
    while pos < end {
        // literal text
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < end {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && markup && (at_end || s[pos] != '}') {
            out.push(FormatPiece::Error(
                "Single '}' encountered in format string".into(),
            ));
            return out;
        }
        if at_end && c == '{' && markup {
            out.push(FormatPiece::Error(
                "Single '{' encountered in format string".into(),
            ));
            return out;
        }
        if !at_end && markup {
            if s[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        push_literal(&mut out, &s[start..start + len]);
        if !markup {
            continue;
        }
        match parse_field(s, &mut pos) {
            Err(msg) => {
                out.push(FormatPiece::Error(msg));
                return out;
            }
            Ok((name, conversion, spec)) => match make_field(name, conversion, spec, depth, auto) {
                Ok(f) => out.push(FormatPiece::Field(f)),
                Err(msg) => {
                    out.push(FormatPiece::Error(msg));
                    return out;
                }
            },
        }
    }
    out
}

type RawField<'a> = (&'a [char], Option<char>, Option<(&'a [char], bool)>);

/// CPython's `parse_field`: from just after `{` to just after its `}`.
fn parse_field<'a>(s: &'a [char], pos: &mut usize) -> Result<RawField<'a>, String> {
    let end = s.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err("unexpected '{' in field name".into()),
            '[' => {
                while *pos < end && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    if !matches!(c, '}' | ':' | '!') {
        return Err("expected '}' before end of string".into());
    }
    let name = &s[name_start..*pos - 1];
    if c == '}' {
        // the loop may have ended at end of input after a '[' scan
        return Ok((name, None, None));
    }
    let mut conversion = None;
    if c == '!' {
        if *pos >= end {
            return Err("end of string while looking for conversion specifier".into());
        }
        conversion = Some(s[*pos]);
        *pos += 1;
        if *pos < end {
            let c2 = s[*pos];
            *pos += 1;
            if c2 == '}' {
                return Ok((name, conversion, None));
            }
            if c2 != ':' {
                return Err("expected ':' after conversion specifier".into());
            }
        }
    }
    let spec_start = *pos;
    let mut count = 1;
    let mut needs_expanding = false;
    while *pos < end {
        let c = s[*pos];
        *pos += 1;
        match c {
            '{' => {
                needs_expanding = true;
                count += 1;
            }
            '}' => {
                count -= 1;
                if count == 0 {
                    return Ok((
                        name,
                        conversion,
                        Some((&s[spec_start..*pos - 1], needs_expanding)),
                    ));
                }
            }
            _ => {}
        }
    }
    Err("unmatched '{' in format spec".into())
}

/// All-decimal-digit text → its value; `Ok(None)` when not all digits.
fn get_integer(s: &[char]) -> Result<Option<usize>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
    }
    Ok(Some(acc))
}

fn make_field(
    name: &[char],
    conversion: Option<char>,
    spec: Option<(&[char], bool)>,
    depth: i32,
    auto: &mut AutoNumber,
) -> Result<FormatField, String> {
    // field_name_split
    let first_end = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let idx = get_integer(first)?;
    let empty = first.is_empty();
    let numeric = empty || idx.is_some();
    if auto.state == AutoState::Init && numeric {
        auto.state = if empty {
            AutoState::Auto
        } else {
            AutoState::Manual
        };
    }
    if numeric {
        if auto.state == AutoState::Manual && empty {
            return Err(
                "cannot switch from manual field specification to automatic field numbering".into(),
            );
        }
        if auto.state != AutoState::Manual && !empty {
            return Err(
                "cannot switch from automatic field numbering to manual field specification".into(),
            );
        }
    }
    let arg = if empty {
        let n = auto.next;
        auto.next += 1;
        FieldArg::Index(n)
    } else if let Some(i) = idx {
        FieldArg::Index(i)
    } else {
        FieldArg::Keyword(first.iter().collect())
    };
    // the rest of the field name
    let mut accessors = Vec::new();
    let mut accessor_error = None;
    let rest = &name[first_end..];
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        i += 1;
        let (is_attr, text) = match c {
            '.' => {
                let st = i;
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                (true, &rest[st..i])
            }
            '[' => {
                let st = i;
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    accessor_error = Some("Missing ']' in format string".to_string());
                    break;
                }
                i += 1;
                (false, &rest[st..i - 1])
            }
            _ => {
                accessor_error =
                    Some("Only '.' or '[' may follow ']' in format field specifier".to_string());
                break;
            }
        };
        if text.is_empty() {
            accessor_error = Some("Empty attribute in format string".to_string());
            break;
        }
        if is_attr {
            accessors.push(FieldAccessor::Attr(text.iter().collect()));
        } else {
            match get_integer(text) {
                Ok(Some(n)) => accessors.push(FieldAccessor::Index(n)),
                Ok(None) => accessors.push(FieldAccessor::Key(text.iter().collect())),
                Err(m) => {
                    accessor_error = Some(m);
                    break;
                }
            }
        }
    }
    let (spec_pieces, spec_text) = match spec {
        None => (Vec::new(), String::new()),
        Some((text, needs_expanding)) => {
            let spec_text: String = text.iter().collect();
            let pieces = if needs_expanding {
                build(text, depth - 1, auto)
            } else if spec_text.is_empty() {
                Vec::new()
            } else {
                vec![FormatPiece::Literal(spec_text.clone())]
            };
            (pieces, spec_text)
        }
    };
    Ok(FormatField {
        arg,
        auto: empty,
        accessors,
        accessor_error,
        conversion,
        spec: spec_pieces,
        spec_text,
    })
}

/// What [`render_format`] needs from the VM.
pub trait FormatArgs {
    /// The VM's value type.
    type Value;
    /// The VM's exception type.
    type Error;
    /// `args[index]` (CPython: `IndexError: Replacement index 3 out of
    /// range for positional args tuple`).
    fn positional(&mut self, index: usize) -> Result<Self::Value, Self::Error>;
    /// `kwargs[name]` (`KeyError: 'name'`).
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Error>;
    /// `getattr(value, name)`.
    fn attr(&mut self, value: Self::Value, name: &str) -> Result<Self::Value, Self::Error>;
    /// `value[index]` for an all-digit key.
    fn item_index(&mut self, value: Self::Value, index: usize) -> Result<Self::Value, Self::Error>;
    /// `value[key]` for any other key (a `str`).
    fn item_key(&mut self, value: Self::Value, key: &str) -> Result<Self::Value, Self::Error>;
    /// `repr(value)` / `str(value)` / `ascii(value)` for `!r` / `!s` / `!a`.
    fn convert(&mut self, value: Self::Value, conversion: char)
        -> Result<Self::Value, Self::Error>;
    /// `format(value, spec)`.
    fn format(&mut self, value: Self::Value, spec: &str) -> Result<String, Self::Error>;
}

/// A failure of [`render_format`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError<E> {
    /// A malformed template: raise `ValueError(message)`.
    Template(String),
    /// An exception raised by one of the [`FormatArgs`] callbacks.
    Vm(E),
}

/// Renders parsed pieces in CPython's order: each field is looked up,
/// walked through its accessors, converted, its nested spec rendered, then
/// formatted; a template error is raised when reached.
pub fn render_format<A: FormatArgs + ?Sized>(
    pieces: &[FormatPiece],
    args: &mut A,
) -> Result<String, FormatError<A::Error>> {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            FormatPiece::Literal(t) => out.push_str(t),
            FormatPiece::Error(m) => return Err(FormatError::Template(m.clone())),
            FormatPiece::Field(f) => {
                let mut v = match &f.arg {
                    FieldArg::Index(i) => args.positional(*i),
                    FieldArg::Keyword(k) => args.keyword(k),
                }
                .map_err(FormatError::Vm)?;
                for acc in &f.accessors {
                    v = match acc {
                        FieldAccessor::Attr(a) => args.attr(v, a),
                        FieldAccessor::Index(i) => args.item_index(v, *i),
                        FieldAccessor::Key(k) => args.item_key(v, k),
                    }
                    .map_err(FormatError::Vm)?;
                }
                if let Some(m) = &f.accessor_error {
                    return Err(FormatError::Template(m.clone()));
                }
                if let Some(c) = f.conversion {
                    if let Some(m) = conversion_error(c) {
                        return Err(FormatError::Template(m));
                    }
                    v = args.convert(v, c).map_err(FormatError::Vm)?;
                }
                let spec = render_format(&f.spec, args)?;
                out.push_str(&args.format(v, &spec).map_err(FormatError::Vm)?);
            }
        }
    }
    Ok(out)
}
