//! `int(s, base)` and `float(s)` against python3, on hand-picked and generated strings.

use super::*;
use crate::float_parse::rpy_float_from_str;
use crate::int_parse::rpy_int_from_str;

const INT_CASES: &[&str] = &[
    "0",
    "-0",
    "+7",
    " 42 ",
    "\t-17\n",
    "1_000",
    "1__0",
    "_1",
    "1_",
    "0x1f",
    "0X1F",
    "0o17",
    "0b101",
    "0b",
    "0x",
    "0x_f",
    "0x__f",
    "0_0",
    "00",
    "010",
    "0_7",
    "-0x10",
    "- 1",
    "1 2",
    "",
    " ",
    "abc",
    "z",
    "Z",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999",
    "0xffffffffffffffff",
    "-0x8000000000000000",
    "\u{661}\u{662}",
    "\u{a0}5\u{3000}",
    "\u{ff11}\u{ff10}",
    "1\u{661}x",
    "\x1c1",
    "1\x00",
    "€",
    "0b2",
    "0o8",
    "1e5",
    "1.0",
    "+",
    "-",
    "+-1",
    "٣",
    "𝟘𝟙",
    "0x1_2_3",
    "1_2_3",
];

const BASES: &[i64] = &[10, 0, 2, 8, 16, 36, 7, 1, 37, -1];

fn int_inputs() -> Vec<(String, i64)> {
    let mut v: Vec<(String, i64)> = Vec::new();
    for c in INT_CASES {
        for &b in BASES {
            v.push((c.to_string(), b));
        }
    }
    let pieces = [
        "0", "1", "7", "9", "a", "f", "z", "x", "o", "b", "_", " ", "-", "+", "\t", "\u{661}",
        "\u{a0}", "é", "00", "0x", "0b",
    ];
    let mut rng = Rng(77);
    for _ in 0..3000 {
        let n = rng.below(7) as usize;
        let t: String = (0..n)
            .map(|_| pieces[rng.below(pieces.len() as u64) as usize])
            .collect();
        v.push((t, [0, 10, 16, 2, 8, 36][rng.below(6) as usize]));
    }
    v.push(("1".repeat(5000), 10));
    v.push(("1".repeat(5000) + "x", 10));
    v.push(("1_".repeat(4400) + "1", 10));
    v.push(("1".repeat(5000) + "_", 10));
    v.push(("0".repeat(5000), 0));
    v.push(("0".repeat(5000), 16));
    v.push(("0".repeat(4300) + "5", 10));
    v.push(("x".repeat(300), 10));
    v.push(("é".repeat(300), 10));
    v
}

#[test]
fn int_from_str_matches_python() {
    let _g = lock();
    let inputs = int_inputs();
    let stdin: String = inputs
        .iter()
        .map(|(t, b)| format!("{b} {}\n", hex(t.as_bytes())))
        .collect();
    let script = "import sys
for line in sys.stdin.read().splitlines():
    b, h = line.split(' ') if ' ' in line else (line, '')
    t = bytes.fromhex(h).decode()
    try:
        print('V', int(t, int(b)))
    except ValueError as e:
        print('E', str(e).encode().hex())";
    let Some(out) = python(script, &stdin) else {
        return;
    };
    let want: Vec<&str> = out.lines().collect();
    assert_eq!(want.len(), inputs.len());
    for ((t, b), w) in inputs.iter().zip(want) {
        let v = unsafe { rpy_int_from_str(s(t), *b) };
        let got = match take_exc() {
            None => format!("V {v}"),
            Some((name, msg)) if name == "ValueError" => format!("E {}", hex(msg.as_bytes())),
            Some((name, msg)) => {
                assert_eq!(
                    (name.as_str(), msg.as_str()),
                    (
                        "OverflowError",
                        "int too large to convert to 64-bit integer"
                    )
                );
                let big: i128 = w.strip_prefix("V ").unwrap().parse().unwrap_or(i128::MAX);
                assert!(
                    i64::try_from(big).is_err(),
                    "{t:?} base {b}: overflow for {w}"
                );
                continue;
            }
        };
        assert_eq!(got, w, "int({t:?}, {b})");
    }
}

const FLOAT_CASES: &[&str] = &[
    "0",
    "1.5",
    "-1.5",
    "+.5",
    "5.",
    ".",
    "1e5",
    "1E+5",
    "1e-5",
    "1e",
    "1e+",
    ".e5",
    "1.e5",
    " 2.5 ",
    "\n3\t",
    "1_0.5_5e1_0",
    "1_.5",
    "1._5",
    "_1",
    "1_",
    "1__0",
    "1e_5",
    "inf",
    "-inf",
    "+InFiNiTy",
    "infinity",
    "infinit",
    "nan",
    "-nan",
    "+NaN",
    "nan_",
    "in f",
    "inf ",
    "1e400",
    "-1e400",
    "1e-400",
    "4.9e-324",
    "2.4703282292062328e-324",
    "0.30000000000000004",
    "123456789012345678901234567890",
    "0x10",
    "1 2",
    "",
    " ",
    "abc",
    "\u{661}.\u{665}",
    "\u{a0}1.5\u{2003}",
    "\x1c1",
    "1\x00",
    "1_0\x00x",
    "€",
    "--1",
    "+-1",
    "9007199254740993",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "00012",
    "1e0001",
    "1.0e-7",
    ".0",
    "0.",
    "-0",
    "-0.0e0",
];

#[test]
fn float_from_str_matches_python() {
    let _g = lock();
    let mut inputs: Vec<String> = FLOAT_CASES.iter().map(|c| c.to_string()).collect();
    let pieces = [
        "0", "1", "5", "9", ".", "e", "E", "-", "+", "_", " ", "i", "n", "f", "a", "\u{663}",
        "inf", "nan", "e-", "00",
    ];
    let mut rng = Rng(4242);
    for _ in 0..4000 {
        let n = rng.below(8) as usize;
        inputs.push(
            (0..n)
                .map(|_| pieces[rng.below(pieces.len() as u64) as usize])
                .collect(),
        );
    }
    inputs.push("1".repeat(500) + ".5e-400");
    inputs.push("0.".to_string() + &"0".repeat(400) + "1e400");
    let stdin: String = inputs
        .iter()
        .map(|t| format!("x{}\n", hex(t.as_bytes())))
        .collect();
    let script = "import sys, struct
for line in sys.stdin.read().split():
    t = bytes.fromhex(line[1:]).decode()
    try:
        print('V', struct.pack('<d', float(t)).hex())
    except ValueError as e:
        print('E', str(e).encode().hex())";
    let Some(out) = python(script, &stdin) else {
        return;
    };
    let want: Vec<&str> = out.lines().collect();
    assert_eq!(want.len(), inputs.len());
    for (t, w) in inputs.iter().zip(want) {
        let v = unsafe { rpy_float_from_str(s(t)) };
        let got = match take_exc() {
            None => format!("V {}", hex(&v.to_le_bytes())),
            Some((name, msg)) => {
                assert_eq!(name, "ValueError");
                format!("E {}", hex(msg.as_bytes()))
            }
        };
        assert_eq!(got, w, "float({t:?})");
    }
}

#[test]
fn parse_messages() {
    let _g = lock();
    unsafe {
        rpy_int_from_str(s("abc"), 10);
        expect_exc(
            "ValueError",
            "invalid literal for int() with base 10: 'abc'",
        );
        rpy_int_from_str(s("1"), 1);
        expect_exc("ValueError", "int() base must be >= 2 and <= 36, or 0");
        rpy_int_from_str(s("9223372036854775808"), 10);
        expect_exc(
            "OverflowError",
            "int too large to convert to 64-bit integer",
        );
        assert_eq!(rpy_int_from_str(s("-9223372036854775808"), 10), i64::MIN);
        rpy_float_from_str(s("x"));
        expect_exc("ValueError", "could not convert string to float: 'x'");
    }
}
