//! Str construction, kinds, concatenation, comparison, hashing, search, indexing,
//! `chr`/`ord`.

use super::*;
use crate::abi::*;
use crate::strobj::*;
use crate::strops::*;

fn kind(p: *const u8) -> i64 {
    unsafe { field(p, STR_KIND) }
}

#[test]
fn narrowest_kind_is_chosen() {
    let _g = lock();
    unsafe {
        assert_eq!(kind(s("abc")), 1);
        assert_eq!(kind(s("é\u{ff}")), 1);
        assert_eq!(kind(s("€")), 4);
        let t = rpy_str_from_utf8("x€é😀".as_ptr(), "x€é😀".len() as i64);
        assert_eq!(
            (text(t), kind(t), field(t, STR_LEN)),
            ("x€é😀".to_string(), 4, 4)
        );
        let bad = rpy_str_from_utf8(b"a\xffb".as_ptr(), 3);
        assert_eq!(text(bad), "a\u{fffd}b");
        assert_eq!(kind(rpy_str_getitem(s("a€"), 0)), 1);
        assert_eq!(kind(rpy_str_getitem(s("a€"), -1)), 4);
        assert_eq!(kind(rpy_str_concat(s("é"), s("a"))), 1);
        assert_eq!(kind(rpy_str_concat(s("é"), s("€"))), 4);
        assert_eq!(kind(rpy_str_mul(s("é"), 3)), 1);
        assert_eq!(field(empty_str(), STR_LEN), 0);
    }
}

#[test]
fn concat_and_mul() {
    let _g = lock();
    unsafe {
        assert_eq!(text(rpy_str_concat(s("ab"), s("cd"))), "abcd");
        assert_eq!(text(rpy_str_concat(s("a€"), s("é"))), "a€é");
        assert_eq!(text(rpy_str_concat(s(""), s("x"))), "x");
        assert_eq!(text(rpy_str_mul(s("ab"), 3)), "ababab");
        assert_eq!(text(rpy_str_mul(s("€a"), 2)), "€a€a");
        assert_eq!(text(rpy_str_mul(s("ab"), 0)), "");
        assert_eq!(text(rpy_str_mul(s("ab"), -5)), "");
        assert!(rpy_str_mul(s("ab"), i64::MAX / 2 + 1).is_null());
        expect_exc("OverflowError", "repeated string is too long");
        assert!(rpy_str_mul(s("a"), 1 << 60).is_null());
        expect_exc("MemoryError", "");
    }
}

#[test]
fn equality_ordering_hash() {
    let _g = lock();
    unsafe {
        assert_eq!(rpy_str_eq(s("abc"), s("abc")), 1);
        assert_eq!(rpy_str_eq(s("abc"), s("abd")), 0);
        assert_eq!(rpy_str_eq(s("abc"), s("ab")), 0);
        assert_eq!(rpy_str_eq(s("€"), s("€")), 1);
        let cases = [
            ("a", "b", -1),
            ("b", "a", 1),
            ("ab", "abc", -1),
            ("", "", 0),
            ("é", "€", -1),
            ("€", "z", 1),
            ("abc", "abc", 0),
            ("Z", "a", -1),
        ];
        for (a, b, want) in cases {
            assert_eq!(rpy_str_cmp(s(a), s(b)), want, "{a:?} vs {b:?}");
        }
        let h = rpy_str_hash(s("hello"));
        assert_eq!(h, rpy_str_hash(s("hello")));
        assert_ne!(h, rpy_str_hash(s("hellp")));
        assert!(h != 0 && h != -1);
        // Equal text in a non-canonical wide representation hashes the same.
        let wide = alloc_str(2, 4);
        ucs4_data(wide, 2).copy_from_slice(&['h' as u32, 'i' as u32]);
        assert_eq!(rpy_str_hash(wide), rpy_str_hash(s("hi")));
        assert_eq!(rpy_str_eq(wide, s("hi")), 1);
        assert_eq!(field(wide, STR_HASH), rpy_str_hash(wide), "hash is cached");
        assert_eq!(rpy_str_hash(empty_str()), rpy_str_hash(s("")));
        assert_eq!(
            field(empty_str(), STR_HASH),
            0,
            "static strs are never written"
        );
    }
}

#[test]
fn contains() {
    let _g = lock();
    unsafe {
        let cases = [
            ("hello", "ell", 1),
            ("hello", "", 1),
            ("", "", 1),
            ("", "a", 0),
            ("hello", "lol", 0),
            ("hello", "hello!", 0),
            ("a€b", "€", 1),
            ("a€b", "b", 1),
            ("abc", "€", 0),
            ("aaab", "aab", 1),
            ("hello", "o", 1),
        ];
        for (h, n, want) in cases {
            assert_eq!(rpy_str_contains(s(h), s(n)), want, "{n:?} in {h:?}");
        }
    }
}

#[test]
fn getitem() {
    let _g = lock();
    unsafe {
        assert_eq!(text(rpy_str_getitem(s("abc"), 0)), "a");
        assert_eq!(text(rpy_str_getitem(s("abc"), 2)), "c");
        assert_eq!(text(rpy_str_getitem(s("abc"), -1)), "c");
        assert_eq!(text(rpy_str_getitem(s("abc"), -3)), "a");
        for i in [3, -4, i64::MIN, i64::MAX] {
            assert!(rpy_str_getitem(s("abc"), i).is_null());
            expect_exc("IndexError", "string index out of range");
        }
        assert!(rpy_str_getitem(s(""), 0).is_null());
        expect_exc("IndexError", "string index out of range");
    }
}

#[test]
fn from_numbers() {
    let _g = lock();
    unsafe {
        assert_eq!(text(rpy_str_from_int(0)), "0");
        assert_eq!(text(rpy_str_from_int(-42)), "-42");
        assert_eq!(text(rpy_str_from_int(i64::MIN)), "-9223372036854775808");
        assert_eq!(text(rpy_str_from_float(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(text(rpy_str_from_float(-0.0)), "-0.0");
    }
}

#[test]
fn chr_and_ord() {
    let _g = lock();
    unsafe {
        assert_eq!(text(rpy_chr(65)), "A");
        assert_eq!(text(rpy_chr(0x20ac)), "€");
        assert_eq!(rpy_ord(rpy_chr(0x10ffff)), 0x10ffff);
        assert_eq!(rpy_ord(rpy_chr(0xd800)), 0xd800);
        for bad in [-1, 0x110000, i64::MIN] {
            assert!(rpy_chr(bad).is_null());
            expect_exc("ValueError", "chr() arg not in range(0x110000)");
        }
        assert_eq!(rpy_ord(s("é")), 0xe9);
        rpy_ord(s("ab"));
        expect_exc(
            "TypeError",
            "ord() expected a character, but string of length 2 found",
        );
        rpy_ord(s(""));
        expect_exc(
            "TypeError",
            "ord() expected a character, but string of length 0 found",
        );
    }
}

#[test]
fn utf8_encoding() {
    let _g = lock();
    let t = "aé€😀";
    assert_eq!(to_utf8(unsafe { chars(s(t)) }), t.as_bytes());
    let sur = unsafe { crate::strops::rpy_chr(0xdc80) };
    assert_eq!(to_utf8(unsafe { chars(sur) }), b"\xed\xb2\x80");
}
