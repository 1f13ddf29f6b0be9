//! The module-level emitter: types, declarations and static data (str objects, vtables,
//! prebuilt lists, traceback locations), plus the C `main` that calls the entry point.

use cranelift_entity::EntityRef;
use frontend::entities::{GraphId, ObjId};
use frontend::source::{SourceMap, Span};
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{
    BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FloatType, IntType, PointerType,
};
use inkwell::values::{
    BasicValue, BasicValueEnum, FunctionValue, GlobalValue, IntValue, PointerValue,
};
use inkwell::AddressSpace;
use rpyrt::abi::{Tid, FLAG_STATIC};
use rpyrt::gc::layout::{make_tid, ARRAY_PLAIN, ARRAY_REFS};
use rtyper::lltype::{LlConst, LlType};
use rtyper::runtime_fns::RuntimeFn;
use rtyper::LlProgram;
use std::collections::HashMap;

/// The header flags of a mutable object in static data: the write barrier must see
/// the first reference stored into it (it then becomes a root of the GC).
const MUTABLE_STATIC: u64 = FLAG_STATIC | rpyrt::gc::FLAG_TRACK_YOUNG;

pub struct Emitter<'ctx, 'a> {
    pub ctx: &'ctx Context,
    pub module: &'a Module<'ctx>,
    pub prog: &'a LlProgram,
    pub sources: &'a SourceMap,
    pub builder: Builder<'ctx>,
    pub i1: IntType<'ctx>,
    pub i8: IntType<'ctx>,
    pub i32: IntType<'ctx>,
    pub i64: IntType<'ctx>,
    pub f64: FloatType<'ctx>,
    pub ptr: PointerType<'ctx>,
    pub functions: HashMap<GraphId, FunctionValue<'ctx>>,
    runtime: HashMap<&'static str, FunctionValue<'ctx>>,
    strs: HashMap<String, GlobalValue<'ctx>>,
    cstrs: HashMap<String, GlobalValue<'ctx>>,
    vtables: Vec<GlobalValue<'ctx>>,
    lists: HashMap<ObjId, GlobalValue<'ctx>>,
    instances: HashMap<ObjId, GlobalValue<'ctx>>,
    tuples: HashMap<ObjId, GlobalValue<'ctx>>,
    cells: HashMap<usize, GlobalValue<'ctx>>,
    dicts: HashMap<ObjId, GlobalValue<'ctx>>,
    locs: HashMap<(Span, GraphId), GlobalValue<'ctx>>,
    pub exc_type: GlobalValue<'ctx>,
    pub exc_value: GlobalValue<'ctx>,
    /// With `--jit`: what jitgen made.
    pub jit: Option<&'a jitgen::JitProgram>,
    /// The graphs whose calls may collect (see `gcroots::collecting_graphs`).
    pub collecting: std::collections::HashSet<GraphId>,
}

impl<'ctx, 'a> Emitter<'ctx, 'a> {
    pub fn new(
        ctx: &'ctx Context,
        module: &'a Module<'ctx>,
        prog: &'a LlProgram,
        sources: &'a SourceMap,
        jit: Option<&'a jitgen::JitProgram>,
    ) -> Self {
        let ptr = ctx.i8_type().ptr_type(AddressSpace::default());
        let exc_type = module.add_global(ptr, None, "rpy_exc_type");
        exc_type.set_linkage(Linkage::External);
        let exc_value = module.add_global(ptr, None, "rpy_exc_value");
        exc_value.set_linkage(Linkage::External);
        Emitter {
            ctx,
            module,
            prog,
            sources,
            builder: ctx.create_builder(),
            i1: ctx.bool_type(),
            i8: ctx.i8_type(),
            i32: ctx.i32_type(),
            i64: ctx.i64_type(),
            f64: ctx.f64_type(),
            ptr,
            functions: HashMap::new(),
            runtime: HashMap::new(),
            strs: HashMap::new(),
            cstrs: HashMap::new(),
            vtables: vec![],
            lists: HashMap::new(),
            instances: HashMap::new(),
            tuples: HashMap::new(),
            cells: HashMap::new(),
            dicts: HashMap::new(),
            locs: HashMap::new(),
            exc_type,
            exc_value,
            collecting: crate::gcroots::collecting_graphs(prog, jit.is_some()),
            jit,
        }
    }

    pub fn ll_type(&self, t: LlType) -> Option<BasicTypeEnum<'ctx>> {
        match t {
            LlType::Void => None,
            LlType::Bool => Some(self.i1.into()),
            LlType::Int => Some(self.i64.into()),
            LlType::Float => Some(self.f64.into()),
            LlType::Ref => Some(self.ptr.into()),
        }
    }

    fn fn_type(&self, params: &[LlType], ret: LlType) -> inkwell::types::FunctionType<'ctx> {
        let ps: Vec<BasicMetadataTypeEnum> = params
            .iter()
            .filter_map(|&t| self.ll_type(t))
            .map(Into::into)
            .collect();
        match self.ll_type(ret) {
            Some(r) => r.fn_type(&ps, false),
            None => self.ctx.void_type().fn_type(&ps, false),
        }
    }

    pub fn runtime_fn(&mut self, f: &'static RuntimeFn) -> FunctionValue<'ctx> {
        if let Some(&v) = self.runtime.get(f.name) {
            return v;
        }
        let ty = self.fn_type(f.params, f.ret);
        let v = self
            .module
            .add_function(f.name, ty, Some(Linkage::External));
        self.runtime.insert(f.name, v);
        v
    }

    /// A runtime function outside the rtyper's table (used only by generated glue).
    pub fn glue_fn(
        &mut self,
        name: &'static str,
        params: &[BasicMetadataTypeEnum<'ctx>],
        ret: Option<BasicTypeEnum<'ctx>>,
    ) -> FunctionValue<'ctx> {
        if let Some(&v) = self.runtime.get(name) {
            return v;
        }
        let ty = match ret {
            Some(r) => r.fn_type(params, false),
            None => self.ctx.void_type().fn_type(params, false),
        };
        let v = self.module.add_function(name, ty, Some(Linkage::External));
        self.runtime.insert(name, v);
        v
    }

    /// Whether an exception is pending (`rpy_exc_type != null`), at the builder's position.
    pub fn exc_pending(&self) -> inkwell::values::IntValue<'ctx> {
        let pending = self
            .builder
            .build_load(self.exc_type.as_pointer_value(), "exc")
            .expect("positioned");
        self.builder
            .build_is_not_null(pending.into_pointer_value(), "raised")
            .expect("positioned")
    }

    /// A str object in static data (writable: the runtime caches its hash there).
    pub fn str_obj(&mut self, s: &str) -> PointerValue<'ctx> {
        if let Some(g) = self.strs.get(s) {
            return g.as_pointer_value().const_cast(self.ptr);
        }
        let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
        let wide = chars.iter().any(|&c| c > 0xff);
        let data: BasicValueEnum = if wide {
            let vals: Vec<_> = chars
                .iter()
                .map(|&c| self.i32.const_int(c as u64, false))
                .collect();
            self.i32.const_array(&vals).into()
        } else {
            let vals: Vec<_> = chars
                .iter()
                .map(|&c| self.i8.const_int(c as u64, false))
                .collect();
            self.i8.const_array(&vals).into()
        };
        let hdr = Tid::Str as u64 | FLAG_STATIC;
        let fields = [
            self.i64.const_int(hdr, false).into(),
            self.i64.const_int(0, false).into(),
            self.i64.const_int(chars.len() as u64, false).into(),
            self.i64.const_int(if wide { 4 } else { 1 }, false).into(),
            data,
        ];
        let value = self.ctx.const_struct(&fields, false);
        let g = self.module.add_global(
            value.get_type(),
            None,
            &format!("rpy_str.{}", self.strs.len()),
        );
        g.set_initializer(&value);
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        self.strs.insert(s.to_string(), g);
        g.as_pointer_value().const_cast(self.ptr)
    }

    /// A NUL-terminated C string constant.
    pub fn cstr(&mut self, s: &str) -> PointerValue<'ctx> {
        if let Some(g) = self.cstrs.get(s) {
            return g.as_pointer_value().const_cast(self.ptr);
        }
        let value = self.ctx.const_string(s.as_bytes(), true);
        let g = self.module.add_global(
            value.get_type(),
            None,
            &format!("rpy_cstr.{}", self.cstrs.len()),
        );
        g.set_initializer(&value);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        self.cstrs.insert(s.to_string(), g);
        g.as_pointer_value().const_cast(self.ptr)
    }

    /// The traceback location of an operation (abi::TbLoc).
    pub fn tb_loc(&mut self, span: Span, g: GraphId) -> PointerValue<'ctx> {
        if let Some(gv) = self.locs.get(&(span, g)) {
            return gv.as_pointer_value().const_cast(self.ptr);
        }
        let file = &self.sources.files[span.file];
        let lc = file.line_col(span.start);
        let path = file.path.clone();
        let src = file.line_text(lc.line).trim().to_string();
        let name = &self.prog.functions[g].graph.name;
        let func = name.rsplit('.').next().unwrap_or(name).to_string();
        let fields = [
            self.cstr(&path).as_basic_value_enum(),
            self.cstr(&func).as_basic_value_enum(),
            self.cstr(&src).as_basic_value_enum(),
            self.i64.const_int(lc.line as u64, false).into(),
        ];
        let value = self.ctx.const_struct(&fields, false);
        let gv = self.module.add_global(
            value.get_type(),
            None,
            &format!("rpy_loc.{}", self.locs.len()),
        );
        gv.set_initializer(&value);
        gv.set_constant(true);
        gv.set_linkage(Linkage::Private);
        self.locs.insert((span, g), gv);
        gv.as_pointer_value().const_cast(self.ptr)
    }

    pub fn vtable(&self, class: usize) -> PointerValue<'ctx> {
        self.vtables[class].as_pointer_value().const_cast(self.ptr)
    }

    fn emit_vtables(&mut self) {
        let classes = self.prog.classes.classes.clone();
        for (i, c) in classes.iter().enumerate() {
            let name = self.str_obj(&c.name);
            let mut fields: Vec<BasicValueEnum> = vec![
                self.i64.const_int(c.subclass_min as u64, true).into(),
                self.i64.const_int(c.subclass_max as u64, true).into(),
                name.into(),
            ];
            for slot in &c.slots {
                let v: BasicValueEnum = match slot {
                    LlConst::Graph(g) => self.functions[g]
                        .as_global_value()
                        .as_pointer_value()
                        .const_cast(self.ptr)
                        .into(),
                    LlConst::Int(i) => self.i64.const_int(*i as u64, true).into(),
                    LlConst::Str(s) => self.str_obj(s).into(),
                    _ => self.ptr.const_null().into(),
                };
                fields.push(v);
            }
            let value = self.ctx.const_struct(&fields, false);
            let g = self.module.add_global(
                value.get_type(),
                None,
                &format!("rpy_vtable.{i}.{}", c.name),
            );
            g.set_initializer(&value);
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            g.set_alignment(8);
            self.vtables.push(g);
        }
        // The table the runtime uses to raise builtin exceptions.
        let n = rpyrt::abi::BUILTIN_EXCEPTIONS.len();
        let ptrs: Vec<PointerValue> = (0..n).map(|i| self.vtable(i)).collect();
        let arr = self.ptr.const_array(&ptrs);
        let g = self
            .module
            .add_global(arr.get_type(), None, "rpy_builtin_vtables");
        g.set_initializer(&arr);
        g.set_constant(true);
    }

    /// A prebuilt list in static data: the list header and its items array.
    pub fn prebuilt_list(&mut self, obj: ObjId) -> PointerValue<'ctx> {
        if let Some(g) = self.lists.get(&obj) {
            return g.as_pointer_value().const_cast(self.ptr);
        }
        // Declare first (lists may contain themselves), then fill in.
        let list_ty = self
            .ctx
            .struct_type(&[self.i64.into(), self.i64.into(), self.ptr.into()], false);
        let g = self
            .module
            .add_global(list_ty, None, &format!("rpy_list.{}", obj.index()));
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        self.lists.insert(obj, g);
        let items = self
            .prog
            .prebuilt_lists
            .iter()
            .find(|l| l.obj == obj)
            .map(|l| l.items.clone())
            .unwrap_or_default();
        let ivals: Vec<_> = items.iter().map(|c| self.static_word(c)).collect();
        let refs = self
            .prog
            .prebuilt_lists
            .iter()
            .any(|l| l.obj == obj && l.refs);
        let kind = if refs { ARRAY_REFS } else { ARRAY_PLAIN };
        let arr_fields = [
            self.i64
                .const_int(make_tid(Tid::Array, kind) | MUTABLE_STATIC, false)
                .into(),
            self.i64.const_int(items.len() as u64, false).into(),
            self.i64.const_array(&ivals).into(),
        ];
        let arr_val = self.ctx.const_struct(&arr_fields, false);
        let arr = self.module.add_global(
            arr_val.get_type(),
            None,
            &format!("rpy_array.{}", obj.index()),
        );
        arr.set_initializer(&arr_val);
        arr.set_linkage(Linkage::Private);
        arr.set_alignment(8);
        let list_val = list_ty.const_named_struct(&[
            self.i64
                .const_int(make_tid(Tid::List, kind) | MUTABLE_STATIC, false)
                .into(),
            self.i64.const_int(items.len() as u64, false).into(),
            arr.as_pointer_value().const_cast(self.ptr).into(),
        ]);
        g.set_initializer(&list_val);
        g.as_pointer_value().const_cast(self.ptr)
    }

    /// A constant as an 8-byte word of static data (an item or a field).
    fn static_word(&mut self, c: &LlConst) -> IntValue<'ctx> {
        match c {
            LlConst::Int(i) => self.i64.const_int(*i as u64, true),
            LlConst::Bool(b) => self.i64.const_int(*b as u64, false),
            LlConst::Float(f) => self.i64.const_int(f.to_bits(), false),
            LlConst::Str(s) => self.str_obj(s).const_to_int(self.i64),
            LlConst::PrebuiltList(o) => self.prebuilt_list(*o).const_to_int(self.i64),
            LlConst::PrebuiltInstance(o) => self.prebuilt_instance(*o).const_to_int(self.i64),
            LlConst::PrebuiltTuple(o) => self.prebuilt_tuple(*o).const_to_int(self.i64),
            LlConst::FuncPtr(g) => self.functions[g]
                .as_global_value()
                .as_pointer_value()
                .const_to_int(self.i64),
            LlConst::PrebuiltDict(o) => self.prebuilt_dict(*o).const_to_int(self.i64),
            _ => self.i64.const_zero(),
        }
    }

    /// A prebuilt tuple in static data: `{hdr, item...}` as 8-byte words (immutable).
    pub fn prebuilt_tuple(&mut self, obj: ObjId) -> PointerValue<'ctx> {
        if let Some(g) = self.tuples.get(&obj) {
            return g.as_pointer_value().const_cast(self.ptr);
        }
        let Some(info) = self.prog.prebuilt_tuples.iter().find(|t| t.obj == obj) else {
            return self.ptr.const_null();
        };
        let items = info.items.clone();
        let ty = self.i64.array_type(1 + items.len() as u32);
        let g = self
            .module
            .add_global(ty, None, &format!("rpy_tuple.{}", obj.index()));
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        self.tuples.insert(obj, g);
        let mut vals = vec![self.i64.const_int(Tid::Tuple as u64 | FLAG_STATIC, false)];
        for c in &items {
            vals.push(self.static_word(c));
        }
        g.set_initializer(&self.i64.const_array(&vals));
        g.as_pointer_value().const_cast(self.ptr)
    }

    /// A prebuilt instance in static data: `{hdr, typeptr, fields...}` as 8-byte words.
    pub fn prebuilt_instance(&mut self, obj: ObjId) -> PointerValue<'ctx> {
        if let Some(g) = self.instances.get(&obj) {
            return g.as_pointer_value().const_cast(self.ptr);
        }
        let Some(info) = self.prog.prebuilt_instances.iter().find(|i| i.obj == obj) else {
            return self.ptr.const_null();
        };
        let (class, fields) = (info.class, info.fields.clone());
        let words = (self.prog.classes.classes[class].size / 8) as u32;
        let ty = self.i64.array_type(words);
        let g = self
            .module
            .add_global(ty, None, &format!("rpy_inst.{}", obj.index()));
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        self.instances.insert(obj, g);
        let mut vals = vec![self.i64.const_zero(); words as usize];
        let shape = self.prog.class_shapes.get(class).copied().unwrap_or(0);
        vals[0] = self
            .i64
            .const_int(make_tid(Tid::Instance, shape) | MUTABLE_STATIC, false);
        vals[1] = self.vtable(class).const_to_int(self.i64);
        for (off, c) in fields {
            vals[(off / 8) as usize] = self.static_word(&c);
        }
        g.set_initializer(&self.i64.const_array(&vals));
        g.as_pointer_value().const_cast(self.ptr)
    }

    /// The static cell of a module global assigned at run time.
    pub fn global_cell(&mut self, idx: usize) -> GlobalValue<'ctx> {
        if let Some(g) = self.cells.get(&idx) {
            return *g;
        }
        let (t, init) = self.prog.global_cells[idx].clone();
        let ty = self.ll_type(t).expect("non-void cell");
        let g = self
            .module
            .add_global(ty, None, &format!("rpy_global.{idx}"));
        g.set_linkage(Linkage::Private);
        let v = crate::function::const_value(self, &init).unwrap_or_else(|| ty.const_zero());
        g.set_initializer(&v);
        self.cells.insert(idx, g);
        g
    }

    /// A prebuilt dict or set: an empty, writable dict object in static data (abi
    /// layout) that the startup graph fills.
    pub fn prebuilt_dict(&mut self, obj: ObjId) -> PointerValue<'ctx> {
        if let Some(g) = self.dicts.get(&obj) {
            return g.as_pointer_value().const_cast(self.ptr);
        }
        let kind = self
            .prog
            .prebuilt_dicts
            .iter()
            .find(|d| d.obj == obj)
            .map_or(0, |d| d.kind);
        let words = (rpyrt::abi::DICT_SIZE / 8) as usize;
        let mut vals = vec![self.i64.const_zero(); words];
        vals[0] = self.i64.const_int(Tid::Dict as u64 | MUTABLE_STATIC, false);
        vals[(rpyrt::abi::DICT_KIND / 8) as usize] = self.i64.const_int(kind as u64, true);
        let ty = self.i64.array_type(words as u32);
        let g = self
            .module
            .add_global(ty, None, &format!("rpy_dict.{}", obj.index()));
        g.set_linkage(Linkage::Private);
        g.set_alignment(8);
        g.set_initializer(&self.i64.const_array(&vals));
        self.dicts.insert(obj, g);
        g.as_pointer_value().const_cast(self.ptr)
    }

    pub fn emit_program(&mut self) -> Result<(), String> {
        for (g, f) in self.prog.functions.iter() {
            let ty = self.fn_type(&f.params, f.ret);
            let name = format!("rpy_fn.{}", sanitize(&f.graph.name));
            let fv = self.module.add_function(&name, ty, Some(Linkage::Internal));
            self.functions.insert(g, fv);
        }
        self.emit_vtables();
        let ids: Vec<GraphId> = self.prog.functions.keys().collect();
        for g in ids {
            crate::function::emit_function(self, g)?;
        }
        crate::jit::emit_tables(self)?;
        self.emit_main();
        Ok(())
    }

    /// Calls `rpy_gc_init` with the table of GC shapes and the module-global cells that
    /// hold references.
    fn emit_gc_init(&mut self) {
        let mut shape_ptrs = vec![];
        for (k, shape) in self.prog.gc_shapes.iter().enumerate() {
            if shape.is_empty() {
                shape_ptrs.push(self.ptr.const_null());
                continue;
            }
            let words: Vec<_> = shape
                .iter()
                .map(|&w| self.i64.const_int(w as u64, true))
                .collect();
            let arr = self.i64.const_array(&words);
            let g = self
                .module
                .add_global(arr.get_type(), None, &format!("rpy_gc_shape.{k}"));
            g.set_initializer(&arr);
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            shape_ptrs.push(g.as_pointer_value().const_cast(self.ptr));
        }
        let shapes = self.ptr.const_array(&shape_ptrs);
        let sg = self
            .module
            .add_global(shapes.get_type(), None, "rpy_gc_shapes");
        sg.set_initializer(&shapes);
        sg.set_constant(true);
        sg.set_linkage(Linkage::Private);
        let mut cells = vec![];
        for idx in 0..self.prog.global_cells.len() {
            if self.prog.global_cells[idx].0 == LlType::Ref {
                let c = self.global_cell(idx);
                cells.push(c.as_pointer_value().const_cast(self.ptr));
            }
        }
        let cells_arr = self.ptr.const_array(&cells);
        let cg = self
            .module
            .add_global(cells_arr.get_type(), None, "rpy_gc_cells");
        cg.set_initializer(&cells_arr);
        cg.set_constant(true);
        cg.set_linkage(Linkage::Private);
        let pp = self.ptr.ptr_type(AddressSpace::default());
        let gc_init = self.glue_fn(
            "rpy_gc_init",
            &[pp.into(), self.i64.into(), pp.into(), self.i64.into()],
            None,
        );
        let sp = sg.as_pointer_value().const_cast(pp);
        let cp = cg.as_pointer_value().const_cast(pp);
        self.builder
            .build_call(
                gc_init,
                &[
                    sp.into(),
                    self.i64.const_int(shape_ptrs.len() as u64, false).into(),
                    cp.into(),
                    self.i64.const_int(cells.len() as u64, false).into(),
                ],
                "",
            )
            .expect("positioned");
    }

    /// `rpy_entry(argv) -> i64`: calls the entry point and widens its status.
    fn emit_entry_wrapper(&mut self) -> FunctionValue<'ctx> {
        let ty = self.i64.fn_type(&[self.ptr.into()], false);
        let wrapper = self
            .module
            .add_function("rpy_entry", ty, Some(Linkage::Internal));
        let bb = self.ctx.append_basic_block(wrapper, "entry");
        self.builder.position_at_end(bb);
        if let Some(init) = self.prog.init {
            // Fills the prebuilt dicts first; an exception there is reported like any
            // other uncaught exception.
            let fv = self.functions[&init];
            self.builder.build_call(fv, &[], "").expect("positioned");
            let raised = self.exc_pending();
            let (bad, good) = (
                self.ctx.append_basic_block(wrapper, "init_failed"),
                self.ctx.append_basic_block(wrapper, "run"),
            );
            self.builder
                .build_conditional_branch(raised, bad, good)
                .expect("positioned");
            self.builder.position_at_end(bad);
            self.builder
                .build_return(Some(&self.i64.const_zero()))
                .expect("positioned");
            self.builder.position_at_end(good);
        }
        // sys.argv is made after the prebuilt dicts are filled (which may collect).
        let argv_list_fn = self.glue_fn("rpy_argv_list", &[], Some(self.ptr.into()));
        let lst = self
            .builder
            .build_call(argv_list_fn, &[], "argv")
            .expect("positioned")
            .try_as_basic_value()
            .basic()
            .expect("ptr");
        let f = self.prog.entry;
        let func = self.functions[&f];
        let params = &self.prog.functions[f].params;
        let args: Vec<_> = if params.first().copied() == Some(LlType::Ref) {
            vec![lst.into()]
        } else {
            vec![]
        };
        let ret = self
            .builder
            .build_call(func, &args, "status")
            .expect("positioned")
            .try_as_basic_value()
            .basic();
        let code = match (ret, self.prog.functions[f].ret) {
            (Some(v), LlType::Bool) => self
                .builder
                .build_int_z_extend(v.into_int_value(), self.i64, "code")
                .expect("positioned"),
            (Some(v), LlType::Int) => v.into_int_value(),
            _ => self.i64.const_zero(),
        };
        self.builder.build_return(Some(&code)).expect("positioned");
        wrapper
    }

    /// The C `main`: initialises the runtime, runs the entry point on the program stack
    /// (`rpy_rt_run`), then reports an uncaught exception or exits with the status.
    fn emit_main(&mut self) {
        let wrapper = self.emit_entry_wrapper();
        let argv_ty = self.ptr.ptr_type(AddressSpace::default());
        let main_ty = self.i32.fn_type(&[self.i32.into(), argv_ty.into()], false);
        let main = self.module.add_function("main", main_ty, None);
        let entry = self.ctx.append_basic_block(main, "entry");
        self.builder.position_at_end(entry);
        let init = self.glue_fn("rpy_rt_init", &[self.i32.into(), argv_ty.into()], None);
        let argc = main.get_nth_param(0).expect("argc");
        let argv = main.get_nth_param(1).expect("argv");
        self.builder
            .build_call(init, &[argc.into(), argv.into()], "")
            .expect("positioned");
        self.emit_gc_init();
        let lst = self.ptr.const_null();
        let wrapper_ptr = wrapper.as_global_value().as_pointer_value();
        let run = self.glue_fn(
            "rpy_rt_run",
            &[wrapper_ptr.get_type().into(), self.ptr.into()],
            Some(self.i64.into()),
        );
        let code = self
            .builder
            .build_call(run, &[wrapper_ptr.into(), lst.into()], "code")
            .expect("positioned")
            .try_as_basic_value()
            .basic()
            .expect("i64")
            .into_int_value();
        let raised = self.exc_pending();
        let (bad, good) = (
            self.ctx.append_basic_block(main, "uncaught"),
            self.ctx.append_basic_block(main, "exit"),
        );
        self.builder
            .build_conditional_branch(raised, bad, good)
            .expect("positioned");
        self.builder.position_at_end(bad);
        let report = self.glue_fn("rpy_report_uncaught", &[], None);
        self.builder
            .build_call(report, &[], "")
            .expect("positioned");
        self.builder.build_unreachable().expect("positioned");
        self.builder.position_at_end(good);
        let exit = self.glue_fn("rpy_rt_exit", &[self.i64.into()], None);
        self.builder
            .build_call(exit, &[code.into()], "")
            .expect("positioned");
        self.builder.build_unreachable().expect("positioned");
    }
}

pub fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
