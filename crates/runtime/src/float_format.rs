//! CPython's `PyOS_double_to_string`: floats in the `e`, `f`, `g` and `r` (repr)
//! styles with a precision and flags, as `%`-formatting and `format()` use it.
//!
//! The digits come from Rust's float formatting, which is correctly rounded (ties to
//! even on the exact binary value) like David Gay's `dtoa` that CPython uses; the
//! layout is a port of CPython's `format_float_short`.

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Copy, Clone, Default, Debug)]
pub struct FloatFlags {
    /// Always write a sign (`+` for non-negative values).
    pub sign: bool,
    /// Write `.0` after an integral value in fixed notation (repr and `format()`
    /// without a type).
    pub add_dot_0: bool,
    /// The alternate form: keep the decimal point and trailing zeros.
    pub alt: bool,
    /// Write negative zero (after rounding) without its sign.
    pub no_neg_0: bool,
}

/// `dtoa` digits of `x` (finite, non-negative): the significant digits without
/// trailing zeros and the position of the decimal point relative to them. Mode 0: the
/// shortest digits that round-trip; mode 2: `n` significant digits; mode 3: `n` digits
/// after the decimal point.
fn dtoa(x: f64, mode: u8, n: usize) -> (Vec<u8>, i64) {
    if x == 0.0 {
        return (b"0".to_vec(), 1);
    }
    let (mut digits, mut decpt) = match mode {
        3 => {
            let s = format!("{:.*}", n, x);
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            let mut d = int.as_bytes().to_vec();
            d.extend_from_slice(frac.as_bytes());
            (d, int.len() as i64)
        }
        _ => {
            let s = if mode == 0 {
                format!("{:e}", x)
            } else {
                format!("{:.*e}", n.max(1) - 1, x)
            };
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
            (d, exp.parse::<i64>().unwrap_or(0) + 1)
        }
    };
    let lead = digits.iter().take_while(|&&c| c == b'0').count();
    if lead == digits.len() {
        // Rounded to zero (fixed notation only): no digits.
        return (vec![], -(n as i64));
    }
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of `e E f F g G
/// r` (`r` ignores `precision`).
pub fn double_to_string(x: f64, code: u8, precision: usize, flags: FloatFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if !x.is_finite() {
        if x.is_sign_negative() && !x.is_nan() {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let (mode, precision) = match code {
        b'e' => (2, precision + 1),
        b'f' => (3, precision),
        b'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    let (digits, mut decpt) = dtoa(x.abs(), mode, precision);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let precision = precision as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'f' => vdigits_end = decpt + precision,
        b'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros =
        |out: &mut String, n: i64| out.extend(std::iter::repeat('0').take(n.max(0) as usize));
    let text = |d: &[u8]| String::from_utf8_lossy(d).into_owned();
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&text(&digits[decpt as usize..]));
    } else {
        out.push_str(&text(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}
