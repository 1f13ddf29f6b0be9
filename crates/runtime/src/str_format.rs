//! `format(value, spec)` for ints, floats and strs — the format-spec mini-language of
//! f-strings — as CPython's `Python/formatter_unicode.c` implements it: parsing and
//! validating a spec ([`parse_spec`], [`check_spec`], shared with the annotator, which
//! refuses bad constant specs), and the number layout with sign, prefix, grouping,
//! sign-aware zero padding and alignment ([`layout_number`]).

use crate::exceptions::{raise_msg, OVERFLOW_ERROR, VALUE_ERROR};
use crate::float_format::{double_to_string, FloatFlags};
use crate::strobj::{chars, str_from_code_points, Chars};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub fill: u32,
    /// `<`, `>`, `^` or `=` (the default depends on the value's type).
    pub align: u8,
    /// `+`, `-`, ` `, or 0 when not given.
    pub sign: u8,
    pub no_neg_0: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// `,` or `_`, or 0.
    pub sep: u8,
    pub precision: Option<usize>,
    /// The presentation type, or 0 when not given.
    pub ty: u8,
}

/// What a spec formats: its default alignment, the types it accepts, and the name
/// CPython's messages give it.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Target {
    Int,
    Bool,
    Float,
    Str,
}

impl Target {
    pub fn type_name(self) -> &'static str {
        match self {
            Target::Int => "int",
            Target::Bool => "bool",
            Target::Float => "float",
            Target::Str => "str",
        }
    }
}

fn is_align(c: u32) -> bool {
    matches!(c, 0x3c | 0x3e | 0x3d | 0x5e) // < > = ^
}

fn get_integer(s: &[u32], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut v: usize = 0;
    while *pos < s.len() && (0x30..=0x39).contains(&s[*pos]) {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add((s[*pos] - 0x30) as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or("Too many decimal digits in format string")?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(v))
}

fn spec_text(s: &[u32]) -> String {
    s.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

/// Parses a spec for a value of `target` (CPython's `parse_internal_render_format_spec`);
/// the error is CPython's ValueError message.
pub fn parse_spec(s: &[u32], target: Target) -> Result<Spec, String> {
    let default_align = if target == Target::Str { b'<' } else { b'>' };
    let mut spec = Spec {
        fill: ' ' as u32,
        align: default_align,
        sign: 0,
        no_neg_0: false,
        alt: false,
        width: None,
        sep: 0,
        precision: None,
        ty: match target {
            Target::Str => b's',
            Target::Int | Target::Bool => b'd',
            Target::Float => 0,
        },
    };
    let (mut pos, end) = (0, s.len());
    let mut fill_given = false;
    let mut align_given = false;
    if end >= 2 && is_align(s[1]) {
        spec.align = s[1] as u8;
        spec.fill = s[0];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if end >= 1 && is_align(s[0]) {
        spec.align = s[0] as u8;
        align_given = true;
        pos = 1;
    }
    if pos < end && matches!(s[pos], 0x2b | 0x2d | 0x20) {
        spec.sign = s[pos] as u8;
        pos += 1;
    }
    if pos < end && s[pos] == 'z' as u32 {
        spec.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && s[pos] == '#' as u32 {
        spec.alt = true;
        pos += 1;
    }
    if !fill_given && pos < end && s[pos] == '0' as u32 {
        spec.fill = '0' as u32;
        if !align_given && default_align == b'>' {
            spec.align = b'=';
        }
        pos += 1;
    }
    spec.width = get_integer(s, &mut pos)?;
    if pos < end && s[pos] == ',' as u32 {
        spec.sep = b',';
        pos += 1;
    }
    if pos < end && s[pos] == '_' as u32 {
        if spec.sep != 0 {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        spec.sep = b'_';
        pos += 1;
    }
    if pos < end && s[pos] == ',' as u32 && spec.sep == b'_' {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if pos < end && s[pos] == '.' as u32 {
        pos += 1;
        spec.precision = get_integer(s, &mut pos)?;
        if spec.precision.is_none() {
            return Err("Format specifier missing precision".into());
        }
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec_text(s),
            target.type_name()
        ));
    }
    if end - pos == 1 {
        let t = s[pos];
        if t >= 0x80 {
            return Err(unknown_type(t, target));
        }
        spec.ty = t as u8;
    }
    if spec.sep != 0 {
        let ok = match spec.ty {
            0 | b'd' | b'e' | b'f' | b'g' | b'E' | b'G' | b'%' | b'F' => true,
            b'b' | b'o' | b'x' | b'X' => spec.sep == b'_',
            _ => false,
        };
        if !ok {
            let t = spec.ty;
            return Err(if t > 32 && t < 128 {
                format!(
                    "Cannot specify '{}' with '{}'.",
                    spec.sep as char, t as char
                )
            } else {
                format!("Cannot specify '{}' with '\\x{:x}'.", spec.sep as char, t)
            });
        }
    }
    Ok(spec)
}

fn unknown_type(t: u32, target: Target) -> String {
    let c = char::from_u32(t).unwrap_or('\u{fffd}');
    if t > 32 && t < 128 {
        format!(
            "Unknown format code '{c}' for object of type '{}'",
            target.type_name()
        )
    } else {
        format!(
            "Unknown format code '\\x{t:x}' for object of type '{}'",
            target.type_name()
        )
    }
}

/// Parses and validates a spec for `target` as `format()` would; an empty spec is
/// always valid (it means `str(value)`).
pub fn check_spec(s: &[u32], target: Target) -> Result<Spec, String> {
    let spec = parse_spec(s, target)?;
    let int_like = matches!(target, Target::Int | Target::Bool);
    match (target, spec.ty) {
        (Target::Str, 0 | b's') => {
            if spec.sign == b' ' {
                return Err("Space not allowed in string format specifier".into());
            }
            if spec.sign != 0 {
                return Err("Sign not allowed in string format specifier".into());
            }
            if spec.no_neg_0 {
                return Err(
                    "Negative zero coercion (z) not allowed in string format specifier".into(),
                );
            }
            if spec.alt {
                return Err("Alternate form (#) not allowed in string format specifier".into());
            }
            if spec.align == b'=' {
                return Err("'=' alignment not allowed in string format specifier".into());
            }
        }
        (_, 0 | b'b' | b'c' | b'd' | b'o' | b'x' | b'X' | b'n') if int_like => {
            if spec.precision.is_some() {
                return Err("Precision not allowed in integer format specifier".into());
            }
            if spec.no_neg_0 {
                return Err(
                    "Negative zero coercion (z) not allowed in integer format specifier".into(),
                );
            }
            if spec.ty == b'c' && spec.sign != 0 {
                return Err("Sign not allowed with integer format specifier 'c'".into());
            }
            if spec.ty == b'c' && spec.alt {
                return Err(
                    "Alternate form (#) not allowed with integer format specifier 'c'".into(),
                );
            }
        }
        (Target::Float | Target::Int | Target::Bool, 0)
        | (_, b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%')
            if target != Target::Str => {}
        (Target::Float, b'n') => {}
        (_, t) => return Err(unknown_type(t as u32, target)),
    }
    Ok(spec)
}

/// Groups `digits` from the right with `sep` every `group` digits, zero-padding them
/// to at least `min_width` characters (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &[u32], sep: u32, group: usize, min_width: i64) -> Vec<u32> {
    let mut out: Vec<u32> = vec![];
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    let zero = '0' as u32;
    let push = |out: &mut Vec<u32>, l: i64, remaining: i64| {
        let n_chars = remaining.min(l).max(0);
        let n_zeros = (l - remaining).max(0);
        // Written backwards: the digits, then the zeros left of them.
        let end = remaining as usize;
        out.extend(digits[end - n_chars as usize..end].iter().rev());
        out.extend(std::iter::repeat(zero).take(n_zeros as usize));
        n_chars
    };
    if sep == 0 {
        let l = remaining.max(min_width).max(1);
        push(&mut out, l, remaining);
    } else {
        let mut first = true;
        loop {
            if !first {
                out.push(sep);
            }
            first = false;
            let l = (group as i64).min(remaining.max(min_width).max(1));
            let n = push(&mut out, l, remaining);
            remaining -= n;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        }
    }
    out.reverse();
    out
}

/// The parts of a formatted number: its sign, a prefix (`0x`), the integer digits,
/// whether a decimal point follows, and the rest (fraction, exponent, `%`, or the whole
/// text of `inf`/`nan`/a `c` character).
pub struct Number {
    pub negative: bool,
    pub prefix: Vec<u32>,
    pub digits: Vec<u32>,
    pub decimal: bool,
    pub rest: Vec<u32>,
}

/// Lays out a number under `spec` (CPython's `calc_number_widths` and `fill_number`);
/// `group` is the grouping size (3, or 4 for `_` with b/o/x/X).
pub fn layout_number(n: &Number, spec: &Spec, group: usize) -> Vec<u32> {
    let sign = match (n.negative, spec.sign) {
        (true, _) => Some('-' as u32),
        (false, b'+') => Some('+' as u32),
        (false, b' ') => Some(' ' as u32),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digit =
        sign.is_some() as i64 + n.prefix.len() as i64 + n.decimal as i64 + n.rest.len() as i64;
    let min_width = if spec.fill == '0' as u32 && spec.align == b'=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if n.digits.is_empty() {
        vec![]
    } else {
        group_digits(&n.digits, spec.sep as u32, group, min_width)
    };
    let padding = (width - non_digit - grouped.len() as i64).max(0) as usize;
    let (l, s, r) = match spec.align {
        b'<' => (0, 0, padding),
        b'^' => (padding / 2, 0, padding - padding / 2),
        b'=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = |out: &mut Vec<u32>, k: usize| out.extend(std::iter::repeat(spec.fill).take(k));
    let mut out = Vec::with_capacity(grouped.len() + non_digit as usize + padding);
    fill(&mut out, l);
    out.extend(sign);
    out.extend_from_slice(&n.prefix);
    fill(&mut out, s);
    out.extend(grouped);
    if n.decimal {
        out.push('.' as u32);
    }
    out.extend_from_slice(&n.rest);
    fill(&mut out, r);
    out
}

fn ascii(s: &str) -> Vec<u32> {
    s.bytes().map(|b| b as u32).collect()
}

/// `format(x, spec)` for an int, as code points.
pub fn format_int(x: i64, spec: &Spec) -> Result<Vec<u32>, (usize, String)> {
    let (base, prefix) = match spec.ty {
        b'b' => (2, "0b"),
        b'o' => (8, "0o"),
        b'x' => (16, "0x"),
        b'X' => (16, "0X"),
        b'c' => {
            if !(0..0x110000).contains(&x) {
                return Err((OVERFLOW_ERROR, "%c arg not in range(0x110000)".into()));
            }
            let n = Number {
                negative: false,
                prefix: vec![],
                digits: vec![],
                decimal: false,
                rest: vec![x as u32],
            };
            return Ok(layout_number(&n, spec, 3));
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%' => return Ok(format_float(x as f64, spec)),
        _ => (10, ""),
    };
    let mag = x.unsigned_abs();
    let mut digits = match base {
        2 => format!("{mag:b}"),
        8 => format!("{mag:o}"),
        16 => format!("{mag:x}"),
        _ => mag.to_string(),
    };
    if spec.ty == b'X' {
        digits.make_ascii_uppercase();
    }
    let n = Number {
        negative: x < 0,
        prefix: if spec.alt { ascii(prefix) } else { vec![] },
        digits: ascii(&digits),
        decimal: false,
        rest: vec![],
    };
    Ok(layout_number(&n, spec, if base == 10 { 3 } else { 4 }))
}

/// `format(x, spec)` for a float, as code points.
pub fn format_float(x: f64, spec: &Spec) -> Vec<u32> {
    let mut flags = FloatFlags {
        alt: spec.alt,
        no_neg_0: spec.no_neg_0,
        ..FloatFlags::default()
    };
    let (mut ty, mut x, mut pct) = (spec.ty, x, false);
    let mut precision = spec.precision;
    if ty == 0 {
        flags.add_dot_0 = true;
        ty = if precision.is_some() { b'g' } else { b'r' };
    }
    if ty == b'n' {
        ty = b'g';
    }
    if ty == b'%' {
        ty = b'f';
        x *= 100.0;
        pct = true;
    }
    if precision.is_none() && ty != b'r' {
        precision = Some(6);
    }
    let text = double_to_string(x, ty, precision.unwrap_or(0), flags);
    let body = text.strip_prefix('-');
    let negative = body.is_some();
    let body = body.unwrap_or(&text).as_bytes();
    let k = body.iter().take_while(|c| c.is_ascii_digit()).count();
    let decimal = body.get(k) == Some(&b'.');
    let mut rest = ascii(std::str::from_utf8(&body[k + decimal as usize..]).unwrap_or(""));
    if pct {
        rest.push('%' as u32);
    }
    let n = Number {
        negative,
        prefix: vec![],
        digits: ascii(std::str::from_utf8(&body[..k]).unwrap_or("")),
        decimal,
        rest,
    };
    layout_number(&n, spec, 3)
}

/// `format(s, spec)` for a str: precision truncates, then padding.
pub fn format_str(s: Chars, spec: &Spec) -> Vec<u32> {
    let mut len = s.len();
    if let Some(p) = spec.precision {
        len = len.min(p);
    }
    let total = spec.width.unwrap_or(0).max(len);
    let left = match spec.align {
        b'>' => total - len,
        b'^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = Vec::with_capacity(total);
    out.extend(std::iter::repeat(spec.fill).take(left));
    out.extend(s.iter().take(len));
    out.extend(std::iter::repeat(spec.fill).take(total - len - left));
    out
}

/// Parses the spec object for `target`, raising ValueError when it is invalid.
unsafe fn spec_of(spec: *mut u8, target: Target) -> Option<Spec> {
    match check_spec(&chars(spec).to_vec(), target) {
        Ok(s) => Some(s),
        Err(msg) => {
            raise_msg(VALUE_ERROR, &msg);
            None
        }
    }
}

/// `format(x, spec)` for an int (a non-empty spec).
#[no_mangle]
pub unsafe extern "C" fn rpy_format_int(x: i64, spec: *mut u8) -> *mut u8 {
    let Some(sp) = spec_of(spec, Target::Int) else {
        return std::ptr::null_mut();
    };
    match format_int(x, &sp) {
        Ok(cps) => str_from_code_points(&cps),
        Err((exc, msg)) => {
            raise_msg(exc, &msg);
            std::ptr::null_mut()
        }
    }
}

/// `format(x, spec)` for a float (a non-empty spec).
#[no_mangle]
pub unsafe extern "C" fn rpy_format_float(x: f64, spec: *mut u8) -> *mut u8 {
    let Some(sp) = spec_of(spec, Target::Float) else {
        return std::ptr::null_mut();
    };
    str_from_code_points(&format_float(x, &sp))
}

/// `format(s, spec)` for a str (a non-empty spec).
#[no_mangle]
pub unsafe extern "C" fn rpy_format_str(s: *mut u8, spec: *mut u8) -> *mut u8 {
    let Some(sp) = spec_of(spec, Target::Str) else {
        return std::ptr::null_mut();
    };
    str_from_code_points(&format_str(chars(s), &sp))
}
