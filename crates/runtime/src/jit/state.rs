//! The JIT's global state in a running binary: the jitcodes and address table the binary
//! handed over at start-up (`rpy_jit_init`), resolved constants, the parameters, the
//! warm-up counters and the compiled loops.

use super::jitcode::{JConst, JitData};
use super::params::Params;
use super::warmup::Warmup;
use std::collections::HashMap;

pub struct JitState {
    pub data: JitData,
    pub addrs: Vec<u64>,
    /// Per jitcode: its constants as 64-bit words.
    pub consts: Vec<Vec<u64>>,
    /// Function address → call target index (for indirect calls).
    pub target_of_addr: HashMap<u64, u32>,
    /// Call target → jitcode index, for targets that have one.
    pub jitcode_of_target: HashMap<u32, u32>,
    pub params: Params,
    pub warmup: Warmup,
    /// Jitcodes the tracer calls instead of inlining (a trace through them was too long).
    pub dont_inline: std::collections::HashSet<u32>,
}

static mut BLOB: (*const u8, usize, *const u64, usize) = (std::ptr::null(), 0, std::ptr::null(), 0);
static mut STATE: Option<Box<JitState>> = None;

/// Called by the binary's constructor (before `main`) with its tables.
#[no_mangle]
pub unsafe extern "C" fn rpy_jit_init(blob: *const u8, len: i64, addrs: *const u64, n: i64) {
    BLOB = (blob, len as usize, addrs, n as usize);
}

/// The JIT state, decoded on first use. `None` when the binary has no JIT tables or
/// they cannot be read (the JIT then stays off; the program runs unchanged).
#[allow(static_mut_refs)]
pub fn state() -> Option<&'static mut JitState> {
    unsafe {
        if STATE.is_none() {
            let (blob, len, addrs, n) = BLOB;
            if blob.is_null() {
                return None;
            }
            let bytes = std::slice::from_raw_parts(blob, len);
            let data: JitData = match postcard::from_bytes(bytes) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("rpy jit: cannot read the jitcodes ({e}); running without the JIT");
                    BLOB.0 = std::ptr::null();
                    return None;
                }
            };
            let addrs = std::slice::from_raw_parts(addrs, n).to_vec();
            STATE = Some(Box::new(JitState::new(data, addrs)));
        }
        STATE.as_deref_mut()
    }
}

/// The JIT state if it was ever used (for the summary at exit).
#[allow(static_mut_refs)]
pub fn loaded() -> Option<&'static JitState> {
    unsafe { STATE.as_deref() }
}

impl JitState {
    fn new(data: JitData, addrs: Vec<u64>) -> JitState {
        let consts = data
            .jitcodes
            .iter()
            .map(|jc| {
                jc.consts
                    .iter()
                    .map(|(_, c)| match c {
                        JConst::Int(i) => *i as u64,
                        JConst::Float(b) => *b,
                        JConst::Addr(a) => addrs[*a as usize],
                    })
                    .collect()
            })
            .collect();
        let mut target_of_addr = HashMap::new();
        for (k, t) in data.targets.iter().enumerate() {
            target_of_addr.insert(addrs[t.func as usize], k as u32);
        }
        let mut jitcode_of_target = HashMap::new();
        for (k, jc) in data.jitcodes.iter().enumerate() {
            jitcode_of_target.insert(jc.target, k as u32);
        }
        JitState {
            data,
            addrs,
            consts,
            target_of_addr,
            jitcode_of_target,
            params: Params::from_env(),
            warmup: Warmup::default(),
            dont_inline: Default::default(),
        }
    }

    /// The value of operand `o` of jitcode `code` given its registers.
    #[inline]
    pub fn operand(&self, code: u32, regs: &[u64], o: u16) -> u64 {
        let n = regs.len();
        if (o as usize) < n {
            regs[o as usize]
        } else {
            self.consts[code as usize][o as usize - n]
        }
    }
}
