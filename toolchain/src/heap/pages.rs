//! Where the heap's small-object pages come from: chunks of memory mapped from the system,
//! zero until written, carved into aligned pages.
//!
//! Taking each 64 KiB page from the Rust allocator as an aligned, zeroed allocation cost
//! two system calls and two passes over it. glibc serves an allocation aligned that much by
//! mapping it on its own (132 KiB, for the alignment); `alloc_zeroed` then clears it with
//! `memset`, which faults every 4 KiB page in (the kernel zeroes each one) only to write
//! zeroes over it again; and dropping the heap unmapped the pages one by one, each unmap
//! flushing the TLBs of every core the process ran on. A program of a few milliseconds
//! spent a third of its time there with the JIT off (fern, 41 pages: 24 % in taking pages,
//! 10 % in unmapping them).
//!
//! So pages come from chunks mapped anonymous and private: the kernel hands out their
//! memory zeroed on first touch, and a page is resident only once its free list is threaded
//! (the heap's `new_page`; where transparent huge pages are on for every mapping, the kernel
//! may back 2 MiB at a time instead). The first two chunks have [`FIRST_CHUNK`] pages, and
//! each one after as many as were taken before it, up to [`MAX_CHUNK`]: the chunks double.
//! A chunk is mapped with a page's slack so that its pages can be aligned to [`PAGE`] (the
//! collector finds an object's page by masking its address), and the slack is never
//! touched. A chunk's pages are handed out in address order, and no page is given back:
//! the heap keeps every page it took until it is dropped, and dropping the source unmaps
//! the chunks, one call each. When the system refuses a chunk, one page is tried alone, so
//! that a tight address-space limit fails no sooner than page by page.
//!
//! What it does not do: return the memory of empty pages to the system (the heap reuses
//! them), or work where there is no `mmap` (the toolchain, like its backend's code memory,
//! runs on Unix).

use super::PAGE;

/// Pages in the first chunk (1 MiB): the whole heap of most short programs.
const FIRST_CHUNK: usize = 16;

/// Pages in a chunk at most (64 MiB of address space, resident only as it is used).
const MAX_CHUNK: usize = 1024;

/// Chunks of pages mapped from the system, and the next page to hand out.
pub(super) struct PageSource {
    /// Each chunk's mapping: its address and length in bytes.
    chunks: Vec<(usize, usize)>,
    /// The next page to hand out, and the end of the current chunk's aligned pages.
    next: usize,
    end: usize,
    /// Pages handed out so far.
    taken: usize,
}

impl PageSource {
    pub(super) fn new() -> Self {
        PageSource { chunks: Vec::new(), next: 0, end: 0, taken: 0 }
    }

    /// A page of [`PAGE`] bytes aligned to `PAGE`, every byte zero, or `None` when the system
    /// has no memory for it. It stays mapped as long as the source.
    pub(super) fn take(&mut self) -> Option<usize> {
        if self.next == self.end {
            self.map_chunk()?;
        }
        let page = self.next;
        self.next += PAGE;
        self.taken += 1;
        Some(page)
    }

    /// Maps the next chunk (as many pages as were taken so far, within the bounds; one page
    /// if the system refuses that many) and makes its aligned pages the ones to hand out.
    fn map_chunk(&mut self) -> Option<()> {
        let pages = self.taken.clamp(FIRST_CHUNK, MAX_CHUNK);
        self.map_pages(pages).or_else(|| self.map_pages(1))
    }

    /// Maps a chunk of `pages` aligned pages and makes them the ones to hand out.
    fn map_pages(&mut self, pages: usize) -> Option<()> {
        let len = (pages + 1) * PAGE;
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing touches
        // no existing memory; the arguments are valid (a non-zero length, no file).
        let addr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if addr == libc::MAP_FAILED {
            return None;
        }
        let addr = addr as usize;
        self.chunks.push((addr, len));
        self.next = addr.next_multiple_of(PAGE);
        self.end = self.next + pages * PAGE;
        Some(())
    }

    /// Bytes of address space mapped (for tests).
    #[cfg(test)]
    pub(super) fn mapped(&self) -> usize {
        self.chunks.iter().map(|&(_, len)| len).sum()
    }
}

impl Drop for PageSource {
    fn drop(&mut self) {
        for &(addr, len) in &self.chunks {
            // SAFETY: `addr` and `len` are a mapping made by `map_chunk`, unmapped only here;
            // the heap that took its pages is being dropped and reads them no more.
            unsafe { libc::munmap(addr as *mut libc::c_void, len) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_aligned_zeroed_distinct_and_come_from_doubling_chunks() {
        let mut src = PageSource::new();
        let pages: Vec<usize> = (0..FIRST_CHUNK * 3 + 1).map(|_| src.take().expect("memory")).collect();
        for (i, &p) in pages.iter().enumerate() {
            assert_eq!(p % PAGE, 0, "page {i} is aligned");
            // SAFETY: `p` is a page of PAGE bytes the source keeps mapped.
            let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, PAGE) };
            assert!(bytes.iter().all(|&b| b == 0), "page {i} is zero");
        }
        let mut sorted = pages.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), pages.len(), "no page is handed out twice");
        // Chunks of 16, 16 and 32 pages, each with one page of slack, hold the 49 pages.
        assert_eq!(src.chunks.len(), 3);
        assert_eq!(src.mapped(), (17 + 17 + 33) * PAGE);
    }
}
