//! mtpy: a Python 3 interpreter written against the Metatrace DSL, so the toolchain's tracing
//! JIT compiles the hot loops of the Python programs it runs.
//!
//! Source is parsed by Ruff's parser (`ruff_python_parser`), compiled to mtpy's own bytecode
//! ([`bytecode`], [`compile`]), and run by an interpreter ([`interp`]) generic over the DSL's
//! `Ctx` and over the object space ([`space`]). Objects live on the toolchain's heap
//! ([`objects`]); classes use maps and version tags ([`classes`]); module globals are slots
//! behind a version tag ([`globals`]); builtins and slow paths are natives ([`builtins`],
//! [`library`], [`types`], [`numbers`], [`dict`], [`format`]); the `re` module's engine is
//! [`regex`].

pub mod attrcache;
pub mod attrs;
pub mod boxed;
pub mod builtin_methods;
pub mod builtins;
pub mod bytecode;
pub mod bytes;
pub mod call;
pub mod charmaps;
pub mod chars;
pub mod classes;
pub mod codecs;
pub mod compare;
pub mod compile;
pub mod complex;
pub mod continuation;
pub mod dict;
pub mod errors;
pub mod fmtspec;
pub mod format;
pub mod frame;
pub mod generators;
pub mod globals;
pub mod hashing;
pub mod instantiation;
pub mod interp;
pub mod leaf;
pub mod library;
pub mod memo;
pub mod memview;
pub mod modules;
pub mod numbers;
pub mod objects;
pub mod percent;
pub mod ranges;
pub mod regex;
pub mod repl;
pub mod reprs;
pub mod runtime;
pub mod session;
pub mod sets;
pub mod sites;
pub mod slots;
pub mod space;
pub mod stdlib;
pub mod strformat;
pub mod strings;
pub mod typeobj;
pub mod types;
pub mod views;

pub use runtime::Python;
pub use space::{Space, StdSpace};

use metatrace::{Ctx, JitParams, Vm};
use objects::*;
use std::marker::PhantomData;
use std::rc::Rc;

/// The Python language on a given object space (the `Language` of the toolchain).
pub struct Py<S: Space = StdSpace> {
    pub rt: Rc<Python>,
    _space: PhantomData<S>,
}

/// A one-item tuple (outside traces).
pub(crate) fn interp_tuple1<S: Space>(cx: &mut metatrace::Concrete<'_, Py<S>>, v: usize) -> usize {
    runtime::new_tuple(cx.heap_mut(), &[v])
}

/// The builtin exception classes and their bases, base first, in CPython's order (which
/// `__subclasses__()` shows).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    // (and `Exception`: see `setup`)
    ("ExceptionGroup", "BaseExceptionGroup"),
];

/// The builtin classes that are not exceptions, with the layouts of their objects.
fn builtin_classes() -> Vec<(&'static str, Vec<&'static metatrace::heap::Layout>)> {
    vec![
        ("type", vec![&TYPE]),
        ("int", vec![&INT, &BIGINT]),
        ("bool", vec![&BOOL]),
        ("float", vec![&FLOAT]),
        ("complex", vec![&complex::COMPLEX]),
        ("str", vec![&STR]),
        ("bytes", vec![&bytes::BYTES]),
        ("bytearray", vec![&bytes::BYTEARRAY]),
        ("memoryview", vec![&memview::MEMVIEW]),
        ("memory_iterator", vec![&memview::MEM_ITER]),
        ("HASH", vec![&library::HASH]),
        ("list", vec![&LIST]),
        ("tuple", vec![&TUPLE]),
        ("dict", vec![&dict::DICT]),
        ("set", vec![&sets::SET]),
        ("frozenset", vec![&sets::FROZENSET]),
        ("dict_keys", vec![&views::KEYS]),
        ("dict_values", vec![&views::VALUES]),
        ("dict_items", vec![&views::ITEMS]),
        ("dict_keyiterator", vec![&views::KEY_ITER]),
        ("dict_valueiterator", vec![&views::VALUE_ITER]),
        ("dict_itemiterator", vec![&views::ITEM_ITER]),
        ("set_iterator", vec![&views::SET_ITER]),
        ("NoneType", vec![&NONE]),
        ("NotImplementedType", vec![&NOTIMPL]),
        ("ellipsis", vec![&ELLIPSIS]),
        ("function", vec![&FUNCTION]),
        ("builtin_function_or_method", vec![&BUILTIN]),
        ("method", vec![&METHOD]),
        ("range", vec![&RANGE, &ranges::BIGRANGE]),
        ("slice", vec![&SLICE]),
        ("module", vec![&MODULE]),
        ("cell", vec![&CELL]),
        ("iterator", vec![&SEQ_ITER]),
        ("range_iterator", vec![&RANGE_ITER]),
        ("longrange_iterator", vec![&ranges::LONGRANGE_ITER]),
        ("callable_iterator", vec![&library::CALL_ITER]),
        ("traceback", vec![&TRACEBACK]),
        ("generator", vec![&generators::GENERATOR]),
        ("coroutine", vec![&generators::COROUTINE]),
        ("async_generator", vec![&generators::ASYNC_GEN]),
        ("async_generator_wrapped_value", vec![&generators::WRAPPED]),
        ("super", vec![&SUPER]),
        ("property", vec![]),
        ("code", vec![]),
        ("frame", vec![]),
        ("enumerate", vec![&ENUMERATE]),
        ("zip", vec![&ZIP]),
        ("map", vec![&MAP]),
        ("filter", vec![&FILTER]),
        ("classmethod", vec![]),
        ("staticmethod", vec![]),
        ("member_descriptor", vec![]),
        ("structseq", vec![]),
    ]
}

/// Builtin classes whose names are not builtins (CPython's `_hashlib.HASH`, and the types
/// reached only through `type(...)` or the `types` module).
const HIDDEN_CLASSES: &[&str] = &[
    "NoneType",
    "NotImplementedType",
    "builtin_function_or_method",
    "callable_iterator",
    "cell",
    "code",
    "dict_items",
    "dict_itemiterator",
    "dict_keyiterator",
    "dict_keys",
    "dict_valueiterator",
    "dict_values",
    "ellipsis",
    "frame",
    "function",
    "generator",
    "longrange_iterator",
    "member_descriptor",
    "method",
    "module",
    "range_iterator",
    "set_iterator",
    "structseq",
    "traceback",
    "method_descriptor",
    "wrapper_descriptor",
    "method-wrapper",
    "classmethod_descriptor",
    "memory_iterator",
    "HASH",
    "coroutine",
    "async_generator",
    "async_generator_wrapped_value",
    "iterator",
    "list_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "list_reverseiterator",
    "reversed",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
];

/// A Vm running Python with `params`, printing to `out`, with the builtins set up and an
/// empty `__main__` module (see [`main_module`]).
pub fn new_vm(params: JitParams, out: Box<dyn std::io::Write>) -> Vm<Py> {
    let rt = Rc::new(Python::new(out));
    *rt.me.borrow_mut() = Rc::downgrade(&rt);
    let mut vm = Vm::with_params(Py { rt: rt.clone(), _space: PhantomData }, params);
    setup(&mut vm, &rt);
    vm
}

fn setup<S: Space>(vm: &mut Vm<Py<S>>, rt: &Python) {
    let heap = vm.heap_mut();
    let immortals = runtime::new_list(heap, &[]);
    rt.immortals.set(immortals);
    vm.push_root(immortals);
    let heap = vm.heap_mut();
    let none = heap.alloc(&NONE);
    let t = heap.alloc(&BOOL);
    let f = heap.alloc(&BOOL);
    // SAFETY: just allocated with the BOOL layout.
    unsafe { *((t + BOOL_VALUE.offset as usize) as *mut i64) = 1 };
    let notimpl = heap.alloc(&NOTIMPL);
    let ellipsis = heap.alloc(&ELLIPSIS);
    for o in [none, t, f, notimpl, ellipsis] {
        rt.immortal(heap, o);
    }
    rt.none.set(none);
    rt.true_.set(t);
    rt.false_.set(f);
    rt.notimpl.set(notimpl);
    rt.ellipsis.set(ellipsis);
    let small: Vec<usize> = runtime::SMALL_INTS.map(|v| runtime::new_int(heap, v)).collect();
    for &o in &small {
        rt.immortal(heap, o);
    }
    *rt.small_ints.borrow_mut() = small;
    let latin1: Vec<usize> =
        (0..=255u8).map(|b| runtime::new_str(heap, (b as char).encode_utf8(&mut [0; 4]))).collect();
    for &o in &latin1 {
        rt.immortal(heap, o);
    }
    *rt.latin1.borrow_mut() = latin1;
    // Classes.
    let make = |vm: &mut Vm<Py<S>>, name: &'static str, base: Option<&str>, methods: &str| {
        let version = vm.quasi_new(0);
        let mut base: Vec<usize> = base.map(|b| rt.builtin_type(b)).into_iter().collect();
        if name == "ExceptionGroup" {
            base.push(rt.builtin_type("Exception"));
        }
        let mut dict = Vec::new();
        for (k, n) in library::NAMES.iter().enumerate() {
            if let Some(m) = n.strip_prefix(methods).and_then(|r| r.strip_prefix('.')) {
                let b = vm.heap_mut().alloc(&BUILTIN);
                // SAFETY: just allocated with the BUILTIN layout.
                unsafe { *((b + BUILTIN_ID.offset as usize) as *mut usize) = k };
                dict.push((Rc::from(m), b));
            }
        }
        // The mutable containers' classes say they are unhashable (`dict.__hash__ is None`).
        if matches!(name, "list" | "dict" | "set" | "bytearray" | "slice") {
            dict.push((Rc::from("__hash__"), rt.none.get()));
        }
        let bases: Vec<usize> = base;
        let t =
            classes::make_class(rt, vm.heap_mut(), version, name, &bases, dict).expect("builtin classes have an MRO");
        rt.type_by_name.borrow_mut().insert(name, t);
        let known = match name {
            "type" => Some(&rt.known.type_),
            "object" => Some(&rt.known.object),
            "super" => Some(&rt.known.super_),
            "SystemExit" => Some(&rt.known.system_exit),
            "StopIteration" => Some(&rt.known.stop_iteration),
            "int" => Some(&rt.known.int),
            "bool" => Some(&rt.known.bool_),
            _ => None,
        };
        if let Some(k) = known {
            k.set(t);
        }
        t
    };
    let object = make(vm, "object", None, "object");
    // Instances of `object` itself have no attributes.
    rt.types.borrow_mut()[classes::type_id(object)].slots = Some(Vec::new());
    for (name, layouts) in builtin_classes() {
        let base = if name == "bool" { Some("int") } else { Some("object") };
        let t = make(vm, name, base, name);
        for l in layouts {
            rt.layout_types.borrow_mut().insert(l.class(), t);
        }
    }
    // The types a sequence iterator shows as (one layout, `SEQ_ITER`: see `seq_iter_type`).
    for name in SEQ_ITER_TYPES.into_iter().chain(SITER_REVERSED.map(|(_, n)| n)) {
        make(vm, name, Some("object"), "iterator");
    }
    // The types builtin methods show as (one layout, `BUILTIN`: see `builtins::builtin_type`).
    for name in ["method_descriptor", "wrapper_descriptor", "method-wrapper", "classmethod_descriptor"] {
        make(vm, name, Some("object"), "builtin_function_or_method");
    }
    for &(name, base) in EXCEPTIONS {
        make(vm, name, Some(base), name);
    }
    for info in rt.types.borrow_mut().iter_mut() {
        info.exception = info.mro.contains(&rt.builtin_type("BaseException"));
    }
    // The builtins module.
    let version = vm.quasi_new(0);
    let builtins = globals::new_module(rt, vm.heap_mut(), version, "builtins");
    rt.builtins.set(builtins);
    for (k, n) in library::NAMES.iter().enumerate() {
        if !n.contains('.') {
            let b = vm.heap_mut().alloc(&BUILTIN);
            // SAFETY: just allocated with the BUILTIN layout.
            unsafe { *((b + BUILTIN_ID.offset as usize) as *mut usize) = k };
            rt.immortal(vm.heap_mut(), b);
            globals::set_global_raw(rt, vm.heap_mut(), builtins, n, b);
        }
    }
    let names: Vec<(&'static str, usize)> = rt.type_by_name.borrow().iter().map(|(&k, &v)| (k, v)).collect();
    for (name, t) in names {
        if HIDDEN_CLASSES.contains(&name) {
            continue;
        }
        globals::set_global_raw(rt, vm.heap_mut(), builtins, name, t);
    }
    // Old names of OSError, kept by CPython as aliases.
    let os_error = rt.builtin_type("OSError");
    let builtins_name = runtime::new_str(vm.heap_mut(), "builtins");
    rt.immortal(vm.heap_mut(), builtins_name);
    for (name, v) in [
        ("__name__", builtins_name),
        ("None", none),
        ("True", rt.true_.get()),
        ("False", rt.false_.get()),
        ("Ellipsis", ellipsis),
        ("NotImplemented", notimpl),
        ("IOError", os_error),
        ("EnvironmentError", os_error),
    ] {
        globals::set_global_raw(rt, vm.heap_mut(), builtins, name, v);
    }
    let n = runtime::new_str(vm.heap_mut(), "builtins");
    rt.immortal(vm.heap_mut(), n);
    globals::set_global_raw(rt, vm.heap_mut(), builtins, "__name__", n);
}

/// A new module named `name` (its `__name__` set), e.g. `__main__`.
pub fn main_module(vm: &mut Vm<Py>, name: &str) -> usize {
    let rt = vm.lang().rt.clone();
    let version = vm.quasi_new(0);
    let m = globals::new_module(&rt, vm.heap_mut(), version, name);
    let n = runtime::new_str(vm.heap_mut(), name);
    rt.immortal(vm.heap_mut(), n);
    globals::set_global_raw(&rt, vm.heap_mut(), m, "__name__", n);
    // What CPython's `__main__` starts with besides its name.
    let none = rt.none.get();
    for k in ["__doc__", "__package__", "__loader__", "__spec__"] {
        globals::set_global_raw(&rt, vm.heap_mut(), m, k, none);
    }
    let annotations = dict::new_dict(vm.heap_mut());
    rt.immortal(vm.heap_mut(), annotations);
    globals::set_global_raw(&rt, vm.heap_mut(), m, "__annotations__", annotations);
    globals::set_global_raw(&rt, vm.heap_mut(), m, "__builtins__", rt.builtins.get());
    m
}

/// Runs module code `code` with `module`'s globals: `Ok` or the uncaught exception.
pub fn run_code(vm: &mut Vm<Py>, code: &Rc<bytecode::Code>, module: usize) -> Result<usize, usize> {
    let rt = vm.lang().rt.clone();
    let id = rt.code_id(vm.heap_mut(), code);
    interp::name_code(id, &code.qualname);
    let consts = rt.consts.borrow()[id as usize].clone();
    let frame = interp::Frame {
        rt: rt.clone(),
        code: code.clone(),
        consts,
        code_id: id,
        pc: 0,
        phase: interp::START,
        globals: module,
        exc: rt.none.get(),
        ns: 0,
        gen: 0,
        slots: crate::slots::Slots::new_in(&rt.slot_pool, code.varnames.len(), code.stacksize as usize, 0),
    };
    let r = vm.run(frame);
    let _ = rt.out.borrow_mut().flush();
    r
}

/// How a program ended.
pub enum Exit {
    /// Normally (or `sys.exit` / `SystemExit` with this status).
    Status(i32),
    /// With an uncaught exception: its report (CPython's traceback text).
    Uncaught(String),
}

/// Compiles and runs `source` as the `__main__` module of a new Vm.
pub fn run_source(
    source: &str,
    filename: &str,
    argv: &[String],
    params: JitParams,
    stats: bool,
    stack_margin: usize,
    out: Box<dyn std::io::Write>,
) -> Result<Exit, compile::SyntaxError> {
    let dir = std::path::Path::new(filename).parent().map(|d| d.to_path_buf()).unwrap_or_default();
    let mut s = session::Session::new(params, stack_margin, argv, dir, out);
    let outcome = s.run_program(source, filename);
    if stats {
        print_stats(&s.vm);
    }
    match outcome {
        session::Outcome::Done => Ok(Exit::Status(0)),
        session::Outcome::Exit(e) => Ok(e),
        session::Outcome::Error(r) => Ok(Exit::Uncaught(r)),
        session::Outcome::Syntax(e) => Err(e),
    }
}

/// What the JIT and the heap did (`-X jitstats`), on stderr.
pub fn print_stats(vm: &Vm<Py>) {
    eprintln!("jit: {}", vm.stats().summary());
    let h = vm.heap_stats();
    eprintln!("heap: collections={} peak_bytes={} objects={}", h.collections, h.peak_bytes, h.objects);
}

/// What an uncaught exception makes of the process.
pub fn exit_of(rt: &Python, e: usize) -> Exit {
    if classes::is_subclass(rt, builtins::peek_type(rt, e), rt.builtin_type("SystemExit")) {
        // The status is its `code`: None is 0, an int is itself, anything else is printed
        // (to stderr) and is 1.
        let code = classes::peek_slot(rt, e, "code").unwrap_or(rt.none.get());
        if code == rt.none.get() {
            return Exit::Status(0);
        }
        if let Some(n) = peek_i64(code) {
            return Exit::Status(n as i32);
        }
        let msg = if is(code, &STR) {
            builtins::text(code).to_string()
        } else {
            builtins::exception_line(rt, e).split_once(": ").map(|(_, m)| m.to_string()).unwrap_or_default()
        };
        return Exit::Uncaught(msg);
    }
    Exit::Uncaught(errors::format_uncaught(rt, e))
}

use std::io::Write;

#[allow(dead_code)]
fn unused<C: Ctx<Py>>(_: &mut C) {}
