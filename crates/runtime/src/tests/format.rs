//! `format()` specs and `%`-formatting against python3, on many values and specs:
//! results and error messages must be the same.

use super::*;
use crate::str_format::{check_spec, format_float, format_int, format_str, Target};
use crate::str_percent::{parse_format, percent_float, percent_int, percent_str, Piece};
use crate::strobj::Chars;

fn text_of(cps: &[u32]) -> String {
    cps.iter()
        .map(|&c| char::from_u32(c).unwrap_or('?'))
        .collect()
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

/// Runs python3 on `cases` (one `kind value spec` line each, value and spec hex-encoded
/// UTF-8); `expr` computes a result from `v` and `spec`. Returns each result or
/// `ERR Type: message`, in order.
fn python_results(cases: &[(char, String, String)], expr: &str) -> Option<Vec<String>> {
    let input: String = cases
        .iter()
        .map(|(k, v, s)| format!("{k} {} {}\n", hex(v.as_bytes()), hex(s.as_bytes())))
        .collect();
    let script = format!(
        "import sys\n\
         def val(k, t):\n    return int(t) if k == 'i' else float(t) if k == 'f' else t\n\
         out = []\n\
         for line in sys.stdin.read().splitlines():\n    \
             k, v, s = line.split(' ')\n    \
             v = val(k, bytes.fromhex(v).decode()); spec = bytes.fromhex(s).decode()\n    \
             try:\n        r = {expr}\n    \
             except Exception as e:\n        r = 'ERR %s: %s' % (type(e).__name__, e)\n    \
             out.append(r.encode().hex())\n\
         print('\\n'.join(out))\n"
    );
    let out = python(&script, &input)?;
    Some(out.lines().map(unhex).collect())
}

fn float_text(x: f64) -> String {
    let mut s = String::new();
    crate::float_repr::write_float_repr(&mut s, x);
    s
}

fn values(rng: &mut Rng) -> (Vec<i64>, Vec<f64>) {
    let mut ints = vec![
        0, 1, -1, 7, 42, -42, 255, 1234, -1234, 1234567, 97, 0x10ffff,
    ];
    ints.extend([i64::MIN, i64::MAX, 10i64.pow(12), -(10i64.pow(15)) - 7]);
    for _ in 0..8 {
        ints.push((rng.next() as i64) >> rng.below(60));
    }
    let mut floats = vec![
        0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1.5e-7, 123456.789, 1e300, 5e-324, 2.5, 0.125, 1234.5,
        -0.0004, 99.995, 1e22, 0.5, 9.5,
    ];
    floats.extend([f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
    for _ in 0..8 {
        floats.push(f64::from_bits(rng.next()));
        floats.push((rng.next() as i64 >> rng.below(50)) as f64 / 1000.0);
    }
    (ints, floats)
}

fn pick<'a>(rng: &mut Rng, xs: &[&'a str]) -> &'a str {
    xs[rng.below(xs.len() as u64) as usize]
}

fn random_spec(rng: &mut Rng, types: &[&str]) -> String {
    let mut s = String::new();
    s += pick(
        rng,
        &[
            "", "", "<", ">", "^", "=", "*<", "*>", "*^", "0=", "x=", "€^",
        ],
    );
    s += pick(rng, &["", "", "+", "-", " "]);
    s += pick(rng, &["", "", "", "z"]);
    s += pick(rng, &["", "", "#"]);
    s += pick(rng, &["", "", "0"]);
    s += pick(rng, &["", "", "1", "8", "15", "30"]);
    s += pick(rng, &["", "", "", ",", "_"]);
    s += pick(rng, &["", "", "", ".0", ".1", ".3", ".10", ".17"]);
    s += pick(rng, types);
    s
}

fn ours_format(kind: char, v: &str, spec: &str) -> String {
    let sp: Vec<u32> = spec.chars().map(|c| c as u32).collect();
    let target = match kind {
        'i' => Target::Int,
        'f' => Target::Float,
        _ => Target::Str,
    };
    let s = match check_spec(&sp, target) {
        Ok(s) => s,
        Err(m) => return format!("ERR ValueError: {m}"),
    };
    let r = match kind {
        'i' => format_int(v.parse().unwrap(), &s),
        'f' => Ok(format_float(v.parse().unwrap(), &s)),
        _ => {
            let cps: Vec<u32> = v.chars().map(|c| c as u32).collect();
            Ok(format_str(Chars::Ucs4(&cps), &s))
        }
    };
    match r {
        Ok(cps) => text_of(&cps),
        Err((_, m)) => format!("ERR OverflowError: {m}"),
    }
}

#[test]
fn format_spec_matches_python() {
    let mut rng = Rng(0x5eed_f00d_1234_5678);
    let (ints, floats) = values(&mut rng);
    let types = [
        "", "", "d", "x", "X", "o", "b", "n", "c", "e", "E", "f", "F", "g", "G", "%", "s", "q",
    ];
    let strs = ["", "a", "abc", "héllo", "€uro", "a long string here"];
    let mut cases = vec![];
    for _ in 0..4000 {
        let spec = random_spec(&mut rng, &types);
        for &i in &ints {
            if rng.below(4) == 0 {
                cases.push(('i', i.to_string(), spec.clone()));
            }
        }
        for &f in &floats {
            if rng.below(4) == 0 {
                cases.push(('f', float_text(f), spec.clone()));
            }
        }
        cases.push(('s', pick(&mut rng, &strs).to_string(), spec.clone()));
    }
    for spec in [
        "", ",", "_", "010,", "0=10,", "_b", "#_x", "012_o", ",.2f", "z.1f", ">+10.3e",
    ] {
        for &i in &ints {
            cases.push(('i', i.to_string(), spec.to_string()));
        }
        for &f in &floats {
            cases.push(('f', float_text(f), spec.to_string()));
        }
    }
    let _g = lock();
    let Some(want) = python_results(&cases, "format(v, spec)") else {
        return;
    };
    assert_eq!(want.len(), cases.len());
    let mut bad = 0;
    for ((k, v, spec), w) in cases.iter().zip(&want) {
        let got = ours_format(*k, v, spec);
        if &got != w {
            bad += 1;
            if bad < 30 {
                println!("format({k}:{v:?}, {spec:?}): got {got:?}, python {w:?}");
            }
        }
    }
    assert_eq!(bad, 0, "{bad} of {} cases differ", cases.len());
}

fn ours_percent(kind: char, v: &str, fmt: &str) -> String {
    let pieces = match parse_format(fmt) {
        Ok(p) => p,
        Err(e) => return format!("ERR ValueError: {}", e.msg),
    };
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Lit(s) => out += &s,
            Piece::Conv(c) => {
                let r = match kind {
                    'i' => percent_int(v.parse().unwrap(), &c),
                    'f' => percent_float(v.parse().unwrap(), &c),
                    _ => {
                        let mut cps: Vec<u32> = v.chars().map(|c| c as u32).collect();
                        if c.ty == b'r' {
                            cps = crate::str_repr::repr_code_points(Chars::Ucs4(&cps));
                        }
                        percent_str(Chars::Ucs4(&cps), &c)
                    }
                };
                match r {
                    Ok(cps) => out += &text_of(&cps),
                    Err((e, m)) => {
                        let name = crate::abi::BUILTIN_EXCEPTIONS[e].0;
                        return format!("ERR {name}: {m}");
                    }
                }
            }
        }
    }
    out
}

#[test]
fn percent_format_matches_python() {
    let mut rng = Rng(0xabad_cafe_0000_0001);
    let (ints, floats) = values(&mut rng);
    let mut cases = vec![];
    for _ in 0..3000 {
        let mut f = String::from(pick(&mut rng, &["", "x=", "<"]));
        f.push('%');
        for flag in ["-", "+", " ", "#", "0"] {
            if rng.below(4) == 0 {
                f += flag;
            }
        }
        f += pick(&mut rng, &["", "", "1", "5", "12"]);
        f += pick(&mut rng, &["", "", ".0", ".2", ".8", "."]);
        let ty = pick(
            &mut rng,
            &[
                "d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "s", "r", "c",
            ],
        );
        f += ty;
        f += pick(&mut rng, &["", ">", " %%"]);
        match ty {
            "s" | "r" | "c" => {
                let s = pick(&mut rng, &["", "a", "abc", "héllo", "€"]);
                cases.push(('s', s.to_string(), f.clone()));
                if ty == "c" {
                    cases.push(('i', pick(&mut rng, &["65", "233", "8364", "-1"]).into(), f));
                }
            }
            _ => {
                for &i in &ints {
                    if rng.below(3) == 0 {
                        cases.push(('i', i.to_string(), f.clone()));
                    }
                }
                if !matches!(ty, "o" | "x" | "X") {
                    for &x in &floats {
                        if rng.below(3) == 0 {
                            cases.push(('f', float_text(x), f.clone()));
                        }
                    }
                }
            }
        }
    }
    for bad in ["%", "%5", "%q", "%.", "%5%", "%ld", "100%% %d"] {
        cases.push(('i', "1".into(), bad.into()));
    }
    let _g = lock();
    let Some(want) = python_results(&cases, "spec % (v,)") else {
        return;
    };
    let mut bad = 0;
    for ((k, v, f), w) in cases.iter().zip(&want) {
        let got = ours_percent(*k, v, f);
        // `%5%` consumes the argument in CPython before failing; the translator
        // refuses it either way.
        if &got != w && !(f == "%5%" && w.starts_with("ERR")) {
            bad += 1;
            if bad < 30 {
                println!("{f:?} % {k}:{v:?}: got {got:?}, python {w:?}");
            }
        }
    }
    assert_eq!(bad, 0, "{bad} of {} cases differ", cases.len());
}
