//! `repr()` of floats as CPython writes it: the shortest digits that round-trip,
//! in fixed notation when the decimal exponent is in [-4, 16), otherwise in scientific
//! notation with at least two exponent digits (`1e+16`, `1.5e-07`).

use std::fmt::Write;

/// Appends `repr(x)` to `out`.
pub fn write_float_repr(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    let sci = shortest_sci(x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.as_str();
    if !(-4..16).contains(&exp) {
        let (first, rest) = digits.split_at(digits.len().min(1));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let point = (exp + 1) as usize;
        if point < digits.len() {
            let (int_part, frac) = digits.split_at(point);
            out.push_str(int_part);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str(digits);
            for _ in digits.len()..point {
                out.push('0');
            }
            out.push_str(".0");
        }
    }
}

/// The shortest round-tripping digits of finite `ax >= 0` as "d[.ddd]e<exp>", the one
/// closest to `ax` and, between two equally close ones, the one with an even last digit
/// (David Gay's mode 0, which CPython uses).
fn shortest_sci(ax: f64) -> String {
    // Rust's `{:e}` gives the shortest round-tripping digits, but breaks ties upward.
    let shortest = format!("{ax:e}");
    let n = shortest
        .split('e')
        .next()
        .unwrap_or("")
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    // The correctly rounded (ties to even) n-digit form is the closest one; use it
    // when it also round-trips.
    let closest = format!("{:.*e}", n.saturating_sub(1), ax);
    if closest != shortest && closest.parse::<f64>() == Ok(ax) {
        closest
    } else {
        shortest
    }
}

/// `repr(x)`.
pub fn float_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    write_float_repr(&mut s, x);
    s
}
