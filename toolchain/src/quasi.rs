//! Quasi-immutable cells: values traces treat as constants, invalidated when they change.
//!
//! A trace that reads a cell records `guard_not_invalidated` on its own invalidation flag
//! and registers the flag with the cell. Changing the cell's value sets the flags of every
//! trace that depends on it; those guards then fail, and the driver throws the traces away
//! the next time it would enter them.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Names a quasi-immutable cell of a `Vm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct QuasiId(pub(crate) u32);

/// A trace's invalidation flag: 0 while valid. Compiled code reads it through its address.
pub(crate) type InvalidFlag = Rc<Cell<u64>>;

#[derive(Default)]
struct QuasiCell {
    value: i64,
    dependents: Vec<InvalidFlag>,
}

/// The cells of one `Vm`. Lives behind an `Rc` so compiled code can hold its address.
#[derive(Default)]
pub(crate) struct QuasiTable {
    cells: RefCell<Vec<QuasiCell>>,
}

impl QuasiTable {
    pub(crate) fn create(&self, v: i64) -> QuasiId {
        let mut c = self.cells.borrow_mut();
        c.push(QuasiCell { value: v, dependents: Vec::new() });
        QuasiId(c.len() as u32 - 1)
    }
    pub(crate) fn get(&self, q: QuasiId) -> i64 {
        self.cells.borrow()[q.0 as usize].value
    }
    pub(crate) fn depend(&self, q: QuasiId, flag: &InvalidFlag) {
        let mut c = self.cells.borrow_mut();
        let deps = &mut c[q.0 as usize].dependents;
        if !deps.iter().any(|d| Rc::ptr_eq(d, flag)) {
            deps.push(flag.clone());
        }
    }
    /// Sets the value; if it changed, invalidates every dependent trace.
    pub(crate) fn set(&self, q: QuasiId, v: i64) {
        let mut c = self.cells.borrow_mut();
        let cell = &mut c[q.0 as usize];
        if cell.value != v {
            cell.value = v;
            for d in cell.dependents.drain(..) {
                d.set(1);
            }
        }
    }
}

/// The helper compiled code calls to change a cell: `(table, cell, value)`.
pub(crate) extern "C" fn quasi_set_helper(table: u64, q: u64, v: u64) -> u64 {
    // SAFETY: `table` is `Rc::as_ptr` of the Vm's table, which outlives every trace of the Vm
    // (the Vm owns both the table and the code), and is only used from the Vm's thread.
    let t = unsafe { &*(table as *const QuasiTable) };
    t.set(QuasiId(q as u32), v as i64);
    0
}
