//! Module globals and class-body namespaces.
//!
//! A module's names map to slots (in Rust, per module) of a heap array of values, versioned by
//! a quasi-immutable cell that changes when a name is added. A trace reading a global
//! promotes the module, depends on its version, finds the slot at trace time and reads it:
//! rebinding a global costs compiled code nothing, adding one invalidates the traces that
//! looked names up in that module. A deleted global is an empty (null) slot.

use crate::builtins::NativeOp;
use crate::interp::is_null;
use crate::objects::*;
use crate::sites::Site;
use crate::space::{Outcome, Space};
use crate::{Py, Python};
use metatrace::Ctx;

/// The value of global `name` seen from `module` (its globals, then the builtins).
pub fn load_global<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, module: C::Ref, name: &str) -> Option<C::Ref> {
    let builtins = cx.const_ref(rt.builtins.get());
    for m in [module, builtins] {
        let addr = cx.promote_ref(m);
        let id = rt.module_id(addr) as usize;
        let (version, slot) = {
            let mods = rt.modules.borrow();
            (mods[id].version, mods[id].slots.get(name).copied())
        };
        let _ = cx.quasi_get(version);
        if let Some(i) = slot {
            let m = cx.const_ref(addr);
            let values = cx.getfield_ref(m, &MODULE_DICT);
            let k = cx.int(i as i64);
            let v = cx.getarrayitem_ref(values, k, &REFS_ITEMS);
            if !is_null(cx, v) {
                return Some(v);
            }
        }
    }
    None
}

/// As [`load_global`] in the interpreter, asking the instruction's inline cache first (see
/// `sites`); `None` when the general path must answer (a miss, or a deleted name).
pub fn load_global_at<S: Space, C: Ctx<Py<S>>>(
    cx: &mut C,
    rt: &Python,
    module: C::Ref,
    name: &str,
    site: &std::cell::Cell<Site>,
) -> Option<C::Ref> {
    let addr = C::address(module);
    let read = |cx: &mut C, m: usize, slot: u32| {
        let m = cx.const_ref(m);
        let values = cx.getfield_ref(m, &MODULE_DICT);
        let k = cx.int(i64::from(slot));
        let v = cx.getarrayitem_ref(values, k, &REFS_ITEMS);
        (!is_null(cx, v)).then_some(v)
    };
    let builtins = rt.builtins.get();
    match site.get() {
        Site::Global { module: m, slot } if m == addr => return read(cx, addr, slot),
        Site::Builtin { module: m, names, slot } if m == addr => {
            let id = rt.module_id(addr) as usize;
            if rt.modules.borrow()[id].slots.len() == names as usize {
                return read(cx, builtins, slot);
            }
        }
        _ => {}
    }
    let found = {
        let mods = rt.modules.borrow();
        let id = rt.module_id(addr) as usize;
        match mods[id].slots.get(name) {
            Some(&slot) => Some(Site::Global { module: addr, slot }),
            None => mods[rt.module_id(builtins) as usize].slots.get(name).map(|&slot| Site::Builtin {
                module: addr,
                names: mods[id].slots.len() as u32,
                slot,
            }),
        }
    };
    site.set(found?);
    match found? {
        Site::Global { slot, .. } => read(cx, addr, slot),
        Site::Builtin { slot, .. } => read(cx, builtins, slot),
        _ => None,
    }
}

/// `name = v` at module level.
pub fn store_global<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, module: C::Ref, name: &str, v: C::Ref) {
    let addr = cx.promote_ref(module);
    let id = rt.module_id(addr) as usize;
    let (version, slot) = {
        let mods = rt.modules.borrow();
        (mods[id].version, mods[id].slots.get(name).copied())
    };
    let _ = cx.quasi_get(version);
    let m = cx.const_ref(addr);
    let slot = match slot {
        Some(i) => i,
        None => {
            // A new name: a slot (growing the values if needed), and a new version.
            let i = add_name(rt, id, name);
            let values = cx.getfield_ref(m, &MODULE_DICT);
            let cap = cx.arraylen(values, &REFS_ITEMS);
            let cap = cx.promote_int(cap);
            if i as i64 >= cap {
                let n = cx.int(cap * 2 + 8);
                let bigger = cx.new_array(&REFS, n);
                let c = cx.int(cap);
                crate::builtins::copy_refs(cx, values, bigger, c);
                cx.setfield_ref(m, &MODULE_DICT, bigger);
            }
            let old = cx.quasi_get(version);
            cx.quasi_set(version, old + 1);
            i
        }
    };
    let values = cx.getfield_ref(m, &MODULE_DICT);
    let k = cx.int(slot as i64);
    cx.setarrayitem_ref(values, k, &REFS_ITEMS, v);
}

/// The slot of a new name of module `id`.
fn add_name(rt: &Python, id: usize, name: &str) -> u32 {
    let mut mods = rt.modules.borrow_mut();
    let m = &mut mods[id];
    let i = m.order.len() as u32;
    m.slots.insert(name.into(), i);
    m.order.push(name.into());
    i
}

/// `del name` at module level: whether it was bound.
pub fn delete_global<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, module: C::Ref, name: &str) -> bool {
    let addr = cx.promote_ref(module);
    let id = rt.module_id(addr) as usize;
    let (version, slot) = {
        let mods = rt.modules.borrow();
        (mods[id].version, mods[id].slots.get(name).copied())
    };
    let _ = cx.quasi_get(version);
    let Some(i) = slot else { return false };
    let m = cx.const_ref(addr);
    let values = cx.getfield_ref(m, &MODULE_DICT);
    let k = cx.int(i as i64);
    let v = cx.getarrayitem_ref(values, k, &REFS_ITEMS);
    if is_null(cx, v) {
        return false;
    }
    let null = cx.const_ref(0);
    cx.setarrayitem_ref(values, k, &REFS_ITEMS, null);
    true
}

/// `module.name`
pub fn module_getattr<S: Space, C: Ctx<Py<S>>>(cx: &mut C, rt: &Python, module: C::Ref, name: &str) -> Outcome<C> {
    let addr = cx.promote_ref(module);
    let id = rt.module_id(addr) as usize;
    let (version, slot, mname) = {
        let mods = rt.modules.borrow();
        (mods[id].version, mods[id].slots.get(name).copied(), mods[id].name.clone())
    };
    let _ = cx.quasi_get(version);
    if let Some(i) = slot {
        let m = cx.const_ref(addr);
        let values = cx.getfield_ref(m, &MODULE_DICT);
        let k = cx.int(i as i64);
        let v = cx.getarrayitem_ref(values, k, &REFS_ITEMS);
        if !is_null(cx, v) {
            return Outcome::Value(v);
        }
    }
    // A module-level `__getattr__` (PEP 562) supplies what the module lacks.
    if name != "__getattr__" {
        if let Some(hook) = peek_global_of(rt, addr, "__getattr__") {
            let f = cx.const_ref(hook);
            let n = crate::strings::str_from(cx, name);
            return Outcome::Call(f, smallvec::smallvec![n]);
        }
    }
    // `module.__dict__`: its names, as `vars(module)` gives them.
    if name == "__dict__" {
        if let Some(vars) = peek_global_of(rt, rt.builtins.get(), "vars") {
            let f = cx.const_ref(vars);
            let m = cx.const_ref(addr);
            return Outcome::Call(f, smallvec::smallvec![m]);
        }
    }
    let msg = format!("module '{mname}' has no attribute '{name}'");
    Outcome::Raise(crate::errors::new_error(cx, rt, "AttributeError", &msg))
}

/// `name` in a class body: its namespace (a dict), then `module`'s globals, then the
/// builtins; NameError.
pub fn ns_get<S: Space, C: Ctx<Py<S>>>(cx: &mut C, _rt: &Python, ns: C::Ref, name: &str, module: C::Ref) -> Outcome<C> {
    let n = crate::strings::str_from(cx, name);
    Outcome::Native(NativeOp::NsGet, smallvec::smallvec![ns, n, module])
}

/// Global `name` of module `m` only (outside traces).
pub fn peek_global_of(rt: &Python, m: usize, name: &str) -> Option<usize> {
    let id = rt.module_id(m) as usize;
    let i = rt.modules.borrow()[id].slots.get(name).copied()?;
    // SAFETY: `m` is a live module whose values array holds slot `i`.
    let v = unsafe {
        let values = read_word(m, &MODULE_DICT) as usize;
        *((values + REFS_ITEMS.base as usize + 8 * i as usize) as *const usize)
    };
    (v != 0).then_some(v)
}

/// Global `name` of module `m`, then the builtins (outside traces).
pub fn peek_global(rt: &Python, m: usize, name: &str) -> Option<usize> {
    for m in [m, rt.builtins.get()] {
        let id = rt.module_id(m) as usize;
        let slot = rt.modules.borrow()[id].slots.get(name).copied();
        if let Some(i) = slot {
            // SAFETY: `m` is a live module whose values array holds slot `i`.
            let v = unsafe {
                let values = read_word(m, &MODULE_DICT) as usize;
                *((values + REFS_ITEMS.base as usize + 8 * i as usize) as *const usize)
            };
            if v != 0 {
                return Some(v);
            }
        }
    }
    None
}

/// `namespace[name] = v` in a class body.
pub fn ns_set<S: Space, C: Ctx<Py<S>>>(cx: &mut C, _rt: &Python, ns: C::Ref, name: &str, v: C::Ref) -> Outcome<C> {
    let n = crate::strings::str_from(cx, name);
    Outcome::Native(NativeOp::SetItem, smallvec::smallvec![ns, n, v])
}

/// Makes module `name` with globals `__name__` (outside traces); returns its MODULE object.
pub fn new_module(rt: &Python, heap: &mut metatrace::heap::Heap, version: metatrace::QuasiId, name: &str) -> usize {
    let values = heap.alloc_array(&REFS, 16);
    let m = heap.alloc(&MODULE);
    let n = crate::runtime::new_str(heap, name);
    // SAFETY: just allocated with the MODULE layout.
    unsafe {
        *((m + MODULE_NAME.offset as usize) as *mut usize) = n;
        *((m + MODULE_DICT.offset as usize) as *mut usize) = values;
    }
    rt.immortal(heap, m);
    let id = rt.modules.borrow().len() as u32;
    // SAFETY: as above.
    unsafe { *((m + MODULE_ID.offset as usize) as *mut u64) = u64::from(id) };
    rt.modules.borrow_mut().push(crate::runtime::ModuleInfo {
        name: name.into(),
        slots: Default::default(),
        order: Vec::new(),
        version,
    });
    m
}

/// Sets global `name` of module `m` (outside traces, before any code runs: no version change
/// is needed).
pub fn set_global_raw(rt: &Python, heap: &mut metatrace::heap::Heap, m: usize, name: &str, v: usize) {
    let id = rt.module_id(m) as usize;
    let existing = rt.modules.borrow()[id].slots.get(name).copied();
    let i = existing.unwrap_or_else(|| add_name(rt, id, name)) as usize;
    // SAFETY: `m` is a live module; its values array is grown to hold slot `i`.
    unsafe {
        let mut values = read_word(m, &MODULE_DICT) as usize;
        let cap = *((values + REFS_ITEMS.len_offset.unwrap() as usize) as *const usize);
        if i >= cap {
            let bigger = heap.alloc_array(&REFS, cap * 2 + 8);
            std::ptr::copy_nonoverlapping(
                (values + REFS_ITEMS.base as usize) as *const usize,
                (bigger + REFS_ITEMS.base as usize) as *mut usize,
                cap,
            );
            *((m + MODULE_DICT.offset as usize) as *mut usize) = bigger;
            values = bigger;
        }
        *((values + REFS_ITEMS.base as usize + 8 * i) as *mut usize) = v;
    }
}
