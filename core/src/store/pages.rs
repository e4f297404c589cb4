//! [`Table`]: a fixed-length, zero-initialised array for the large arrays
//! a blocklist lookup reads at random (a segment's prefix filter and its
//! in-memory suffixes), placed where the OS can back it with 2 MiB pages.
//!
//! Why: at 10 M entries a segment's filter is 5 MB and its suffixes 20 MB.
//! With 4 KiB pages that is about 6 400 pages, more than the processor's
//! TLB covers, so a random read often first walks the page tables (on a
//! virtual machine a two-level walk, each step a possible cache miss)
//! before it reads the word. With 2 MiB pages the same arrays are 13 pages.
//! Measured on the development VM (`cargo bench -p fanzha-core --bench
//! compact`, README "Compact protection data").
//!
//! On Linux and Android an array of at least 2 MiB gets its own anonymous
//! mapping, aligned to 2 MiB, with `madvise(MADV_HUGEPAGE)` on its whole
//! 2 MiB pages (the tail past the last whole page stays in small pages, so
//! no memory is resident that the array does not use). Where transparent
//! huge pages are off the advice is refused and ignored: the array works
//! the same in small pages. Smaller arrays, a failed mapping and every
//! other platform use an ordinary heap allocation.

use std::fmt;
use std::ops::{Deref, DerefMut};

/// Element types for which all-zero bytes are a valid value (the kernel
/// hands out zeroed pages; nothing else is written before use).
pub(crate) trait Zeroable: Copy + Default + PartialEq + fmt::Debug + 'static {}
impl Zeroable for u16 {}
impl Zeroable for u64 {}

/// A fixed-length array of zero-initialised `T` (see the module docs).
pub(crate) struct Table<T: Zeroable> {
    inner: Inner<T>,
}

enum Inner<T: Zeroable> {
    Heap(Box<[T]>),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    Mapped(mapped::Mapped<T>),
}

impl<T: Zeroable> Table<T> {
    /// `len` zeros.
    pub(crate) fn zeroed(len: usize) -> Table<T> {
        #[cfg(any(target_os = "linux", target_os = "android"))]
        if let Some(m) = mapped::Mapped::zeroed(len) {
            return Table {
                inner: Inner::Mapped(m),
            };
        }
        Table {
            inner: Inner::Heap(vec![T::default(); len].into_boxed_slice()),
        }
    }

    /// A table holding `items` (exactly `len` of them are taken; missing
    /// ones stay zero).
    pub(crate) fn from_iter_len(len: usize, items: impl IntoIterator<Item = T>) -> Table<T> {
        let mut t = Table::zeroed(len);
        for (slot, x) in t.iter_mut().zip(items) {
            *slot = x;
        }
        t
    }

    /// Bytes the array occupies.
    pub(crate) fn heap_bytes(&self) -> usize {
        std::mem::size_of_val::<[T]>(self)
    }

    /// Whether the array sits in its own mapping advised for huge pages
    /// (whether the OS granted them shows in `/proc/self/smaps`).
    #[cfg(test)]
    pub(crate) fn is_mapped(&self) -> bool {
        match &self.inner {
            Inner::Heap(_) => false,
            #[cfg(any(target_os = "linux", target_os = "android"))]
            Inner::Mapped(_) => true,
        }
    }
}

impl<T: Zeroable> Deref for Table<T> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        match &self.inner {
            Inner::Heap(b) => b,
            #[cfg(any(target_os = "linux", target_os = "android"))]
            Inner::Mapped(m) => m.as_slice(),
        }
    }
}

impl<T: Zeroable> DerefMut for Table<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.inner {
            Inner::Heap(b) => b,
            #[cfg(any(target_os = "linux", target_os = "android"))]
            Inner::Mapped(m) => m.as_mut_slice(),
        }
    }
}

impl<'a, T: Zeroable> IntoIterator for &'a Table<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Zeroable> Default for Table<T> {
    fn default() -> Self {
        Table {
            inner: Inner::Heap(Box::default()),
        }
    }
}

impl<T: Zeroable> Clone for Table<T> {
    fn clone(&self) -> Self {
        let mut t = Table::zeroed(self.len());
        t.copy_from_slice(self);
        t
    }
}

impl<T: Zeroable> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Zeroable> Eq for Table<T> {}

impl<T: Zeroable> fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("len", &self.len())
            .finish_non_exhaustive()
    }
}

#[cfg(any(target_os = "linux", target_os = "android"))]
mod mapped {
    use super::Zeroable;
    use std::ptr::NonNull;

    /// The huge page size transparent huge pages use on x86-64 and arm64
    /// with 4 KiB base pages.
    const HUGE_PAGE: usize = 2 << 20;

    /// An anonymous private mapping of `bytes` bytes, 2 MiB aligned, owned
    /// by this value (unmapped on drop).
    pub(super) struct Mapped<T> {
        ptr: NonNull<T>,
        len: usize,
        bytes: usize,
    }

    // SAFETY: `Mapped` owns its memory exclusively, like `Box<[T]>`; shared
    // access is read-only through `&self`.
    unsafe impl<T: Send> Send for Mapped<T> {}
    // SAFETY: as above; `&Mapped` only gives `&[T]`.
    unsafe impl<T: Sync> Sync for Mapped<T> {}

    impl<T: Zeroable> Mapped<T> {
        /// `len` zeros in a mapping advised for huge pages, or `None` when
        /// the array is under one huge page or the mapping fails (the
        /// caller then uses the heap).
        pub(super) fn zeroed(len: usize) -> Option<Mapped<T>> {
            let need = len.checked_mul(std::mem::size_of::<T>())?;
            if need < HUGE_PAGE || std::mem::align_of::<T>() > HUGE_PAGE {
                return None;
            }
            let bytes = need.checked_next_multiple_of(4096)?;
            let span = bytes.checked_add(HUGE_PAGE)?;
            // SAFETY: asks for a new private anonymous mapping; no existing
            // memory is affected.
            let base = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    span,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                return None;
            }
            let start = base as usize;
            let aligned = start.next_multiple_of(HUGE_PAGE);
            let head = aligned - start;
            let tail = span - head - bytes;
            // SAFETY: both ranges lie inside the mapping made above, outside
            // `[aligned, aligned + bytes)`, and nothing refers to them.
            unsafe {
                if head > 0 {
                    libc::munmap(base, head);
                }
                if tail > 0 {
                    libc::munmap((aligned + bytes) as *mut libc::c_void, tail);
                }
            }
            let whole = need / HUGE_PAGE * HUGE_PAGE;
            // SAFETY: advice on whole pages of our own mapping; it changes
            // how the kernel backs them, never their contents. Refused (huge
            // pages off): the memory is still ordinary zeroed memory.
            unsafe {
                libc::madvise(aligned as *mut libc::c_void, whole, libc::MADV_HUGEPAGE);
            }
            Some(Mapped {
                ptr: NonNull::new(aligned as *mut T)?,
                len,
                bytes,
            })
        }

        pub(super) fn as_slice(&self) -> &[T] {
            // SAFETY: `ptr` points to `bytes >= len * size_of::<T>()` bytes we
            // own, aligned to 2 MiB (so to `T`), zero-filled by the kernel
            // and written only through `as_mut_slice`; all-zero is a valid
            // `T` (`Zeroable`).
            unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
        }

        pub(super) fn as_mut_slice(&mut self) -> &mut [T] {
            // SAFETY: as in `as_slice`, and `&mut self` makes it exclusive.
            unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
        }
    }

    impl<T> Drop for Mapped<T> {
        fn drop(&mut self) {
            // SAFETY: the mapping made in `zeroed`, unmapped once; no slice
            // borrowed from it outlives `self`.
            unsafe {
                libc::munmap(self.ptr.as_ptr().cast(), self.bytes);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_tables_read_back() {
        for len in [0usize, 1, 1000, (2 << 20) / 8 - 1, (2 << 20) / 8, 700_001] {
            let mut t: Table<u64> = Table::zeroed(len);
            assert_eq!(t.len(), len);
            assert!(t.iter().all(|&x| x == 0));
            for (i, x) in t.iter_mut().enumerate() {
                *x = i as u64 * 3;
            }
            let c = t.clone();
            assert_eq!(c, t);
            assert!(c.iter().enumerate().all(|(i, &x)| x == i as u64 * 3));
            assert_eq!(t.heap_bytes(), len * 8);
            #[cfg(any(target_os = "linux", target_os = "android"))]
            assert_eq!(t.is_mapped(), len * 8 >= 2 << 20, "len {len}");
        }
        let s: Table<u16> = Table::from_iter_len(3_000_000, (0..).map(|i: u32| i as u16));
        assert_eq!(s[70_000], 70_000u32 as u16);
        assert_eq!(s.len(), 3_000_000);
    }
}
