//! Executable memory for one compiled trace: private anonymous pages, written then sealed.
//!
//! Each trace owns its pages (rounded up to whole pages) so it can be released on its own:
//! the pages are mapped read-write, the machine code is copied in, then they are switched to
//! read-execute (never writable and executable at once). Dropping a [`CodeMemory`] unmaps
//! them. A global counter of mapped bytes ([`mapped_code_bytes`]) lets tests and the trace
//! log check that dropped traces really give their memory back.

use std::sync::atomic::{AtomicUsize, Ordering};

static MAPPED_BYTES: AtomicUsize = AtomicUsize::new(0);

/// Bytes of executable memory currently mapped for compiled traces (whole pages, summed over
/// every live [`CompiledTrace`](super::CompiledTrace) of the process).
pub fn mapped_code_bytes() -> usize {
    MAPPED_BYTES.load(Ordering::Relaxed)
}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions; it only reads a system constant.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p <= 0 {
        4096
    } else {
        p as usize
    }
}

/// A read-execute mapping holding one trace's machine code; unmapped on drop.
pub(crate) struct CodeMemory {
    ptr: *mut u8,
    mapped: usize,
    len: usize,
}

// SAFETY: the mapping is exclusively owned by this value and never written after `new`
// returns (it is read-execute), so moving it to or sharing it with another thread is sound.
unsafe impl Send for CodeMemory {}
// SAFETY: see above; `&CodeMemory` only allows reading and executing immutable code.
unsafe impl Sync for CodeMemory {}

impl CodeMemory {
    /// Maps fresh pages, copies `code` in and makes them read-execute.
    pub(crate) fn new(code: &[u8]) -> Result<CodeMemory, String> {
        let page = page_size();
        let mapped = code.len().max(1).div_ceil(page) * page;
        // SAFETY: a fresh private anonymous mapping at an address of the kernel's choice
        // cannot alias any existing Rust object; the result is checked against MAP_FAILED.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(format!("mmap of {mapped} bytes failed: {}", std::io::Error::last_os_error()));
        }
        let ptr = ptr as *mut u8;
        // From here on `mem` owns the mapping, so an early return unmaps it.
        let mem = CodeMemory { ptr, mapped, len: code.len() };
        MAPPED_BYTES.fetch_add(mapped, Ordering::Relaxed);
        // SAFETY: `ptr` points to `mapped >= code.len()` writable bytes that nothing else
        // references, and `code` is a distinct Rust slice, so the ranges do not overlap.
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), ptr, code.len()) };
        // SAFETY: `ptr..ptr + mapped` is exactly the mapping created above.
        let rc = unsafe { libc::mprotect(ptr as *mut libc::c_void, mapped, libc::PROT_READ | libc::PROT_EXEC) };
        if rc != 0 {
            return Err(format!("mprotect failed: {}", std::io::Error::last_os_error()));
        }
        flush_icache(ptr, code.len());
        Ok(mem)
    }

    /// Start of the code.
    pub(crate) fn as_ptr(&self) -> *const u8 {
        self.ptr
    }

    /// Length of the code in bytes (not rounded to pages).
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        // SAFETY: `ptr..ptr + mapped` is the mapping this value owns; the borrow checker
        // guarantees no `run` of the owning trace is in progress, so nothing executes it.
        let rc = unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.mapped) };
        debug_assert_eq!(rc, 0, "munmap failed");
        MAPPED_BYTES.fetch_sub(self.mapped, Ordering::Relaxed);
    }
}

#[cfg(target_arch = "aarch64")]
fn flush_icache(ptr: *mut u8, len: usize) {
    extern "C" {
        // libgcc / compiler-rt: makes freshly written code visible to instruction fetch.
        fn __clear_cache(start: *mut libc::c_char, end: *mut libc::c_char);
    }
    // SAFETY: the range is inside the mapping just written; __clear_cache only performs
    // cache maintenance on it.
    unsafe { __clear_cache(ptr as *mut libc::c_char, ptr.add(len) as *mut libc::c_char) };
}

#[cfg(not(target_arch = "aarch64"))]
fn flush_icache(_ptr: *mut u8, _len: usize) {
    // x86-64 keeps instruction fetch coherent with data writes; mprotect serializes.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copies_and_unmaps() {
        let code = [0xC3u8, 1, 2, 3];
        let m = CodeMemory::new(&code).unwrap();
        assert_eq!(m.len(), 4);
        // SAFETY: the mapping is readable and holds `len` bytes copied from `code`.
        let copy = unsafe { std::slice::from_raw_parts(m.as_ptr(), m.len()) };
        assert_eq!(copy, &code);
        assert!(mapped_code_bytes() >= page_size());
        drop(m);
    }
}
