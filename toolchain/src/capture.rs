//! Capturing an interpreted program's output: a `Write` into a shared byte vector, which
//! interpreters' tests and embedders hand to the program's I/O and read back afterwards.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A `Write` into a shared byte vector (clones share the bytes).
#[derive(Clone, Default)]
pub struct SharedBuf(pub Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
