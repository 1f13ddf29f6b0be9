"""rpy's import helper: imports a target program under CPython, as RPython imports its
targets under its host Python, and reports as JSON the object graph reachable from the
program's entry point. The format is the serde form of `Snapshot` in
crates/frontend/src/prebuilt.rs: {"objects": [...], "entry": N, "main_module": "..."},
objects listed in id order from 0, identity preserved (two references to one list are one
id).

Embedded in rpy (crates/frontend/src/import.rs) and run as

    python3 -c <this text> TARGET.py LIB_DIR [TIMEOUT_SECONDS]

so the line numbers of `File "<string>"` in its own tracebacks are the lines of this file.

Exit status and output (the JSON always goes to the real stdout; the target's own output
during import goes to stderr):
  0  the snapshot;
  1  a bug in this helper, or the import timed out (faulthandler's stack dump on stderr);
  2  importing the target (or calling its `target()`) raised:
     {"error": "import_failed", "traceback": "..."}, the traceback also on stderr;
  3  no entry point: {"error": "no_entry_point", "message": "..."};
  4  the reachable object graph is too large (more than $RPY_MAX_OBJECTS objects, by default
     200000): {"error": "too_many_objects", "message": ...};
  5  this Python is too old: {"error": "old_python", "message": "..."}.
"""

import sys

if sys.version_info < (3, 8):
    sys.stdout.write('{"error": "old_python", "message": "rpy needs CPython 3.8 or newer, '
                     'not %d.%d"}' % sys.version_info[:2])
    sys.stdout.flush()
    sys.exit(5)

import faulthandler
import importlib.machinery
import importlib.util
import json
import os
import struct
import types

MAX_OBJECTS = int(os.environ.get("RPY_MAX_OBJECTS") or 200000)
OPAQUE_REPR_LEN = 200
HELPER_FILE = sys._getframe().f_code.co_filename

# Class attributes that describe the class itself rather than being part of it.
SKIPPED_CLASS_ATTRS = ("__dict__", "__weakref__", "__doc__", "__module__", "__qualname__")
# The types of builtin callables (C functions, slot wrappers, method descriptors).
BUILTIN_CALLABLE_TYPES = (
    types.BuiltinFunctionType,
    types.MethodWrapperType,
    types.WrapperDescriptorType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
)
# Descriptors a class gets for its `__slots__` and C-level attributes: not reported.
SLOT_DESCRIPTOR_TYPES = (types.MemberDescriptorType, types.GetSetDescriptorType)


class TooManyObjects(Exception):
    pass


def real_path(path):
    return os.path.normcase(os.path.realpath(path))


COMPREHENSIONS = ("<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>")


def nested_codes(code):
    """The code objects of the `def`s and lambdas nested in `code` (those of its
    comprehensions too, which the flow builder inlines), in order."""
    out = []
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            if const.co_name in COMPREHENSIONS:
                out.extend(nested_codes(const))
            else:
                out.append(const)
    return out


def first_position(code):
    """(line, column) of the first instruction of `code` with a source position: it lies
    inside the `def` or lambda, which tells lambdas on one line apart."""
    for line, _, col, end_col in code.co_positions():
        if line is not None and col is not None and end_col is not None and end_col > col:
            return [line, col]
    return None


def clean(s):
    """A string that survives UTF-8 (lone surrogates become backslash escapes)."""
    if s.isascii():
        return s
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


def qualified(module, qualname):
    if not isinstance(module, str) or not module:
        module = "builtins"
    return clean("%s.%s" % (module, qualname))


class Libraries:
    """Tells user code from library code: the stdlib, site-packages and rpy's own `rpy`
    package are library code; everything else with a source file is user code."""

    def __init__(self, lib_dir):
        roots = [os.path.dirname(os.__file__), os.path.join(lib_dir, "rpy")]
        try:
            import site

            roots.extend(site.getsitepackages())
            roots.append(site.getusersitepackages())
        except Exception:
            pass
        for entry in sys.path:
            if os.path.basename(entry.rstrip("/\\")) in ("site-packages", "dist-packages"):
                roots.append(entry)
        self.roots = []
        for root in roots:
            if isinstance(root, str) and root:
                root = real_path(root)
                if root not in self.roots:
                    self.roots.append(root)
        self.path_cache = {}
        self.module_cache = {}  # id(module) -> (module, is user)
        self.dict_to_module = None

    def path_is_lib(self, path):
        """Whether `path` is a real file of library code."""
        if not isinstance(path, str) or not path or path.startswith("<"):
            return False
        lib = self.path_cache.get(path)
        if lib is None:
            rp = real_path(path)
            lib = any(rp == r or rp.startswith(r + os.sep) for r in self.roots)
            self.path_cache[path] = lib
        return lib

    def path_is_user(self, path):
        """Whether `path` is a real file of user code."""
        if not isinstance(path, str) or not path or path.startswith("<"):
            return False
        return not self.path_is_lib(path)

    def module_is_user(self, module):
        hit = self.module_cache.get(id(module))
        if hit is not None:
            return hit[1]
        name = getattr(module, "__name__", None)
        if not isinstance(name, str) or name == "rpy" or name.startswith("rpy."):
            user = False
        elif name in sys.builtin_module_names:
            user = False
        else:
            path = getattr(module, "__file__", None)
            if not isinstance(path, str):
                try:  # a namespace package
                    path = list(getattr(module, "__path__", None) or [])[0]
                except Exception:
                    path = None
            user = self.path_is_user(path)
        self.module_cache[id(module)] = (module, user)
        return user

    def force_user(self, module):
        self.module_cache[id(module)] = (module, True)

    def module_of_dict(self, globals_dict):
        """The module whose `__dict__` is `globals_dict`, or None."""
        if self.dict_to_module is not None:
            m = self.dict_to_module.get(id(globals_dict))
            if m is not None:
                return m
        self.dict_to_module = {}
        for m in list(sys.modules.values()):
            d = getattr(m, "__dict__", None)
            if isinstance(m, types.ModuleType) and isinstance(d, dict):
                self.dict_to_module[id(d)] = m
        return self.dict_to_module.get(id(globals_dict))

    def class_module(self, cls):
        name = cls.__dict__.get("__module__", None)
        return sys.modules.get(name) if isinstance(name, str) else None

    def class_is_user(self, cls):
        module = self.class_module(cls)
        if module is None:
            # A class made in a module not in sys.modules: user code if a heap type.
            return bool(cls.__flags__ & (1 << 9)) and cls.__module__ not in ("builtins", None)
        return self.module_is_user(module)

    def class_is_rpy(self, cls):
        name = cls.__dict__.get("__module__", None)
        return isinstance(name, str) and (name == "rpy" or name.startswith("rpy."))


class ClassLines:
    """Finds a class's source line (the first decorator's, as `co_firstlineno` does for
    functions) by parsing its file once with `ast`."""

    def __init__(self):
        self.files = {}  # path -> {qualname: [line, ...]}

    def find(self, path, cls):
        first = getattr(cls, "__firstlineno__", None)  # CPython 3.13+
        if isinstance(first, int):
            return first
        table = self.files.get(path)
        if table is None:
            table = self.files[path] = self.scan(path)
        lines = table.get(cls.__qualname__)
        if not lines:
            return None
        if len(lines) == 1:
            return lines[0]
        # Several classes of one qualname (conditional definitions): take the last one that
        # starts before the first method of this class.
        method_lines = []
        for v in cls.__dict__.values():
            f = getattr(v, "__func__", v)
            code = getattr(f, "__code__", None)
            if isinstance(code, types.CodeType) and code.co_filename == path:
                method_lines.append(code.co_firstlineno)
        if method_lines:
            before = [n for n in lines if n <= min(method_lines)]
            if before:
                return max(before)
        return lines[0]

    def scan(self, path):
        import ast

        table = {}
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), path)
        except Exception:
            return table

        def walk(node, prefix):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    qual = prefix + child.name
                    line = child.decorator_list[0].lineno if child.decorator_list else child.lineno
                    table.setdefault(qual, []).append(line)
                    walk(child, qual + ".")
                elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    walk(child, prefix + child.name + ".<locals>.")
                elif isinstance(child, ast.Lambda):
                    walk(child, prefix + "<lambda>.<locals>.")
                else:
                    walk(child, prefix)

        walk(tree, "")
        return table


class ModuleState:
    """A reported module: its globals dict and the names reported so far."""

    def __init__(self, index, name, user, globals_dict, module):
        self.index = index
        self.name = name
        self.user = user
        self.dict = globals_dict
        self.module = module  # kept alive; None for a non-module globals dict
        self.included = {}  # name -> object id
        self.as_value = False

    def to_json(self):
        names = [(n, self.included[n]) for n in self.dict if n in self.included]
        return {
            "kind": "module",
            "name": clean(self.name),
            "user": self.user,
            "globals": [[clean(n), i] for n, i in names],
        }


class Snapshot:
    def __init__(self, libs):
        self.libs = libs
        self.class_lines = ClassLines()
        self.objects = []  # JSON dicts, or ModuleState until the end
        self.ids = {}  # id(obj) -> object id
        self.keep = []  # keeps every reported object alive, so ids stay unique
        self.queue = []  # (object id, obj) to describe, breadth-first
        self.modules = {}  # id(globals dict) -> ModuleState
        self.synthetic = {}  # builtin qualname -> object id (for builtins with no object)
        self.code_names_cache = {}  # id(code) -> (code, names)
        self.lifted_cache = {}  # id(code) -> (code, function) of nested defs and lambdas
        self.lifted_ids = set()
        self.all_names = {}  # names read by reachable user code (an ordered set)
        self.value_modules = []  # user modules reachable as values

    # ---- ids

    def new_slot(self, value):
        index = len(self.objects)
        if index >= MAX_OBJECTS:
            raise TooManyObjects()
        self.objects.append(value)
        return index

    def ref(self, obj):
        if isinstance(obj, types.ModuleType):
            return self.module_ref(obj.__dict__, obj, as_value=True)
        index = self.ids.get(id(obj))
        if index is None:
            index = self.new_slot(None)
            self.ids[id(obj)] = index
            self.keep.append(obj)
            self.queue.append((index, obj))
        return index

    def builtin_ref(self, qualname):
        index = self.synthetic.get(qualname)
        if index is None:
            index = self.new_slot({"kind": "builtin", "qualname": qualname})
            self.synthetic[qualname] = index
        return index

    def module_ref(self, globals_dict, module, as_value=False, user=None):
        state = self.modules.get(id(globals_dict))
        if state is None:
            if module is None:
                module = self.libs.module_of_dict(globals_dict)
            if module is not None:
                user = self.libs.module_is_user(module)
                name = getattr(module, "__name__", None)
            else:
                name = globals_dict.get("__name__")
            if not isinstance(name, str):
                name = "<globals>"
            state = ModuleState(len(self.objects), name, bool(user), globals_dict, module)
            self.new_slot(state)
            self.keep.append(globals_dict)
            self.modules[id(globals_dict)] = state
        if as_value and state.user and not state.as_value:
            # A user module used as a value: any attribute read by reachable code may be
            # read on it.
            state.as_value = True
            self.value_modules.append(state)
            for name in list(self.all_names):
                self.include(state, name)
        return state.index

    def include(self, state, name):
        if name not in state.included and name in state.dict:
            state.included[name] = self.ref(state.dict[name])

    def code_names(self, code):
        hit = self.code_names_cache.get(id(code))
        if hit is not None:
            return hit[1]
        names = dict.fromkeys(code.co_names)
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                names.update(dict.fromkeys(self.code_names(const)))
        names = list(names)
        self.code_names_cache[id(code)] = (code, names)
        return names

    def read_names(self, code, state):
        """Reports the globals `code` may read from `state`, and from every user module
        reachable as a value."""
        for name in self.code_names(code):
            self.include(state, name)
            if name not in self.all_names:
                self.all_names[name] = None
                for vm in list(self.value_modules):
                    self.include(vm, name)

    # ---- traversal

    def run(self, entry):
        entry_id = self.ref(entry)
        i = 0
        while i < len(self.queue):
            index, obj = self.queue[i]
            i += 1
            self.objects[index] = self.describe(obj)
        return entry_id

    def to_json(self):
        return [o.to_json() if isinstance(o, ModuleState) else o for o in self.objects]

    def describe(self, obj):
        t = type(obj)
        if obj is None:
            return {"kind": "none"}
        if t is bool:
            return {"kind": "bool", "value": obj}
        if t is int:
            if -(1 << 63) <= obj < (1 << 63):
                return {"kind": "int", "value": obj}
            return {"kind": "big_int", "repr": repr(obj)}
        if t is float:
            bits = struct.unpack("<Q", struct.pack("<d", obj))[0]
            return {"kind": "float", "bits": "0x%016x" % bits}
        if t is str:
            if clean(obj) is not obj:
                return self.opaque(obj)
            return {"kind": "str", "value": obj}
        if t is bytes:
            return {"kind": "bytes", "value": list(obj)}
        if t is list:
            return {"kind": "list", "items": [self.ref(x) for x in obj]}
        if t is tuple:
            return {"kind": "tuple", "items": [self.ref(x) for x in obj]}
        if t is range and all(-2**63 <= x < 2**63 for x in (obj.start, obj.stop, obj.step)):
            return {"kind": "range", "start": obj.start, "stop": obj.stop, "step": obj.step}
        if t is dict:
            return {"kind": "dict", "items": [[self.ref(k), self.ref(v)] for k, v in obj.items()]}
        if t is set or t is frozenset:
            return {"kind": "set", "items": [self.ref(x) for x in obj]}
        if t is types.FunctionType:
            return self.function(obj)
        if issubclass(t, type):
            return self.class_(obj)
        if t is staticmethod:
            return {"kind": "static_method", "func": self.ref(obj.__func__)}
        if t is classmethod:
            return {"kind": "class_method", "func": self.ref(obj.__func__)}
        if t is property:
            return {
                "kind": "property",
                "fget": None if obj.fget is None else self.ref(obj.fget),
                "fset": None if obj.fset is None else self.ref(obj.fset),
                "fdel": None if obj.fdel is None else self.ref(obj.fdel),
            }
        if t is types.MethodType:
            return {"kind": "bound_method", "func": self.ref(obj.__func__),
                    "receiver": self.ref(obj.__self__)}
        if t in BUILTIN_CALLABLE_TYPES:
            return self.builtin_callable(obj)
        return self.instance(obj)

    def function(self, f):
        code = f.__code__
        g = f.__globals__
        module = self.libs.module_of_dict(g)
        if module is not None:
            user = self.libs.module_is_user(module)
        else:
            # Globals that are no module's (`exec(source, {...})`): user code unless the code
            # comes from a library file.
            user = not self.libs.path_is_lib(code.co_filename)
        if not user:
            mod_name = f.__module__ if isinstance(f.__module__, str) else g.get("__name__")
            return {"kind": "builtin", "qualname": qualified(mod_name, f.__qualname__)}
        globals_id = self.module_ref(g, module, user=True)
        state = self.objects[globals_id]
        path = code.co_filename
        if not path.startswith("<"):
            path = os.path.abspath(path)
        defaults = [self.ref(d) for d in (f.__defaults__ or ())]
        kwdefaults = [[clean(k), self.ref(v)] for k, v in (f.__kwdefaults__ or {}).items()]
        closure = []
        for name, cell in zip(code.co_freevars, f.__closure__ or ()):
            try:
                value = cell.cell_contents
            except ValueError:  # an empty cell
                closure.append([clean(name), None])
            else:
                closure.append([clean(name), self.ref(value)])
        attrs = [[clean(k), self.ref(v)] for k, v in f.__dict__.items() if isinstance(k, str)]
        self.read_names(code, state)
        inner = nested_codes(code)
        nested = [self.ref(self.lifted(c, g)) for c in inner]
        # Variables shared with nested defs and lambdas. A comprehension's code object
        # also makes cells of what it reads (before Python 3.12), but the flow builder
        # inlines comprehensions: those variables stay plain locals.
        shared = {n for c in inner for n in c.co_freevars}
        return {
            "kind": "function",
            "name": clean(code.co_name),
            "qualname": clean(getattr(code, "co_qualname", f.__qualname__)),
            "module": clean(state.name),
            "file": clean(path),
            "firstlineno": code.co_firstlineno,
            "is_lambda": code.co_name == "<lambda>",
            "defaults": defaults,
            "kwdefaults": kwdefaults,
            "closure": closure,
            "globals": globals_id,
            "attrs": attrs,
            "nested": nested,
            "cellvars": [clean(n) for n in code.co_cellvars if n in shared],
            "lifted": id(f) in self.lifted_ids,
            "first_pos": first_position(code),
        }

    def lifted(self, code, g):
        """A function object for the code of a nested `def` or `lambda` (made at run time
        by its enclosing function), with empty cells: the flow builder turns its free
        variables into cell parameters (see ARCHITECTURE.md, closures)."""
        hit = self.lifted_cache.get(id(code))
        if hit is not None:
            return hit[1]
        cells = tuple(types.CellType() for _ in code.co_freevars)
        f = types.FunctionType(code, g, code.co_name, None, cells)
        self.lifted_cache[id(code)] = (code, f)
        self.lifted_ids.add(id(f))
        return f

    def class_(self, cls):
        if not self.libs.class_is_user(cls):
            return {"kind": "builtin", "qualname": qualified(cls.__module__, cls.__qualname__)}
        bases = [self.ref(b) for b in cls.__bases__ if b is not object]
        attrs = []
        for k, v in cls.__dict__.items():
            if k in SKIPPED_CLASS_ATTRS or type(v) in SLOT_DESCRIPTOR_TYPES:
                continue
            attrs.append([clean(k), self.ref(v)])
        module = self.libs.class_module(cls)
        path = getattr(module, "__file__", None) if module is not None else None
        line = None
        if isinstance(path, str):
            path = os.path.abspath(path)
            line = self.class_lines.find(path, cls)
        else:
            path = None
        return {
            "kind": "class",
            "name": clean(cls.__name__),
            "qualname": clean(cls.__qualname__),
            "module": clean(cls.__module__ if isinstance(cls.__module__, str) else ""),
            "bases": bases,
            "attrs": attrs,
            "file": None if path is None else clean(path),
            "firstlineno": line,
        }

    def builtin_callable(self, obj):
        t = type(obj)
        name = obj.__name__
        if t is types.BuiltinFunctionType:
            receiver = obj.__self__
            if receiver is None or isinstance(receiver, types.ModuleType):
                module = obj.__module__
                if not isinstance(module, str) and receiver is not None:
                    module = receiver.__name__
                return {"kind": "builtin", "qualname": qualified(module, obj.__qualname__)}
            # A builtin method bound to an object (`[].append`) or a class (`dict.fromkeys`).
            owner = receiver if isinstance(receiver, type) else type(receiver)
            qual = qualified(owner.__module__, "%s.%s" % (owner.__qualname__, name))
            return {"kind": "bound_method", "func": self.builtin_ref(qual),
                    "receiver": self.ref(receiver)}
        if t is types.MethodWrapperType:
            owner = type(obj.__self__)
            qual = qualified(owner.__module__, "%s.%s" % (owner.__qualname__, name))
            return {"kind": "bound_method", "func": self.builtin_ref(qual),
                    "receiver": self.ref(obj.__self__)}
        owner = obj.__objclass__
        return {"kind": "builtin",
                "qualname": qualified(owner.__module__, "%s.%s" % (owner.__qualname__, name))}

    def instance_attrs(self, obj):
        attrs = []
        try:
            d = object.__getattribute__(obj, "__dict__")
        except Exception:
            d = None
        if isinstance(d, dict):
            for k, v in d.items():
                if isinstance(k, str):
                    attrs.append([clean(k), self.ref(v)])
        for klass in type(obj).__mro__:
            slots = klass.__dict__.get("__slots__", ())
            if isinstance(slots, str):
                slots = (slots,)
            for slot in slots:
                if not isinstance(slot, str) or slot in ("__dict__", "__weakref__"):
                    continue
                if slot.startswith("__") and not slot.endswith("__"):
                    slot = "_%s%s" % (klass.__name__.lstrip("_"), slot)
                descr = klass.__dict__.get(slot)
                if type(descr) is not types.MemberDescriptorType:
                    continue
                try:
                    value = descr.__get__(obj, type(obj))
                except AttributeError:  # an unset slot
                    continue
                attrs.append([clean(slot), self.ref(value)])
        return attrs

    def instance(self, obj):
        cls = type(obj)
        if self.libs.class_is_user(cls):
            return {"kind": "instance", "class": self.ref(cls), "attrs": self.instance_attrs(obj)}
        if self.libs.class_is_rpy(cls) or cls is object:
            return {"kind": "lib_instance", "class": qualified(cls.__module__, cls.__qualname__),
                    "attrs": self.instance_attrs(obj)}
        if issubclass(cls, BaseException) and cls.__module__ == "builtins":
            attrs = [["args", self.ref(obj.args)]] + self.instance_attrs(obj)
            return {"kind": "lib_instance", "class": qualified(cls.__module__, cls.__qualname__),
                    "attrs": attrs}
        return self.opaque(obj)

    def opaque(self, obj):
        try:
            text = repr(obj)
        except Exception as e:
            text = "<unrepresentable: %s>" % type(e).__name__
        if not isinstance(text, str):
            text = "<unrepresentable>"
        if len(text) > OPAQUE_REPR_LEN:
            text = text[:OPAQUE_REPR_LEN - 3] + "..."
        cls = type(obj)
        return {"kind": "opaque", "repr": clean(text),
                "type_name": qualified(cls.__module__, cls.__qualname__)}


# ---- the run


def import_failure_traceback(exc):
    """CPython's traceback for `exc`, without the frames of this helper and of importlib."""
    import traceback

    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename != HELPER_FILE and not filename.startswith("<frozen importlib"):
            break
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


class Output:
    def __init__(self):
        # The JSON goes to a duplicate of the real stdout; fd 1 and sys.stdout become stderr,
        # so nothing the target prints (even through os.write(1, ...)) can corrupt it.
        sys.stdout.flush()
        self.fd = os.dup(1)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

    def finish(self, status, payload):
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        with os.fdopen(self.fd, "wb") as f:
            f.write(data.encode("utf-8"))
        try:
            sys.stderr.flush()
            sys.__stdout__.flush()
        except Exception:
            pass
        # Skip atexit handlers and the wait for threads the target may have started.
        os._exit(status)

    def fail(self, status, error, **fields):
        fields["error"] = error
        if "message" in fields:
            sys.stderr.write("rpy: %s\n" % fields["message"])
        self.finish(status, fields)


def call_target(target):
    """Calls RPython's `target(driver, args)` with as many of (None, []) as it needs."""
    code = getattr(target, "__code__", None)
    nargs = 0
    if isinstance(code, types.CodeType) and not code.co_flags & 0x04:  # no *args
        nargs = max(0, code.co_argcount - len(target.__defaults__ or ()))
    return target(*((None, []) + (None,) * nargs)[:nargs])


def main():
    out = Output()
    if len(sys.argv) < 3:
        out.fail(4, "usage", message="usage: import_helper TARGET.py LIB_DIR [TIMEOUT]")
    target_path = os.path.abspath(sys.argv[1])
    lib_dir = os.path.abspath(sys.argv[2])
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    if 0 < timeout < 1e7:
        faulthandler.dump_traceback_later(timeout, exit=True, file=sys.stderr)
    faulthandler.enable(file=sys.stderr)

    # sys.path: rpy's library, then the target's directory (instead of `-c`'s cwd entry).
    if sys.path and not getattr(sys.flags, "safe_path", False):
        del sys.path[0]
    sys.path[0:0] = [lib_dir, os.path.dirname(target_path)]
    sys.argv = [target_path]  # as for `python3 TARGET.py`
    libs = Libraries(lib_dir)

    # Import the target as a module under its own name: `__main__` blocks do not run.
    name = os.path.splitext(os.path.basename(target_path))[0]
    try:
        loader = importlib.machinery.SourceFileLoader(name, target_path)
        spec = importlib.util.spec_from_file_location(name, target_path, loader=loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except BaseException as exc:
        text = import_failure_traceback(exc)
        sys.stderr.write(text)
        out.fail(2, "import_failed", traceback=text)
    libs.force_user(module)
    shown = os.path.basename(target_path)

    # The entry point: `main(argv)`, else RPython's `target(*args)` -> (entry_point, None).
    namespace = module.__dict__
    main_fn = namespace.get("main")
    if isinstance(main_fn, types.FunctionType):
        entry = main_fn
        where = "`main`"
    elif "target" in namespace:
        target = namespace["target"]
        if not callable(target):
            out.fail(3, "no_entry_point",
                     message="`target` in %s is a %s, not a function" % (shown, type(target).__name__))
        try:
            result = call_target(target)
        except BaseException as exc:
            text = import_failure_traceback(exc)
            sys.stderr.write(text)
            out.fail(2, "import_failed", traceback=text)
        entry = result[0] if isinstance(result, (tuple, list)) and result else result
        where = "the entry point returned by `target()`"
    elif "main" in namespace:
        out.fail(3, "no_entry_point",
                 message="`main` in %s is a %s, not a function" % (shown, type(main_fn).__name__))
    else:
        out.fail(3, "no_entry_point",
                 message="%s defines no entry point: neither a function `main(argv)` nor "
                 "`target()`" % shown)
    if not isinstance(entry, types.FunctionType):
        out.fail(3, "no_entry_point",
                 message="%s in %s is a %s, not a Python function"
                 % (where, shown, type(entry).__name__))
    entry_module = libs.module_of_dict(entry.__globals__)
    if entry_module is None or not libs.module_is_user(entry_module):
        out.fail(3, "no_entry_point",
                 message="%s in %s (%s.%s) is library code, not part of the program"
                 % (where, shown, entry.__module__, entry.__qualname__))

    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    snap = Snapshot(libs)
    try:
        entry_id = snap.run(entry)
    except TooManyObjects:
        out.fail(4, "too_many_objects",
                 message="the object graph reachable from the entry point has more than %d "
                 "objects" % MAX_OBJECTS)
    payload = {"objects": snap.to_json(), "entry": entry_id, "main_module": clean(name)}
    faulthandler.cancel_dump_traceback_later()
    out.finish(0, payload)


main()
