//! Quasi-immutable cells: values traces treat as constants, invalidated when they change.
//!
//! A trace that reads a cell records `guard_not_invalidated` on its own invalidation flag
//! and registers the flag with the cell. Changing the cell's value sets the flags of every
//! trace that depends on it; those guards then fail, and the driver throws the traces away
//! the next time it would enter them. The guard is recorded again at the next read after any
//! call that may write (a helper, a native, a call compiled code makes through the driver), so
//! a value read after a call that changed it is never stale. A trace invalidated while it is
//! recorded is not compiled, and a key whose traces keep being invalidated backs off like one
//! whose traces abort (see `links::discard`).
//!
//! Cells are created by the interpreter as it runs (`Ctx::quasi_new`, giving an id it can
//! store in an object, such as a class's version tag) and freed when their owner dies
//! (`Ctx::quasi_free`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Names a quasi-immutable cell of a `Vm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuasiId(pub(crate) u32);

impl QuasiId {
    /// The id as a number, to store in a heap object (see `Ctx::quasi_new`).
    pub fn to_raw(self) -> u32 {
        self.0
    }
    /// The id a number stored with [`QuasiId::to_raw`] stands for. Using an id that no cell
    /// of the Vm has is a bug of the interpreter (reported by a panic).
    pub fn from_raw(raw: i64) -> QuasiId {
        QuasiId(u32::try_from(raw).unwrap_or_else(|_| panic!("{raw} is not a quasi-immutable cell id")))
    }
}

/// A trace's invalidation flag: 0 while valid. Compiled code reads it through its address.
pub(crate) type InvalidFlag = Rc<Cell<u64>>;

#[derive(Default)]
struct QuasiCell {
    value: i64,
    dependents: Vec<InvalidFlag>,
}

/// The cells of one `Vm`. Lives behind an `Rc` so compiled code can hold its address.
///
/// Freed cells' ids are reused. A cell's dependents are the invalidation flags of traces that
/// folded its value; a flag only the cell still holds belongs to a trace thrown away, and is
/// dropped when the list grows.
#[derive(Default)]
pub(crate) struct QuasiTable {
    cells: RefCell<Vec<QuasiCell>>,
    free: RefCell<Vec<u32>>,
}

impl QuasiTable {
    pub(crate) fn create(&self, v: i64) -> QuasiId {
        let mut c = self.cells.borrow_mut();
        if let Some(k) = self.free.borrow_mut().pop() {
            c[k as usize].value = v;
            return QuasiId(k);
        }
        c.push(QuasiCell { value: v, dependents: Vec::new() });
        QuasiId(c.len() as u32 - 1)
    }
    fn with_cell<T>(&self, q: QuasiId, f: impl FnOnce(&mut QuasiCell) -> T) -> T {
        let mut c = self.cells.borrow_mut();
        let n = c.len();
        f(c.get_mut(q.0 as usize).unwrap_or_else(|| panic!("quasi-immutable cell {} does not exist ({n} cells)", q.0)))
    }
    pub(crate) fn get(&self, q: QuasiId) -> i64 {
        self.with_cell(q, |c| c.value)
    }
    pub(crate) fn depend(&self, q: QuasiId, flag: &InvalidFlag) {
        self.with_cell(q, |c| {
            let deps = &mut c.dependents;
            if !deps.iter().any(|d| Rc::ptr_eq(d, flag)) {
                if deps.len() >= 8 && deps.len().is_power_of_two() {
                    deps.retain(|d| Rc::strong_count(d) > 1);
                }
                deps.push(flag.clone());
            }
        })
    }
    /// Sets the value; if it changed, invalidates every dependent trace.
    pub(crate) fn set(&self, q: QuasiId, v: i64) {
        self.with_cell(q, |cell| {
            if cell.value != v {
                cell.value = v;
                for d in cell.dependents.drain(..) {
                    d.set(1);
                }
            }
        })
    }
    /// Frees a cell: its dependents are invalidated and its id is reused.
    pub(crate) fn free(&self, q: QuasiId) {
        self.with_cell(q, |cell| {
            for d in cell.dependents.drain(..) {
                d.set(1);
            }
            cell.dependents.shrink_to_fit();
        });
        self.free.borrow_mut().push(q.0);
    }
    /// How many cells exist (freed ones not counted).
    pub(crate) fn live(&self) -> usize {
        self.cells.borrow().len() - self.free.borrow().len()
    }
}

/// The helper compiled code calls to create a cell: `(table, value) -> id`.
pub(crate) extern "C" fn quasi_new_helper(table: u64, v: u64) -> u64 {
    // SAFETY: as in `quasi_set_helper`.
    let t = unsafe { &*(table as *const QuasiTable) };
    t.create(v as i64).0 as u64
}

/// The helper compiled code calls to free a cell: `(table, id)`.
pub(crate) extern "C" fn quasi_free_helper(table: u64, q: u64) -> u64 {
    // SAFETY: as in `quasi_set_helper`.
    let t = unsafe { &*(table as *const QuasiTable) };
    t.free(QuasiId(q as u32));
    0
}

/// The helper compiled code calls to change a cell: `(table, cell, value)`.
pub(crate) extern "C" fn quasi_set_helper(table: u64, q: u64, v: u64) -> u64 {
    // SAFETY: `table` is `Rc::as_ptr` of the Vm's table, which outlives every trace of the Vm
    // (the Vm owns both the table and the code), and is only used from the Vm's thread.
    let t = unsafe { &*(table as *const QuasiTable) };
    t.set(QuasiId(q as u32), v as i64);
    0
}
