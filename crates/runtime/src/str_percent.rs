//! `%`-formatting (`"%5.2f" % x`), after CPython's `unicodeobject.c`: parsing a format
//! string into literal pieces and conversions ([`parse_format`], shared with the
//! translator, which compiles constant format strings), and one conversion of an int,
//! float or str ([`percent_int`], [`percent_float`], [`percent_str`]) with CPython's
//! flag, width and precision rules (`unicode_format_arg_output`).

use crate::exceptions::{raise_msg, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::float_format::{double_to_string, FloatFlags};
use crate::strobj::{chars, str_from_code_points, Chars};

pub const F_LJUST: u8 = 1;
pub const F_SIGN: u8 = 2;
pub const F_BLANK: u8 = 4;
pub const F_ALT: u8 = 8;
pub const F_ZERO: u8 = 16;

/// One `%` conversion: flags, width, precision and type.
#[derive(Clone, Debug, PartialEq)]
pub struct Conv {
    pub flags: u8,
    pub width: Option<usize>,
    pub prec: Option<usize>,
    /// `s r a c d i u o x X e E f F g G`.
    pub ty: u8,
    /// The conversion's text after the `%` (`-5.2f`), as the runtime takes it.
    pub text: String,
}

/// A piece of a parsed format string.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Lit(String),
    Conv(Conv),
}

/// Why a format string cannot be used: CPython's ValueError message, or a feature the
/// translator does not support (`python` false).
#[derive(Clone, Debug, PartialEq)]
pub struct FormatError {
    pub msg: String,
    pub python: bool,
}

fn py_err(msg: String) -> FormatError {
    FormatError { msg, python: true }
}

/// Splits a `%` format string into literal text and conversions (`%%` is literal).
pub fn parse_format(fmt: &str) -> Result<Vec<Piece>, FormatError> {
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = vec![];
    let mut lit = String::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '%' {
            lit.push(cs[i]);
            i += 1;
            continue;
        }
        let start = i + 1;
        i += 1;
        if i < cs.len() && cs[i] == '%' {
            lit.push('%');
            i += 1;
            continue;
        }
        if i < cs.len() && cs[i] == '(' {
            return Err(FormatError {
                msg: "`%(name)` mapping keys need a dict".into(),
                python: false,
            });
        }
        let mut flags = 0;
        while i < cs.len() {
            flags |= match cs[i] {
                '-' => F_LJUST,
                '+' => F_SIGN,
                ' ' => F_BLANK,
                '#' => F_ALT,
                '0' => F_ZERO,
                _ => break,
            };
            i += 1;
        }
        let number = |i: &mut usize| -> Result<Option<usize>, FormatError> {
            if *i < cs.len() && cs[*i] == '*' {
                return Err(FormatError {
                    msg: "`*` widths and precisions are not supported".into(),
                    python: false,
                });
            }
            let mut v: Option<usize> = None;
            while *i < cs.len() && cs[*i].is_ascii_digit() {
                let d = cs[*i] as usize - '0' as usize;
                v = Some(
                    v.unwrap_or(0)
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(d))
                        .filter(|&v| v <= i32::MAX as usize)
                        .ok_or_else(|| py_err("width too big".into()))?,
                );
                *i += 1;
            }
            Ok(v)
        };
        let width = number(&mut i)?;
        let mut prec = None;
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            prec = Some(number(&mut i)?.unwrap_or(0));
        }
        if i < cs.len() && matches!(cs[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= cs.len() {
            return Err(py_err("incomplete format".into()));
        }
        let ty = cs[i];
        if !"sracdiuoxXeEfFgG".contains(ty) {
            return Err(py_err(format!(
                "unsupported format character '{ty}' (0x{:x}) at index {i}",
                ty as u32
            )));
        }
        i += 1;
        if !lit.is_empty() {
            out.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        out.push(Piece::Conv(Conv {
            flags,
            width,
            prec,
            ty: ty as u8,
            text: cs[start..i].iter().collect(),
        }));
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

/// Parses the text of one conversion (as [`Conv::text`] holds it).
pub fn parse_conv(text: &str) -> Option<Conv> {
    match parse_format(&format!("%{text}")).ok()?.as_slice() {
        [Piece::Conv(c)] => Some(c.clone()),
        _ => None,
    }
}

/// Pads a converted value (CPython's `unicode_format_arg_output`); `numeric` says
/// whether signs and `0` padding apply.
fn output(text: &[u32], c: &Conv, numeric: bool) -> Vec<u32> {
    let fill = if numeric && c.flags & F_ZERO != 0 {
        '0' as u32
    } else {
        ' ' as u32
    };
    let mut len = text.len() as i64;
    if matches!(c.ty, b's' | b'r' | b'a') {
        if let Some(p) = c.prec {
            len = len.min(p as i64);
        }
    }
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut signchar = 0;
    if sign {
        let ch = text.first().copied().unwrap_or(0);
        if ch == '-' as u32 || ch == '+' as u32 {
            signchar = ch;
            len -= 1;
            pindex += 1;
        } else if c.flags & F_SIGN != 0 {
            signchar = '+' as u32;
        } else if c.flags & F_BLANK != 0 {
            signchar = ' ' as u32;
        } else {
            sign = false;
        }
    }
    let mut width = c.width.map_or(-1, |w| w as i64).max(len);
    let prefixed = c.flags & F_ALT != 0 && matches!(c.ty, b'x' | b'X' | b'o');
    let mut out = Vec::with_capacity(width as usize + 1);
    if sign {
        if fill != ' ' as u32 {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    if prefixed {
        if fill != ' ' as u32 {
            out.extend_from_slice(&['0' as u32, c.ty as u32]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && c.flags & F_LJUST == 0 {
        out.extend(std::iter::repeat(fill).take((width - len) as usize));
        width = len;
    }
    if fill == ' ' as u32 {
        if sign {
            out.push(signchar);
        }
        if prefixed {
            out.extend_from_slice(&['0' as u32, c.ty as u32]);
            pindex += 2;
        }
    }
    let len = len.max(0) as usize;
    out.extend_from_slice(&text[pindex.min(text.len())..(pindex + len).min(text.len())]);
    if width > len as i64 {
        out.extend(std::iter::repeat(' ' as u32).take((width - len as i64) as usize));
    }
    out
}

fn ascii(s: &str) -> Vec<u32> {
    s.bytes().map(|b| b as u32).collect()
}

/// The text of an integer conversion (`_PyUnicode_FormatLong`): `magnitude` is the
/// decimal digits of the absolute value when `digits10` is given (floats beyond i64).
fn long_text(negative: bool, mag: u64, digits10: Option<String>, c: &Conv) -> Vec<u32> {
    let (mut digits, prefix) = match c.ty {
        b'o' => (format!("{mag:o}"), "0o"),
        b'x' => (format!("{mag:x}"), "0x"),
        b'X' => (format!("{mag:X}"), "0X"),
        _ => (digits10.unwrap_or_else(|| mag.to_string()), ""),
    };
    if let Some(p) = c.prec {
        if p > digits.len() {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let mut s = String::new();
    if negative {
        s.push('-');
    }
    if c.flags & F_ALT != 0 {
        s.push_str(prefix);
    }
    s.push_str(&digits);
    ascii(&s)
}

/// One conversion of an int (`d i u o x X c`, and the float types).
pub fn percent_int(x: i64, c: &Conv) -> Result<Vec<u32>, (usize, String)> {
    match c.ty {
        b'c' => {
            if !(0..0x110000).contains(&x) {
                return Err((OVERFLOW_ERROR, "%c arg not in range(0x110000)".into()));
            }
            Ok(output(&[x as u32], c, false))
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => percent_float(x as f64, c),
        b's' | b'r' | b'a' => Ok(output(&ascii(&x.to_string()), c, false)),
        _ => Ok(output(
            &long_text(x < 0, x.unsigned_abs(), None, c),
            c,
            true,
        )),
    }
}

/// One conversion of a float (`e E f F g G`, and `d i u` which truncate it).
pub fn percent_float(x: f64, c: &Conv) -> Result<Vec<u32>, (usize, String)> {
    match c.ty {
        b'd' | b'i' | b'u' => {
            if x.is_nan() {
                return Err((VALUE_ERROR, "cannot convert float NaN to integer".into()));
            }
            if x.is_infinite() {
                return Err((
                    OVERFLOW_ERROR,
                    "cannot convert float infinity to integer".into(),
                ));
            }
            let t = x.trunc();
            let digits = format!("{:.0}", t.abs());
            Ok(output(&long_text(t < 0.0, 0, Some(digits), c), c, true))
        }
        b's' | b'r' | b'a' => {
            let mut s = String::new();
            crate::float_repr::write_float_repr(&mut s, x);
            Ok(output(&ascii(&s), c, false))
        }
        _ => {
            let flags = FloatFlags {
                alt: c.flags & F_ALT != 0,
                ..FloatFlags::default()
            };
            let text = double_to_string(x, c.ty, c.prec.unwrap_or(6), flags);
            Ok(output(&ascii(&text), c, true))
        }
    }
}

/// One conversion of a str (`s r a`, already converted, and `c`).
pub fn percent_str(s: Chars, c: &Conv) -> Result<Vec<u32>, (usize, String)> {
    if c.ty == b'c' && s.len() != 1 {
        return Err((TYPE_ERROR, "%c requires int or char".into()));
    }
    Ok(output(&s.to_vec(), c, false))
}

unsafe fn finish(r: Result<Vec<u32>, (usize, String)>) -> *mut u8 {
    match r {
        Ok(cps) => str_from_code_points(&cps),
        Err((exc, msg)) => {
            raise_msg(exc, &msg);
            std::ptr::null_mut()
        }
    }
}

unsafe fn conv_of(spec: *mut u8) -> Option<Conv> {
    let c = parse_conv(&chars(spec).to_string_lossy());
    if c.is_none() {
        raise_msg(VALUE_ERROR, "incomplete format");
    }
    c
}

/// `"%<spec>" % x` for an int `x`; `spec` is the conversion without its `%`.
#[no_mangle]
pub unsafe extern "C" fn rpy_percent_int(x: i64, spec: *mut u8) -> *mut u8 {
    match conv_of(spec) {
        Some(c) => finish(percent_int(x, &c)),
        None => std::ptr::null_mut(),
    }
}

/// `"%<spec>" % x` for a float `x`.
#[no_mangle]
pub unsafe extern "C" fn rpy_percent_float(x: f64, spec: *mut u8) -> *mut u8 {
    match conv_of(spec) {
        Some(c) => finish(percent_float(x, &c)),
        None => std::ptr::null_mut(),
    }
}

/// `"%<spec>" % s` for a str `s` (`%s`, and `%r`/`%a` of its repr already made).
#[no_mangle]
pub unsafe extern "C" fn rpy_percent_str(s: *mut u8, spec: *mut u8) -> *mut u8 {
    match conv_of(spec) {
        Some(c) => finish(percent_str(chars(s), &c)),
        None => std::ptr::null_mut(),
    }
}
