//! One trace → one Cranelift function `fn(frame, entry) -> exit` in the `tail` calling
//! convention (see the parent module doc for the layout).
//!
//! The trace is already SSA, so each trace variable maps straight to a Cranelift value;
//! a label becomes a block whose parameters rebind the label's variables. The entry
//! block loads the inputs from the frame (`entry == 0`) or the last label's arguments
//! (`entry != 0`, how bridges and other loops come in). Each guard branches to a cold
//! exit block; the operations themselves are in [`super::ops`].

use super::Compiled;
use crate::jit::trace::{Arg, Opcode, SnapshotId, Trace, Type, Var};
use cranelift_codegen::ir::types::{F64, I64};
use cranelift_codegen::ir::{
    self, BlockArg, Function, InstBuilder, MemFlagsData, SigRef, Signature, Value,
};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use std::collections::HashMap;

/// What translation needs besides the trace.
pub struct Env<'a> {
    /// This trace's number (the high half of its exit codes).
    pub id: u32,
    /// The address of this trace's bridge slots: one word per snapshot, the code of the
    /// attached bridge or 0.
    pub slots: u64,
    /// The traces compiled so far (targets of `jump ->loopN`).
    pub compiled: &'a HashMap<u32, Compiled>,
    /// The signature of every trace function (`tail`: frame, entry → exit).
    pub trace_sig: &'a Signature,
    /// The native calling convention, for `call_*` and `new`.
    pub native: ir::Signature,
    pub frontend: cranelift_codegen::isa::TargetFrontendConfig,
}

/// What translation found out about the trace.
pub struct Translated {
    /// The most words the trace reads from or writes to the frame.
    pub frame_words: usize,
}

pub(super) struct Tr<'a, 'b> {
    pub b: FunctionBuilder<'b>,
    pub t: &'a Trace,
    pub env: &'a Env<'a>,
    vals: Vec<Option<Value>>,
    /// For a variable that is a comparison result: the `i8` condition, so that a guard
    /// or select on it branches on the flags instead of re-testing the widened word.
    conds: Vec<Option<Value>>,
    /// Whether each variable was defined at or after the last label.
    in_loop: Vec<bool>,
    after_last_label: bool,
    /// The exit block the guards share (parameter: the snapshot number).
    guard_exit: Option<ir::Block>,
    /// The block of the last label, once reached.
    last_block: Option<ir::Block>,
    frame: Value,
    trace_sig: SigRef,
    /// The overflow flag of the last `*_ovf` operation.
    pub ovf: Option<Value>,
    frame_words: usize,
}

pub fn translate(
    func: &mut Function,
    fctx: &mut FunctionBuilderContext,
    t: &Trace,
    env: &Env,
) -> Result<Translated, String> {
    let mut b = FunctionBuilder::new(func, fctx);
    let trace_sig = b.import_signature(env.trace_sig.clone());
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let frame = b.block_params(entry)[0];
    let selector = b.block_params(entry)[1];
    let n = t.types.len();
    let mut tr = Tr {
        b,
        t,
        env,
        vals: vec![None; n],
        conds: vec![None; n],
        in_loop: vec![false; n],
        after_last_label: false,
        last_block: None,
        guard_exit: None,
        frame,
        trace_sig,
        ovf: None,
        frame_words: t.inputs.len(),
    };
    // One block per label, its parameters typed like the label's arguments.
    let mut labels = vec![];
    for op in &t.ops {
        if op.opcode == Opcode::Label {
            let block = tr.b.create_block();
            for &a in &op.args {
                let v = a.var().ok_or("a label argument is a constant")?;
                tr.b.append_block_param(block, clif_type(t.ty(v))?);
            }
            labels.push(block);
        }
    }
    let last_label = t.ops.iter().rev().find(|op| op.opcode == Opcode::Label);
    let body = tr.b.create_block();
    // When the trace starts with its only label, repeating the inputs, both entries
    // are the same.
    let inputs: Vec<Arg> = t.inputs.iter().map(|&v| Arg::Var(v)).collect();
    let first = t.ops.iter().find(|op| op.opcode != Opcode::DebugMergePoint);
    let one_entry = labels.len() == 1
        && first.is_some_and(|op| op.opcode == Opcode::Label && op.args == inputs);
    if let (Some(op), Some(&block), false) = (last_label, labels.last(), one_entry) {
        // A bridge (or another loop) enters at the last label, its arguments in the frame.
        let enter_last = tr.b.create_block();
        tr.b.ins().brif(selector, enter_last, &[], body, &[]);
        tr.b.switch_to_block(enter_last);
        let mut args = vec![];
        for (k, a) in op.args.iter().enumerate() {
            let ty = clif_type(t.arg_type(*a))?;
            args.push(BlockArg::Value(tr.load_frame(ty, k)));
        }
        tr.frame_words = tr.frame_words.max(op.args.len());
        tr.b.ins().jump(block, &args);
    } else {
        tr.b.ins().jump(body, &[]);
    }
    tr.b.switch_to_block(body);
    for (k, &v) in t.inputs.iter().enumerate() {
        let ty = clif_type(t.ty(v))?;
        let x = tr.load_frame(ty, k);
        tr.def(v, x);
    }
    let n_labels = labels.len();
    let mut labels = labels.into_iter();
    let mut seen_labels = 0;
    let mut done = false;
    for op in &t.ops {
        if done {
            return Err(format!("operation after the end: {}", t.op_text(op)));
        }
        let r = match op.opcode {
            Opcode::Label => {
                let block = labels.next().expect("one block per label");
                let args = op
                    .args
                    .iter()
                    .map(|&a| tr.arg(a).map(BlockArg::Value))
                    .collect::<Result<Vec<_>, _>>();
                args.and_then(|args| {
                    tr.b.ins().jump(block, &args);
                    tr.b.switch_to_block(block);
                    seen_labels += 1;
                    tr.after_last_label = seen_labels == n_labels;
                    if tr.after_last_label {
                        tr.last_block = Some(block);
                    }
                    for (k, a) in op.args.iter().enumerate() {
                        let p = tr.b.block_params(block)[k];
                        tr.def(a.var().expect("checked above"), p);
                    }
                    Ok(())
                })
            }
            Opcode::Jump | Opcode::Finish => {
                done = true;
                tr.end(op, op.opcode == Opcode::Jump)
            }
            _ => super::ops::emit(&mut tr, op),
        };
        r.map_err(|e| format!("{e}: in `{}`", t.op_text(op)))?;
    }
    if !done {
        return Err("the trace does not end with jump or finish".into());
    }
    tr.emit_guard_exit();
    let frame_words = tr.frame_words;
    tr.b.seal_all_blocks();
    tr.b.finalize(env.frontend);
    Ok(Translated { frame_words })
}

/// The Cranelift type of a trace type (every value is one word).
pub fn clif_type(t: Type) -> Result<ir::Type, String> {
    match t {
        Type::Int | Type::Ref => Ok(I64),
        Type::Float => Ok(F64),
        Type::Void => Err("a void value".into()),
    }
}

impl Tr<'_, '_> {
    fn load_frame(&mut self, ty: ir::Type, k: usize) -> Value {
        self.b
            .ins()
            .load(ty, MemFlagsData::trusted(), self.frame, (8 * k) as i32)
    }

    fn store_frame(&mut self, v: Value, k: usize) {
        self.frame_words = self.frame_words.max(k + 1);
        self.b
            .ins()
            .store(MemFlagsData::trusted(), v, self.frame, (8 * k) as i32);
    }

    /// Binds variable `v` to `x`.
    pub fn def(&mut self, v: Var, x: Value) {
        let i = v.0 as usize;
        self.vals[i] = Some(x);
        self.conds[i] = None;
        self.in_loop[i] = self.after_last_label;
    }

    /// Binds `v` to the condition `c` (an `i8` 0/1), widened to a word.
    pub fn def_cond(&mut self, v: Var, c: Value) {
        let x = self.b.ins().uextend(I64, c);
        self.def(v, x);
        self.conds[v.0 as usize] = Some(c);
    }

    pub fn var(&self, v: Var) -> Result<Value, String> {
        let i = v.0 as usize;
        let x = self.vals.get(i).copied().flatten();
        let x = x.ok_or_else(|| format!("{} is not defined", self.t.var_name(v)))?;
        if self.after_last_label && !self.in_loop[i] {
            return Err(format!(
                "{} is defined before the last label (a bridge entering there lacks it)",
                self.t.var_name(v)
            ));
        }
        Ok(x)
    }

    /// An operand, as the word or float its type says.
    pub fn arg(&mut self, a: Arg) -> Result<Value, String> {
        match a {
            Arg::Var(v) => self.var(v),
            Arg::Const(c) if c.ty == Type::Float => Ok(self.b.ins().f64const(c.as_float())),
            Arg::Const(c) => Ok(self.b.ins().iconst(I64, c.as_int())),
        }
    }

    /// An int or ref operand.
    pub fn int(&mut self, a: Arg) -> Result<Value, String> {
        match self.t.arg_type(a) {
            Type::Int | Type::Ref => self.arg(a),
            t => Err(format!(
                "{} is not an int or a ref ({t:?})",
                self.t.arg_text(a)
            )),
        }
    }

    /// A float operand.
    pub fn flt(&mut self, a: Arg) -> Result<Value, String> {
        match self.t.arg_type(a) {
            Type::Float => self.arg(a),
            t => Err(format!("{} is not a float ({t:?})", self.t.arg_text(a))),
        }
    }

    /// An int operand as a condition: the comparison's flag when it is one.
    pub fn cond(&mut self, a: Arg) -> Result<Value, String> {
        if let Arg::Var(v) = a {
            self.var(v)?;
            if let Some(c) = self.conds[v.0 as usize] {
                return Ok(c);
            }
        }
        self.int(a)
    }

    /// Leaves the trace at the guard with snapshot `snap` when `cond` is non-zero
    /// (`fail_if` true) or zero (`fail_if` false).
    pub fn guard(
        &mut self,
        snap: Option<SnapshotId>,
        cond: Value,
        fail_if: bool,
    ) -> Result<(), String> {
        let snap = snap.ok_or("a guard without a snapshot")?;
        let fail = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(fail);
        if fail_if {
            self.b.ins().brif(cond, fail, &[], cont, &[]);
        } else {
            self.b.ins().brif(cond, cont, &[], fail, &[]);
        }
        self.b.switch_to_block(fail);
        let vars = self.snapshot_vars(snap)?;
        self.exit(&vars, snap, true)?;
        self.b.switch_to_block(cont);
        Ok(())
    }

    fn snapshot_vars(&self, snap: SnapshotId) -> Result<Vec<Arg>, String> {
        let s = self.t.snapshots.get(snap.0 as usize);
        let s = s.ok_or_else(|| format!("no snapshot #{}", snap.0))?;
        Ok(s.fail_vars().into_iter().map(Arg::Var).collect())
    }

    /// Stores `values` into the frame and leaves with the exit (trace, `snap`), or,
    /// when `bridgeable` and a bridge is attached to `snap`, tail-calls it (through the
    /// exit block all guards share).
    fn exit(&mut self, values: &[Arg], snap: SnapshotId, bridgeable: bool) -> Result<(), String> {
        let vals = values
            .iter()
            .map(|&a| self.arg(a))
            .collect::<Result<Vec<_>, _>>()?;
        for (k, v) in vals.into_iter().enumerate() {
            self.store_frame(v, k);
        }
        if bridgeable {
            let block = match self.guard_exit {
                Some(b) => b,
                None => {
                    let b = self.b.create_block();
                    self.b.set_cold_block(b);
                    self.b.append_block_param(b, I64);
                    self.guard_exit = Some(b);
                    b
                }
            };
            let k = self.b.ins().iconst(I64, i64::from(snap.0));
            self.b.ins().jump(block, &[BlockArg::Value(k)]);
        } else {
            let code = super::super::Exit::encode(self.env.id, snap) as i64;
            let code = self.b.ins().iconst(I64, code);
            self.b.ins().return_(&[code]);
        }
        Ok(())
    }

    /// The exit path shared by the guards, given the snapshot number `k` (the fail
    /// values are in the frame): tail-call the bridge in slot `k`, or return the exit.
    fn emit_guard_exit(&mut self) {
        let Some(block) = self.guard_exit else { return };
        self.b.switch_to_block(block);
        let k = self.b.block_params(block)[0];
        let offset = self.b.ins().ishl_imm_s(k, 3);
        let slots = self.b.ins().iconst(I64, self.env.slots as i64);
        let slot = self.b.ins().iadd(slots, offset);
        let bridge = self.b.ins().load(I64, MemFlagsData::trusted(), slot, 0);
        let (call, ret) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(call);
        self.b.set_cold_block(ret);
        self.b.ins().brif(bridge, call, &[], ret, &[]);
        self.b.switch_to_block(call);
        let zero = self.b.ins().iconst(I64, 0);
        let frame = self.frame;
        self.b
            .ins()
            .return_call_indirect(self.trace_sig, bridge, &[frame, zero]);
        self.b.switch_to_block(ret);
        let high = self
            .b
            .ins()
            .iconst(I64, (u64::from(self.env.id) << 32) as i64);
        let code = self.b.ins().bor(high, k);
        self.b.ins().return_(&[code]);
    }

    /// `jump` (to this trace's last label or to loop N's) or `finish`.
    fn end(&mut self, op: &crate::jit::trace::Op, jump: bool) -> Result<(), String> {
        if !jump {
            return match op.snapshot {
                Some(s) => {
                    let vars = self.snapshot_vars(s)?;
                    self.exit(&vars, s, true)
                }
                None => self.exit(&op.args, super::super::Exit::NO_SNAPSHOT, false),
            };
        }
        match op.target {
            Some(n) if n != self.env.id => {
                let target = self.env.compiled.get(&n);
                let target = target.ok_or_else(|| format!("loop {n} is not compiled"))?;
                // A bridge enters a loop from the top, with the loop's inputs (the
                // optimizer's peeled loop needs its preamble to run first).
                let inputs = target.inputs();
                if inputs.len() != op.args.len()
                    || inputs
                        .iter()
                        .zip(&op.args)
                        .any(|(&t, &a)| t != self.t.arg_type(a))
                {
                    return Err(format!("the arguments do not match loop {n}'s inputs"));
                }
                let vals = op
                    .args
                    .iter()
                    .map(|&a| self.arg(a))
                    .collect::<Result<Vec<_>, _>>()?;
                for (k, v) in vals.into_iter().enumerate() {
                    self.store_frame(v, k);
                }
                let code = self.b.ins().iconst(I64, target.code() as i64);
                let zero = self.b.ins().iconst(I64, 0);
                let frame = self.frame;
                self.b
                    .ins()
                    .return_call_indirect(self.trace_sig, code, &[frame, zero]);
                Ok(())
            }
            _ => {
                let block = self.last_label_block()?;
                let params = self.b.block_params(block).len();
                if params != op.args.len() {
                    return Err("the arguments do not match the last label".into());
                }
                let args = op
                    .args
                    .iter()
                    .map(|&a| self.arg(a).map(BlockArg::Value))
                    .collect::<Result<Vec<_>, _>>()?;
                for (k, a) in op.args.iter().enumerate() {
                    let want = self.b.func.dfg.value_type(self.b.block_params(block)[k]);
                    if clif_type(self.t.arg_type(*a))? != want {
                        return Err(format!("argument {k} has the wrong type for the label"));
                    }
                }
                self.b.ins().jump(block, &args);
                Ok(())
            }
        }
    }

    fn last_label_block(&self) -> Result<ir::Block, String> {
        self.last_block
            .ok_or_else(|| "a jump without a target in a trace without a label".into())
    }

    /// Calls the native function at `callee` with `args` (types from `params`), returning
    /// the raw result (`ret` is its Cranelift type, `I8` for an `i1` result).
    pub fn call_native(
        &mut self,
        callee: Value,
        args: &[Value],
        ret: Option<ir::Type>,
    ) -> Option<Value> {
        let mut sig = self.env.native.clone();
        for &a in args {
            let ty = self.b.func.dfg.value_type(a);
            sig.params.push(ir::AbiParam::new(ty));
        }
        if let Some(r) = ret {
            sig.returns.push(ir::AbiParam::new(r));
        }
        let sig = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sig, callee, args);
        self.b.inst_results(call).first().copied()
    }
}
