//! Case and class str methods: lower/upper/swapcase/capitalize/title, the `is...`
//! predicates (from CPython's Unicode tables), and padding: zfill, ljust/rjust/center.

use crate::exceptions::{raise_msg, TYPE_ERROR};
use crate::str_units::is_space;
use crate::strobj::{chars, str_from_code_points, str_from_latin1, Chars};
use crate::unicode_case::{CASE_IGNORABLE, LOWER, UPPER};
use crate::unicode_classes::{in_table, ALPHA, DIGIT, NUMERIC, TITLE};
use crate::unicode_tables::decimal_value;

pub fn is_alpha(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_alphabetic()
    } else {
        in_table(&ALPHA, c)
    }
}

pub fn is_decimal(c: u32) -> bool {
    decimal_value(c).is_some()
}

pub fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_digit()
    } else {
        in_table(&DIGIT, c)
    }
}

pub fn is_numeric(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_digit()
    } else {
        in_table(&NUMERIC, c)
    }
}

pub fn is_lower(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_lowercase()
    } else {
        in_table(&LOWER, c)
    }
}

pub fn is_upper(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_uppercase()
    } else {
        in_table(&UPPER, c)
    }
}

pub fn is_title(c: u32) -> bool {
    c >= 0x80 && in_table(&TITLE, c)
}

/// Cased: lower, upper or title case (CPython's `_PyUnicode_IsCased` for the
/// characters its predicates look at).
fn is_cased(c: u32) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

/// Which predicate [`rpy_str_is`] evaluates.
#[repr(i64)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum StrClass {
    Digit = 0,
    Alpha = 1,
    Alnum = 2,
    Space = 3,
    Upper = 4,
    Lower = 5,
    Decimal = 6,
    Numeric = 7,
    Title = 8,
    Ascii = 9,
}

impl StrClass {
    pub const ALL: [StrClass; 10] = [
        StrClass::Digit,
        StrClass::Alpha,
        StrClass::Alnum,
        StrClass::Space,
        StrClass::Upper,
        StrClass::Lower,
        StrClass::Decimal,
        StrClass::Numeric,
        StrClass::Title,
        StrClass::Ascii,
    ];

    /// The class of a method name (`"isdigit"` → Digit).
    pub fn from_method(name: &str) -> Option<StrClass> {
        StrClass::ALL.into_iter().find(|c| c.method() == name)
    }

    pub fn method(self) -> &'static str {
        match self {
            StrClass::Digit => "isdigit",
            StrClass::Alpha => "isalpha",
            StrClass::Alnum => "isalnum",
            StrClass::Space => "isspace",
            StrClass::Upper => "isupper",
            StrClass::Lower => "islower",
            StrClass::Decimal => "isdecimal",
            StrClass::Numeric => "isnumeric",
            StrClass::Title => "istitle",
            StrClass::Ascii => "isascii",
        }
    }
}

/// Evaluates `s.isdigit()` and the other predicates (see [`StrClass`]) on code points.
pub fn str_is(cs: Chars, class: StrClass) -> bool {
    let all = |f: fn(u32) -> bool| !cs.is_empty() && cs.iter().all(f);
    match class {
        StrClass::Digit => all(is_digit),
        StrClass::Alpha => all(is_alpha),
        StrClass::Alnum => all(|c| is_alpha(c) || is_numeric(c)),
        StrClass::Space => all(is_space),
        StrClass::Decimal => all(is_decimal),
        StrClass::Numeric => all(is_numeric),
        StrClass::Ascii => cs.iter().all(|c| c < 0x80),
        StrClass::Upper | StrClass::Lower => {
            let (want, bad): (fn(u32) -> bool, fn(u32) -> bool) = if class == StrClass::Upper {
                (is_upper, |c| is_lower(c) || is_title(c))
            } else {
                (is_lower, |c| is_upper(c) || is_title(c))
            };
            let mut cased = false;
            for c in cs.iter() {
                if bad(c) {
                    return false;
                }
                cased |= want(c);
            }
            cased
        }
        StrClass::Title => {
            // Upper/title case only after uncased characters, lower case only after
            // cased ones; at least one cased character.
            let (mut cased, mut previous_cased) = (false, false);
            for c in cs.iter() {
                if is_upper(c) || is_title(c) {
                    if previous_cased {
                        return false;
                    }
                    previous_cased = true;
                    cased = true;
                } else if is_lower(c) {
                    if !previous_cased {
                        return false;
                    }
                    previous_cased = true;
                    cased = true;
                } else {
                    previous_cased = false;
                }
            }
            cased
        }
    }
}

/// `s.isdigit()`, `s.isalpha()`... as 0/1; `class` is a [`StrClass`].
#[no_mangle]
pub unsafe extern "C" fn rpy_str_is(s: *mut u8, class: i64) -> i64 {
    let Some(&c) = StrClass::ALL.iter().find(|c| **c as i64 == class) else {
        return 0;
    };
    str_is(chars(s), c) as i64
}

/// Which mapping [`rpy_str_case`] applies.
#[repr(i64)]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum CaseMap {
    Lower = 0,
    Upper = 1,
    Swap = 2,
    Capitalize = 3,
    Title = 4,
}

fn is_case_ignorable(c: u32) -> bool {
    if c < 0x80 {
        matches!(c, 0x27 | 0x2e | 0x3a | 0x5e | 0x60)
    } else {
        in_table(&CASE_IGNORABLE, c)
    }
}

/// The lower case of the capital sigma at `i`: final (`ς`) after a cased letter and not
/// before one, case-ignorable characters skipped (CPython's `handle_capital_sigma`).
fn lower_sigma(cs: Chars, i: usize) -> u32 {
    let before = (0..i)
        .rev()
        .map(|j| cs.at(j))
        .find(|&c| !is_case_ignorable(c));
    let after = (i + 1..cs.len())
        .map(|j| cs.at(j))
        .find(|&c| !is_case_ignorable(c));
    let final_sigma = before.is_some_and(is_cased) && !after.is_some_and(is_cased);
    if final_sigma {
        0x3c2
    } else {
        0x3c3
    }
}

/// Appends the lower case of `cs[i]`.
fn lower_at(cs: Chars, i: usize, out: &mut Vec<u32>) {
    let c = cs.at(i);
    if c == 0x3a3 {
        out.push(lower_sigma(cs, i));
    } else {
        map_char(c, false, out);
    }
}

fn map_char(c: u32, upper: bool, out: &mut Vec<u32>) {
    match char::from_u32(c) {
        Some(ch) if upper => out.extend(ch.to_uppercase().map(|x| x as u32)),
        Some(ch) => out.extend(ch.to_lowercase().map(|x| x as u32)),
        None => out.push(c),
    }
}

/// Title case of one character (its first-letter form: `ǆ` → `ǅ`).
fn title_char(c: u32, out: &mut Vec<u32>) {
    match c {
        0x1c4..=0x1c6 => out.push(0x1c5),
        0x1c7..=0x1c9 => out.push(0x1c8),
        0x1ca..=0x1cc => out.push(0x1cb),
        0x1f1..=0x1f3 => out.push(0x1f2),
        _ if is_title(c) => out.push(c),
        // ŉ and the Greek letters with iota subscript title-case to one letter.
        0x149 => out.extend_from_slice(&[0x2bc, 0x4e]),
        0x1f80..=0x1faf if c & 0xf < 8 => out.push(c + 8),
        0x1fb3 | 0x1fc3 | 0x1ff3 => out.push(c + 9),
        _ => {
            // Otherwise: the first letter of the upper-case mapping, the rest in lower
            // case (`ß` → `Ss`, `ﬁ` → `Fi`).
            let mut up = vec![];
            map_char(c, true, &mut up);
            out.push(up[0]);
            for &u in &up[1..] {
                map_char(u, false, out);
            }
        }
    }
}

/// The code points of `cs` under `map`.
pub fn case_map(cs: Chars, map: CaseMap) -> Vec<u32> {
    let mut out = Vec::with_capacity(cs.len());
    match map {
        CaseMap::Lower => (0..cs.len()).for_each(|i| lower_at(cs, i, &mut out)),
        CaseMap::Upper => cs.iter().for_each(|c| map_char(c, true, &mut out)),
        CaseMap::Swap => {
            for (i, c) in cs.iter().enumerate() {
                if is_upper(c) {
                    lower_at(cs, i, &mut out);
                } else if is_lower(c) {
                    map_char(c, true, &mut out);
                } else {
                    out.push(c);
                }
            }
        }
        CaseMap::Capitalize => {
            for (k, c) in cs.iter().enumerate() {
                if k == 0 {
                    title_char(c, &mut out);
                } else {
                    lower_at(cs, k, &mut out);
                }
            }
        }
        CaseMap::Title => {
            let mut previous_cased = false;
            for (i, c) in cs.iter().enumerate() {
                if previous_cased {
                    lower_at(cs, i, &mut out);
                } else {
                    title_char(c, &mut out);
                }
                previous_cased = is_cased(c);
            }
        }
    }
    out
}

/// `s.lower()`, `s.upper()`, `s.swapcase()`, `s.capitalize()`, `s.title()`; `map` is
/// a [`CaseMap`].
#[no_mangle]
pub unsafe extern "C" fn rpy_str_case(s: *mut u8, map: i64) -> *mut u8 {
    let cs = chars(s);
    if let Chars::Latin1(b) = cs {
        if b.is_ascii() && (map == CaseMap::Lower as i64 || map == CaseMap::Upper as i64) {
            let t: Vec<u8> = if map == CaseMap::Lower as i64 {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            return str_from_latin1(&t);
        }
    }
    let m = match map {
        0 => CaseMap::Lower,
        1 => CaseMap::Upper,
        2 => CaseMap::Swap,
        3 => CaseMap::Capitalize,
        _ => CaseMap::Title,
    };
    str_from_code_points(&case_map(cs, m))
}

/// `s.zfill(width)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_zfill(s: *mut u8, width: i64) -> *mut u8 {
    let cs = chars(s);
    if width <= cs.len() as i64 && !s.is_null() {
        return s;
    }
    let fill = width as usize - cs.len();
    let mut out: Vec<u32> = std::iter::repeat('0' as u32).take(fill).collect();
    out.extend(cs.iter());
    if fill < out.len() && (out[fill] == '+' as u32 || out[fill] == '-' as u32) {
        out[0] = out[fill];
        out[fill] = '0' as u32;
    }
    str_from_code_points(&out)
}

/// `s.ljust(width, fill)` (mode 0), `s.rjust(...)` (1), `s.center(...)` (2).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_pad(s: *mut u8, width: i64, fill: *mut u8, mode: i64) -> *mut u8 {
    let fc = chars(fill);
    if fc.len() != 1 {
        raise_msg(
            TYPE_ERROR,
            "The fill character must be exactly one character long",
        );
        return std::ptr::null_mut();
    }
    let cs = chars(s);
    let len = cs.len() as i64;
    if width <= len && !s.is_null() {
        return s;
    }
    let marg = width - len;
    let left = match mode {
        0 => 0,
        1 => marg,
        // CPython's rounding: the odd cell goes left when both are odd.
        _ => marg / 2 + (marg & width & 1),
    };
    let f = fc.at(0);
    let mut out: Vec<u32> = Vec::with_capacity(width as usize);
    out.extend(std::iter::repeat(f).take(left as usize));
    out.extend(cs.iter());
    out.extend(std::iter::repeat(f).take((marg - left) as usize));
    str_from_code_points(&out)
}
