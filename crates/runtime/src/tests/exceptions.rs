//! Raising, matching and clearing exceptions; allocation failures.

use super::*;
use crate::abi::*;
use crate::exceptions::*;
use crate::heap::rpy_alloc;
use crate::traceback::{recorded_entries, rpy_tb_record};

#[test]
fn raise_builtin_sets_type_and_message() {
    let _g = lock();
    unsafe {
        rpy_raise_builtin(VALUE_ERROR as i64, c"bad value".as_ptr() as *const u8);
        let (ty, value) = (rpy_exc_type, rpy_exc_value);
        assert_eq!(ty, builtin_vtable(VALUE_ERROR));
        assert_eq!(field(value, INST_TYPEPTR) as *const u8, ty);
        expect_exc("ValueError", "bad value");
        rpy_raise_builtin(INDEX_ERROR as i64, std::ptr::null());
        assert_eq!(field(rpy_exc_value, EXC_MSG), 0);
        expect_exc("IndexError", "");
        rpy_raise_builtin_str(TYPE_ERROR as i64, s("héllo €"));
        expect_exc("TypeError", "héllo €");
    }
}

#[test]
fn matches_follows_the_hierarchy() {
    let _g = lock();
    let idx = |n| builtin_exception_index(n).unwrap();
    let m = |a, b| unsafe { rpy_exc_matches(builtin_vtable(idx(a)), builtin_vtable(idx(b))) };
    assert_eq!(m("ZeroDivisionError", "ArithmeticError"), 1);
    assert_eq!(m("ZeroDivisionError", "Exception"), 1);
    assert_eq!(m("ZeroDivisionError", "BaseException"), 1);
    assert_eq!(m("ZeroDivisionError", "ZeroDivisionError"), 1);
    assert_eq!(m("ZeroDivisionError", "OverflowError"), 0);
    assert_eq!(m("ArithmeticError", "ZeroDivisionError"), 0);
    assert_eq!(m("KeyError", "LookupError"), 1);
    assert_eq!(m("UnicodeDecodeError", "ValueError"), 1);
    assert_eq!(m("SystemExit", "Exception"), 0);
    assert_eq!(m("KeyboardInterrupt", "BaseException"), 1);
    assert_eq!(
        unsafe { rpy_exc_matches(std::ptr::null(), builtin_vtable(0)) },
        0
    );
}

#[test]
fn raise_reraise_and_traceback_buffer() {
    let _g = lock();
    let locs: Vec<TbLoc> = (0..3)
        .map(|i| TbLoc {
            file: c"f.py".as_ptr() as *const u8,
            func: c"f".as_ptr() as *const u8,
            source_line: std::ptr::null(),
            line: i,
        })
        .collect();
    unsafe {
        rpy_raise_builtin(VALUE_ERROR as i64, std::ptr::null());
        let exc = rpy_exc_value;
        rpy_tb_record(&locs[0]);
        rpy_tb_record(&locs[1]);
        rpy_exc_clear();
        assert!(rpy_exc_type.is_null() && rpy_exc_value.is_null());
        assert_eq!(recorded_entries().len(), 2, "clearing keeps the traceback");
        rpy_reraise(exc);
        let value = rpy_exc_value;
        assert_eq!(value, exc);
        rpy_tb_record(&locs[2]);
        assert_eq!(recorded_entries().len(), 3);
        rpy_raise(exc);
        assert_eq!(recorded_entries().len(), 0, "raise starts a new traceback");
        for _ in 0..250 {
            rpy_tb_record(&locs[0]);
        }
        rpy_tb_record(&locs[2]);
        let e = recorded_entries();
        assert_eq!(e.len(), 200);
        assert_eq!(*e.last().unwrap(), &locs[2] as *const TbLoc);
        rpy_exc_clear();
    }
}

#[test]
fn exc_message_of_null_is_empty() {
    let _g = lock();
    unsafe {
        assert_eq!(text(rpy_exc_message(std::ptr::null_mut())), "");
        rpy_raise_builtin(VALUE_ERROR as i64, c"m".as_ptr() as *const u8);
        let e = rpy_exc_value;
        rpy_exc_clear();
        assert_eq!(text(rpy_exc_message(e)), "m");
    }
}

#[test]
fn alloc_writes_header_and_zeroes() {
    let _g = lock();
    unsafe {
        let p = rpy_alloc(40, Tid::Instance as i64);
        assert_eq!(*(p as *const u64), Tid::Instance as u64);
        assert!((1..5).all(|i| *(p as *const u64).add(i) == 0));
        assert_eq!(p as usize % 8, 0);
        assert!(!rpy_alloc(0, 1).is_null());
        assert!(take_exc().is_none());
        for bad in [-1, i64::MAX, 1 << 60] {
            assert!(rpy_alloc(bad, 1).is_null());
            expect_exc("MemoryError", "");
        }
    }
}
