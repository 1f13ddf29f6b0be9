//! The str methods (search, split, strip, case, predicates, padding, slicing, the
//! builder) against python3 on random strings mixing ASCII, latin-1, wide characters,
//! whitespace and line breaks.

use super::*;
use crate::list::items;
use crate::str_builder::*;
use crate::str_case::*;
use crate::str_repr::repr_string;
use crate::str_search::*;
use crate::str_slice::*;
use crate::str_split::*;

const PIECES: &[&str] = &[
    "a",
    "b",
    "ab",
    "ba",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "é",
    "€",
    "ß",
    "Σ",
    "x",
    "1",
    "²",
    "٣",
    "Ⅷ",
    "ǅ",
    "İ",
    "",
    "\u{85}",
    "\u{3000}",
    "-",
    "+",
    "0",
    "A",
    "Hello",
    "wORLD",
    "\u{1f600}",
    "\u{2028}",
    "\x0b",
    "'",
    ".",
    "\u{345}",
];

fn random_str(rng: &mut Rng) -> String {
    let n = rng.below(7);
    (0..n)
        .map(|_| PIECES[rng.below(PIECES.len() as u64) as usize])
        .collect()
}

fn lit(text: &str) -> String {
    repr_string(unsafe { crate::strobj::chars(s(text)) })
}

fn str_result(p: *mut u8) -> String {
    match take_exc() {
        Some((n, m)) => format!("ERR {n}: {m}"),
        None => repr_string(unsafe { crate::strobj::chars(p) }),
    }
}

fn int_result(v: i64) -> String {
    match take_exc() {
        Some((n, m)) => format!("ERR {n}: {m}"),
        None => v.to_string(),
    }
}

fn bool_result(v: i64) -> String {
    if v != 0 { "True" } else { "False" }.to_string()
}

fn list_result(l: *mut u8) -> String {
    if let Some((n, m)) = take_exc() {
        return format!("ERR {n}: {m}");
    }
    let parts: Vec<String> = unsafe { items(l) }
        .iter()
        .map(|&p| repr_string(unsafe { crate::strobj::chars(p as *const u8) }))
        .collect();
    format!("[{}]", parts.join(", "))
}

fn tuple_result(l: *mut u8) -> String {
    let r = list_result(l);
    if r.starts_with("ERR") {
        return r;
    }
    format!("({})", &r[1..r.len() - 1])
}

/// One case: a Python expression and our result for it.
fn cases(rng: &mut Rng) -> Vec<(String, String)> {
    let mut out = vec![];
    let bounds = [0i64, 1, 2, -1, -3, 5, 100, -100, i64::MAX];
    for _ in 0..1500 {
        let (a, b) = (random_str(rng), random_str(rng));
        let short = PIECES[rng.below(PIECES.len() as u64) as usize];
        let (sa, sb, ss) = (s(&a), s(&b), s(short));
        let (la, lb, ls) = (lit(&a), lit(&b), lit(short));
        let m = rng.below(5) as i64 - 1;
        let (i, j) = (
            bounds[rng.below(bounds.len() as u64) as usize],
            bounds[rng.below(bounds.len() as u64) as usize],
        );
        unsafe {
            out.push((
                format!("{la}.split(None, {m})"),
                list_result(rpy_str_split(sa, std::ptr::null_mut(), m)),
            ));
            out.push((
                format!("{la}.rsplit(None, {m})"),
                list_result(rpy_str_rsplit(sa, std::ptr::null_mut(), m)),
            ));
            out.push((
                format!("{la}.split({ls}, {m})"),
                list_result(rpy_str_split(sa, ss, m)),
            ));
            out.push((
                format!("{la}.rsplit({ls}, {m})"),
                list_result(rpy_str_rsplit(sa, ss, m)),
            ));
            out.push((
                format!("{la}.splitlines({})", if m > 0 { "True" } else { "False" }),
                list_result(rpy_str_splitlines(sa, (m > 0) as i64)),
            ));
            out.push((
                format!("{la}.strip()"),
                str_result(rpy_str_strip(sa, std::ptr::null_mut(), 3)),
            ));
            out.push((
                format!("{la}.lstrip({ls})"),
                str_result(rpy_str_strip(sa, ss, 1)),
            ));
            out.push((
                format!("{la}.rstrip({lb})"),
                str_result(rpy_str_strip(sa, sb, 2)),
            ));
            out.push((format!("{lb}.join({la}.split({ls}))"), {
                let l = rpy_str_split(sa, ss, -1);
                if l.is_null() {
                    list_result(l)
                } else {
                    str_result(rpy_str_join(sb, l))
                }
            }));
            for (name, flags) in [
                ("find", 0),
                ("rfind", FIND_REVERSE),
                ("index", FIND_RAISE),
                ("rindex", 3),
            ] {
                out.push((
                    format!("{la}.{name}({ls}, {i}, {j})"),
                    int_result(rpy_str_find(sa, ss, i, j, flags)),
                ));
            }
            out.push((
                format!("{la}.find({ls})"),
                int_result(rpy_str_find(sa, ss, 0, i64::MAX, 0)),
            ));
            out.push((
                format!("{la}.count({ls}, {i}, {j})"),
                int_result(rpy_str_count(sa, ss, i, j)),
            ));
            out.push((
                format!("{la}.count({ls})"),
                int_result(rpy_str_count(sa, ss, 0, i64::MAX)),
            ));
            out.push((
                format!("{la}.startswith({ls}, {i}, {j})"),
                bool_result(rpy_str_startswith(sa, ss, i, j, 0)),
            ));
            out.push((
                format!("{la}.endswith({ls}, {i}, {j})"),
                bool_result(rpy_str_startswith(sa, ss, i, j, 1)),
            ));
            out.push((
                format!("{la}.startswith({ls})"),
                bool_result(rpy_str_startswith(sa, ss, 0, i64::MAX, 0)),
            ));
            out.push((
                format!("{la}.replace({ls}, {lb}, {m})"),
                str_result(rpy_str_replace(sa, ss, sb, m)),
            ));
            out.push((
                format!("{la}.partition({ls})"),
                tuple_result(rpy_str_partition(sa, ss, 0)),
            ));
            out.push((
                format!("{la}.rpartition({ls})"),
                tuple_result(rpy_str_partition(sa, ss, 1)),
            ));
            for (name, map) in [
                ("lower", 0),
                ("upper", 1),
                ("swapcase", 2),
                ("capitalize", 3),
                ("title", 4),
            ] {
                out.push((format!("{la}.{name}()"), str_result(rpy_str_case(sa, map))));
            }
            for c in StrClass::ALL {
                out.push((
                    format!("{la}.{}()", c.method()),
                    bool_result(rpy_str_is(sa, c as i64)),
                ));
            }
            let w = rng.below(12) as i64 - 2;
            out.push((format!("{la}.zfill({w})"), str_result(rpy_str_zfill(sa, w))));
            for (name, mode) in [("ljust", 0), ("rjust", 1), ("center", 2)] {
                out.push((
                    format!("{la}.{name}({w}, {ls})"),
                    str_result(rpy_str_pad(sa, w, ss, mode)),
                ));
            }
            let step = [1i64, 2, -1, -2, 3, 0][rng.below(6) as usize];
            let mask = rng.below(4) as i64;
            let (p, q) = (
                if mask & HAS_START != 0 {
                    i.to_string()
                } else {
                    "None".into()
                },
                if mask & HAS_STOP != 0 {
                    j.to_string()
                } else {
                    "None".into()
                },
            );
            out.push((
                format!("{la}[{p}:{q}:{step}]"),
                str_result(rpy_str_getslice(sa, i, j, step, mask)),
            ));
            out.push((format!("{la}.split()[{p}:{q}:{step}]"), {
                let l = rpy_str_split(sa, std::ptr::null_mut(), -1);
                list_result(rpy_list_getslice(l, i, j, step, mask))
            }));
        }
    }
    out
}

#[test]
fn str_methods_match_python() {
    let _g = lock();
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let cases = cases(&mut rng);
    let input: String = cases
        .iter()
        .map(|(e, _)| hex(e.as_bytes()) + "\n")
        .collect();
    let script = "import sys\n\
        out = []\n\
        for line in sys.stdin.read().split():\n    \
            e = bytes.fromhex(line).decode()\n    \
            try:\n        r = repr(eval(e))\n    \
            except Exception as x:\n        r = 'ERR %s: %s' % (type(x).__name__, x)\n    \
            out.append(r.encode().hex())\n\
        print('\\n'.join(out))\n";
    let Some(out) = python(script, &input) else {
        return;
    };
    let want: Vec<String> = out
        .lines()
        .map(|l| {
            let b: Vec<u8> = (0..l.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&l[i..i + 2], 16).unwrap())
                .collect();
            String::from_utf8(b).unwrap()
        })
        .collect();
    assert_eq!(want.len(), cases.len());
    let mut bad = 0;
    for ((e, got), w) in cases.iter().zip(&want) {
        if got != w {
            bad += 1;
            if bad < 40 {
                println!("{e}: got {got}, python {w}");
            }
        }
    }
    assert_eq!(bad, 0, "{bad} of {} cases differ", cases.len());
}

/// Every code point's classes against python3 (the tables are generated from it).
#[test]
fn char_classes_match_python() {
    let _g = lock();
    let script = "import sys\n\
        fs = [str.isdigit, str.isalpha, str.isalnum, str.isspace, str.isupper, str.islower, \
        str.isdecimal, str.isnumeric, str.istitle, str.isascii]\n\
        sys.stdout.write(''.join(chr(48 + sum(1 << k for k, f in enumerate(fs) if f(chr(c)))) \
        for c in range(0x110000) if c % 7 == 0 or c < 0x3000))\n";
    let Some(out) = python(script, "") else {
        return;
    };
    let cps: Vec<u32> = (0..0x110000u32)
        .filter(|c| c % 7 == 0 || *c < 0x3000)
        .collect();
    let got: Vec<u32> = out.chars().map(|c| c as u32 - 48).collect();
    assert_eq!(got.len(), cps.len());
    for (&c, &bits) in cps.iter().zip(&got) {
        let one = [c];
        for (k, class) in StrClass::ALL.iter().enumerate() {
            let ours = str_is(crate::strobj::Chars::Ucs4(&one), *class);
            assert_eq!(ours, bits & (1 << k) != 0, "{:?} of U+{c:04X}", class);
        }
    }
}

#[test]
fn builder_appends_and_builds() {
    let _g = lock();
    unsafe {
        let sb = rpy_sb_new(-1);
        assert_eq!(text(rpy_sb_build(sb)), "");
        for k in 0..1000 {
            rpy_sb_append(sb, s(&k.to_string()));
        }
        rpy_sb_append(sb, s("é"));
        rpy_sb_append_slice(sb, s("hello"), 1, 3);
        rpy_sb_append_multiple_char(sb, s("€"), 3);
        rpy_sb_append(sb, s("z"));
        let want: String = (0..1000).map(|k| k.to_string()).collect::<String>() + "éel€€€z";
        assert_eq!(text(rpy_sb_build(sb)), want);
        assert_eq!(
            crate::heap::field(sb, crate::abi::SB_LENGTH),
            want.chars().count() as i64
        );
        rpy_sb_append_slice(sb, s("abc"), 2, 1);
        expect_exc("AssertionError", "append_slice: bad bounds");
        rpy_sb_append_multiple_char(sb, s("ab"), 2);
        expect_exc(
            "AssertionError",
            "append_multiple_char: c must be one character",
        );
        rpy_sb_append_multiple_char(sb, s("x"), -4);
        assert_eq!(text(rpy_sb_build(sb)), want);
    }
}
