//! The `posix` module: the operating system calls that `os` (lib/os.py), `os.path` and the
//! file objects of `_io` (lib/_io.py) are written on. Errors are `OSError`s carrying the
//! errno, the C library's message and the file name, so `OSError(2, ...)` becomes a
//! `FileNotFoundError: [Errno 2] No such file or directory: 'x'` as in CPython.
//!
//! File descriptors are the process's own (through `libc`), except that writes to 1 and 2 keep
//! their order with `print` (which buffers into `Python::out`), and reads from 0 go through
//! Rust's buffered stdin so that `input()` and `sys.stdin` share what was read.

use super::*;
use std::ffi::{CString, OsStr, OsString};
use std::io::Read;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};

rows! {
    "posix.open" => p_open,
    "posix.read" => p_read,
    "posix.write" => p_write,
    "posix.close" => p_close,
    "posix.lseek" => p_lseek,
    "posix.ftruncate" => p_ftruncate,
    "posix.fstat" => p_fstat,
    "posix.stat" => p_stat,
    "posix.lstat" => p_lstat,
    "posix.isatty" => p_isatty,
    "posix.getcwd" => p_getcwd,
    "posix.chdir" => p_chdir,
    "posix.listdir" => p_listdir,
    "posix.mkdir" => p_mkdir,
    "posix.rmdir" => p_rmdir,
    "posix.unlink" => p_unlink,
    "posix.remove" => p_unlink,
    "posix.rename" => p_rename,
    "posix.replace" => p_rename,
    "posix.access" => p_access,
    "posix.chmod" => p_chmod,
    "posix.utime" => p_utime,
    "posix.readlink" => p_readlink,
    "posix.getpid" => p_getpid,
    "posix.getppid" => p_getppid,
    "posix.uname" => p_uname,
    "posix.confstr" => p_confstr,
    "posix.urandom" => p_urandom,
    "posix.cpu_count" => p_cpu_count,
    "posix.strerror" => p_strerror,
    "posix.putenv" => p_putenv,
    "posix.unsetenv" => p_unsetenv,
    "posix.system" => p_system,
    "posix._exit" => p_exit,
    "posix._flush_std" => p_flush_std,
}

/// The C library's message for `errno` (CPython's `strerror`).
fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(k) => s[..k].to_string(),
        None => s,
    }
}

/// An `OSError` (its subclass picked by the errno) for a failed call on `files`.
fn os_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, e: &std::io::Error, files: &[usize]) -> usize {
    let Some(errno) = e.raw_os_error() else {
        return crate::errors::new_error(cx, rt, "OSError", &e.to_string());
    };
    errno_error(cx, rt, errno, files)
}

/// An `OSError` for `errno` on `files` (none, one or two file names).
fn errno_error<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, errno: i32, files: &[usize]) -> usize {
    let n = new_int(cx.heap_mut(), errno as i64);
    let _ = metatrace::Ctx::root(cx, n);
    let m = new_str(cx.heap_mut(), &strerror(errno));
    let _ = metatrace::Ctx::root(cx, m);
    let mut args = vec![n, m];
    // (The file names are as the OS saw them: a path-like object's `__fspath__()`.)
    let files: Vec<usize> = files
        .iter()
        .map(|&f| match is(f, &INSTANCE).then(|| b::call_method(cx, rt, f, "__fspath__", &[])).flatten() {
            Some(Ok(s)) => {
                let _ = metatrace::Ctx::root(cx, s);
                s
            }
            _ => f,
        })
        .collect();
    match &files[..] {
        [] => {}
        [f] => args.push(*f),
        [f, g, ..] => args.extend([*f, rt.none.get(), *g]),
    }
    match crate::types::call_type(cx, rt, rt.builtin_type("OSError"), &args, &[]) {
        Ok(e) | Err(e) => e,
    }
}

/// The last errno of the C library.
fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Argument `k` (or keyword `name`), if given.
fn param(args: &[usize], kw: Kw<'_>, k: usize, name: &str) -> Option<usize> {
    args.get(k).copied().or_else(|| kwarg(kw, name))
}

/// A required argument.
fn need<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    kw: Kw<'_>,
    k: usize,
    name: &str,
    fname: &str,
) -> Result<usize, usize> {
    match param(args, kw, k, name) {
        Some(v) => Ok(v),
        None => {
            let msg = format!("{fname}() missing required argument '{name}' (pos {})", k + 1);
            Err(crate::errors::new_error(cx, rt, "TypeError", &msg))
        }
    }
}

/// An int argument.
fn int_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<i64, usize> {
    if is(v, &FLOAT) {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "TypeError",
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = super::index_value(cx, rt, v)?;
    n.to_i64()
        .ok_or_else(|| crate::errors::new_error(cx, rt, "OverflowError", "Python int too large to convert to C long"))
}

/// A file descriptor argument.
fn fd_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize) -> Result<i32, usize> {
    let n = int_of(cx, rt, v)?;
    i32::try_from(n).map_err(|_| crate::errors::new_error(cx, rt, "OverflowError", "fd is greater than maximum"))
}

/// A path argument (str, bytes, or an object with `__fspath__`) as the OS sees it.
fn path_of<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, fname: &str) -> Result<OsString, usize> {
    let v = if is(v, &INSTANCE) {
        match b::call_method(cx, rt, v, "__fspath__", &[]) {
            Some(r) => r?,
            None => v,
        }
    } else {
        v
    };
    let raw: Vec<u8> = if is(v, &STR) {
        text(v).as_bytes().to_vec()
    } else if is(v, &crate::bytes::BYTES) {
        crate::bytes::data(v).to_vec()
    } else {
        let msg = format!("{fname}: path should be string, bytes or os.PathLike, not {}", b::type_name(rt, v));
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    };
    if raw.contains(&0) {
        return Err(crate::errors::new_error(
            cx,
            rt,
            "ValueError",
            &format!("{fname}: embedded null character in path"),
        ));
    }
    Ok(OsString::from_vec(raw))
}

fn c_path<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, fname: &str) -> Result<CString, usize> {
    let p = path_of(cx, rt, v, fname)?;
    CString::new(p.into_vec()).map_err(|_| crate::errors::new_error(cx, rt, "ValueError", "embedded null byte"))
}

/// A str for an OS name (undecodable bytes as surrogate escapes would be; here, replaced).
fn os_str<S: Space>(cx: &mut Cx<'_, S>, s: &OsStr) -> usize {
    new_str(cx.heap_mut(), &s.to_string_lossy())
}

pub(super) fn p_open<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "open")?;
    let flags = need(cx, rt, args, kw, 1, "flags", "open")?;
    let flags = int_of(cx, rt, flags)? as i32;
    let mode = match param(args, kw, 2, "mode") {
        Some(m) => int_of(cx, rt, m)? as libc::c_uint,
        None => 0o777,
    };
    let c = c_path(cx, rt, path, "open")?;
    // SAFETY: `c` is a NUL-terminated path; open has no other memory effects.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 {
        return Err(errno_error(cx, rt, last_errno(), &[path]));
    }
    Ok(new_int(cx.heap_mut(), fd as i64))
}

pub(super) fn p_read<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fd = need(cx, rt, args, kw, 0, "fd", "read")?;
    let fd = fd_of(cx, rt, fd)?;
    let n = need(cx, rt, args, kw, 1, "length", "read")?;
    let n = int_of(cx, rt, n)?;
    if n < 0 {
        return Err(errno_error(cx, rt, libc::EINVAL, &[]));
    }
    let mut buf = vec![0u8; n as usize];
    let got = if fd == 0 {
        let _ = rt.out.borrow_mut().flush();
        match std::io::stdin().lock().read(&mut buf) {
            Ok(k) => k,
            Err(e) => return Err(os_error(cx, rt, &e, &[])),
        }
    } else {
        // SAFETY: `buf` has room for `n` bytes.
        let k = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if k < 0 {
            return Err(errno_error(cx, rt, last_errno(), &[]));
        }
        k as usize
    };
    buf.truncate(got);
    Ok(crate::bytes::new_bytes(cx.heap_mut(), &buf))
}

/// Writes all of `data` to `fd` (1 and 2 in order with `print`'s buffered output).
pub(super) fn write_fd(rt: &Python, fd: i32, data: &[u8]) -> Result<usize, i32> {
    if fd == 1 {
        return rt.out.borrow_mut().write_all(data).map(|_| data.len()).map_err(|e| e.raw_os_error().unwrap_or(5));
    }
    if fd == 2 {
        let _ = rt.out.borrow_mut().flush();
    }
    // SAFETY: `data` is a live slice of `data.len()` bytes.
    let k = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
    if k < 0 {
        return Err(last_errno());
    }
    Ok(k as usize)
}

pub(super) fn p_write<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fd = need(cx, rt, args, kw, 0, "fd", "write")?;
    let fd = fd_of(cx, rt, fd)?;
    let data = need(cx, rt, args, kw, 1, "data", "write")?;
    let Some(bytes) = crate::bytes::buffer(data) else {
        let msg = format!("a bytes-like object is required, not '{}'", b::type_name(rt, data));
        return err(cx, rt, "TypeError", &msg);
    };
    match write_fd(rt, fd, bytes) {
        Ok(k) => Ok(new_int(cx.heap_mut(), k as i64)),
        Err(e) => Err(errno_error(cx, rt, e, &[])),
    }
}

pub(super) fn p_close<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fd = need(cx, rt, args, kw, 0, "fd", "close")?;
    let fd = fd_of(cx, rt, fd)?;
    if fd == 1 || fd == 2 {
        let _ = rt.out.borrow_mut().flush();
    }
    // SAFETY: closing a descriptor has no memory effects on this process's Rust state.
    if unsafe { libc::close(fd) } < 0 {
        return Err(errno_error(cx, rt, last_errno(), &[]));
    }
    Ok(rt.none.get())
}

pub(super) fn p_lseek<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fd = need(cx, rt, args, kw, 0, "fd", "lseek")?;
    let fd = fd_of(cx, rt, fd)?;
    let pos = need(cx, rt, args, kw, 1, "position", "lseek")?;
    let pos = int_of(cx, rt, pos)?;
    let how = need(cx, rt, args, kw, 2, "whence", "lseek")?;
    let how = int_of(cx, rt, how)? as i32;
    // SAFETY: lseek has no memory effects.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(errno_error(cx, rt, last_errno(), &[]));
    }
    Ok(new_int(cx.heap_mut(), r as i64))
}

pub(super) fn p_ftruncate<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fd = need(cx, rt, args, kw, 0, "fd", "ftruncate")?;
    let fd = fd_of(cx, rt, fd)?;
    let n = need(cx, rt, args, kw, 1, "length", "ftruncate")?;
    let n = int_of(cx, rt, n)?;
    // SAFETY: ftruncate has no memory effects.
    if unsafe { libc::ftruncate(fd, n as libc::off_t) } < 0 {
        return Err(errno_error(cx, rt, last_errno(), &[]));
    }
    Ok(rt.none.get())
}

/// A stat result as the tuple lib/os.py makes its `stat_result` of: mode, ino, dev, nlink,
/// uid, gid, size, then atime, mtime, ctime as floats and as nanoseconds.
fn stat_tuple<S: Space>(cx: &mut Cx<'_, S>, m: &std::fs::Metadata) -> usize {
    let ints = [m.mode() as i64, m.ino() as i64, m.dev() as i64, m.nlink() as i64, m.uid() as i64, m.gid() as i64];
    let mut items = Vec::new();
    for v in ints.into_iter().chain([m.size() as i64]) {
        let o = new_int(cx.heap_mut(), v);
        let _ = metatrace::Ctx::root(cx, o);
        items.push(o);
    }
    let times = [(m.atime(), m.atime_nsec()), (m.mtime(), m.mtime_nsec()), (m.ctime(), m.ctime_nsec())];
    for (s, ns) in times {
        let o = new_float(cx.heap_mut(), s as f64 + ns as f64 * 1e-9);
        let _ = metatrace::Ctx::root(cx, o);
        items.push(o);
    }
    for (s, ns) in times {
        let o = new_bigint(cx.heap_mut(), BigInt::from(s) * 1_000_000_000 + ns);
        let _ = metatrace::Ctx::root(cx, o);
        items.push(o);
    }
    new_tuple(cx.heap_mut(), &items)
}

pub(super) fn p_fstat<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    use std::os::fd::FromRawFd;
    let fd = need(cx, rt, args, kw, 0, "fd", "fstat")?;
    let fd = fd_of(cx, rt, fd)?;
    // SAFETY: fcntl F_GETFD only checks the descriptor is open; the File is never dropped
    // (ManuallyDrop), so the descriptor stays the caller's.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Err(errno_error(cx, rt, last_errno(), &[]));
    }
    let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    match f.metadata() {
        Ok(m) => Ok(stat_tuple(cx, &m)),
        Err(e) => Err(os_error(cx, rt, &e, &[])),
    }
}

fn stat_common<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, args: &[usize], kw: Kw<'_>, follow: bool) -> PyResult {
    let fname = if follow { "stat" } else { "lstat" };
    let path = need(cx, rt, args, kw, 0, "path", fname)?;
    if follow && !is(path, &STR) && !is(path, &crate::bytes::BYTES) && peek_bigint(path).is_some() {
        return p_fstat(cx, rt, None, &[path], &[]);
    }
    let p = path_of(cx, rt, path, fname)?;
    let r = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    match r {
        Ok(m) => Ok(stat_tuple(cx, &m)),
        Err(e) => Err(os_error(cx, rt, &e, &[path])),
    }
}

pub(super) fn p_stat<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    stat_common(cx, rt, args, kw, true)
}
pub(super) fn p_lstat<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    stat_common(cx, rt, args, kw, false)
}

pub(super) fn p_isatty<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let fd = need(cx, rt, args, kw, 0, "fd", "isatty")?;
    let fd = fd_of(cx, rt, fd)?;
    // SAFETY: isatty has no memory effects.
    Ok(rt.bool_obj(unsafe { libc::isatty(fd) } == 1))
}

pub(super) fn p_getcwd<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, "getcwd", args, kw)?;
    match std::env::current_dir() {
        Ok(d) => Ok(os_str(cx, d.as_os_str())),
        Err(e) => Err(os_error(cx, rt, &e, &[])),
    }
}

pub(super) fn p_chdir<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "chdir")?;
    let p = path_of(cx, rt, path, "chdir")?;
    match std::env::set_current_dir(&p) {
        Ok(()) => Ok(rt.none.get()),
        Err(e) => Err(os_error(cx, rt, &e, &[path])),
    }
}

pub(super) fn p_listdir<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = param(args, kw, 0, "path").filter(|&p| p != rt.none.get());
    let as_bytes = path.is_some_and(|p| is(p, &crate::bytes::BYTES));
    let p = match path {
        Some(p) => path_of(cx, rt, p, "listdir")?,
        None => OsString::from("."),
    };
    let dir = match std::fs::read_dir(&p) {
        Ok(d) => d,
        Err(e) => {
            let shown = match path {
                Some(v) => v,
                None => new_str(cx.heap_mut(), "."),
            };
            return Err(os_error(cx, rt, &e, &[shown]));
        }
    };
    let mut names = Vec::new();
    for entry in dir {
        let name = match entry {
            Ok(e) => e.file_name(),
            Err(e) => return Err(os_error(cx, rt, &e, &path.into_iter().collect::<Vec<_>>())),
        };
        let o = if as_bytes { crate::bytes::new_bytes(cx.heap_mut(), name.as_bytes()) } else { os_str(cx, &name) };
        let _ = metatrace::Ctx::root(cx, o);
        names.push(o);
    }
    Ok(new_list(cx.heap_mut(), &names))
}

pub(super) fn p_mkdir<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "mkdir")?;
    let mode = match param(args, kw, 1, "mode") {
        Some(m) => int_of(cx, rt, m)? as u32,
        None => 0o777,
    };
    let p = path_of(cx, rt, path, "mkdir")?;
    match std::fs::DirBuilder::new().mode(mode).create(&p) {
        Ok(()) => Ok(rt.none.get()),
        Err(e) => Err(os_error(cx, rt, &e, &[path])),
    }
}

/// A call on one path that returns None.
fn path_call<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    args: &[usize],
    kw: Kw<'_>,
    fname: &str,
    f: fn(&OsStr) -> std::io::Result<()>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", fname)?;
    let p = path_of(cx, rt, path, fname)?;
    match f(&p) {
        Ok(()) => Ok(rt.none.get()),
        Err(e) => Err(os_error(cx, rt, &e, &[path])),
    }
}

pub(super) fn p_rmdir<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    path_call(cx, rt, args, kw, "rmdir", |p| std::fs::remove_dir(p))
}

pub(super) fn p_unlink<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    path_call(cx, rt, args, kw, "unlink", |p| std::fs::remove_file(p))
}

pub(super) fn p_rename<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let src = need(cx, rt, args, kw, 0, "src", "rename")?;
    let dst = need(cx, rt, args, kw, 1, "dst", "rename")?;
    let (a, b) = (path_of(cx, rt, src, "rename")?, path_of(cx, rt, dst, "rename")?);
    match std::fs::rename(&a, &b) {
        Ok(()) => Ok(rt.none.get()),
        Err(e) => Err(os_error(cx, rt, &e, &[src, dst])),
    }
}

pub(super) fn p_readlink<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "readlink")?;
    let p = path_of(cx, rt, path, "readlink")?;
    match std::fs::read_link(&p) {
        Ok(t) if is(path, &crate::bytes::BYTES) => Ok(crate::bytes::new_bytes(cx.heap_mut(), t.as_os_str().as_bytes())),
        Ok(t) => Ok(os_str(cx, t.as_os_str())),
        Err(e) => Err(os_error(cx, rt, &e, &[path])),
    }
}

pub(super) fn p_access<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "access")?;
    let mode = need(cx, rt, args, kw, 1, "mode", "access")?;
    let mode = int_of(cx, rt, mode)? as i32;
    let c = c_path(cx, rt, path, "access")?;
    // SAFETY: `c` is a NUL-terminated path.
    Ok(rt.bool_obj(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}

pub(super) fn p_chmod<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "chmod")?;
    let mode = need(cx, rt, args, kw, 1, "mode", "chmod")?;
    let mode = int_of(cx, rt, mode)? as libc::mode_t;
    let c = c_path(cx, rt, path, "chmod")?;
    // SAFETY: `c` is a NUL-terminated path.
    if unsafe { libc::chmod(c.as_ptr(), mode) } != 0 {
        return Err(os_error(cx, rt, &std::io::Error::last_os_error(), &[path]));
    }
    Ok(rt.none.get())
}

/// `utime(path, times=None, *, ns=None)`: sets the access and modification times (now, by
/// default; `times` in seconds, `ns` in nanoseconds).
pub(super) fn p_utime<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let path = need(cx, rt, args, kw, 0, "path", "utime")?;
    let none = rt.none.get();
    let times = param(args, kw, 1, "times").filter(|&v| v != none);
    let ns = kw.iter().find(|(k, _)| &**k == "ns").map(|&(_, v)| v).filter(|&v| v != none);
    let pair = |v: usize| is(v, &TUPLE).then(|| tuple_items(v)).filter(|t| t.len() == 2);
    let now = libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW };
    let mut ts = [now, now];
    match (times, ns) {
        (Some(_), Some(_)) => {
            return err(cx, rt, "ValueError", "utime: you may specify either 'times' or 'ns' but not both");
        }
        (Some(t), None) => {
            let Some(items) = pair(t) else {
                return err(cx, rt, "TypeError", "utime: 'times' must be either a tuple of two ints or None");
            };
            for (k, &x) in items.iter().enumerate() {
                let secs = if is(x, &FLOAT) {
                    peek_f64(x).unwrap_or(0.0)
                } else if let Some(i) = peek_i64(x) {
                    i as f64
                } else {
                    let msg = format!("'{}' object cannot be interpreted as an integer", b::type_name(rt, x));
                    return err(cx, rt, "TypeError", &msg);
                };
                let whole = secs.floor();
                ts[k] = libc::timespec { tv_sec: whole as libc::time_t, tv_nsec: ((secs - whole) * 1e9) as _ };
            }
        }
        (None, Some(n)) => {
            let Some(items) = pair(n) else {
                return err(cx, rt, "TypeError", "utime: 'ns' must be a tuple of two ints");
            };
            for (k, &x) in items.iter().enumerate() {
                let n = int_of(cx, rt, x)?;
                ts[k] = libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000) as _,
                    tv_nsec: n.rem_euclid(1_000_000_000) as _,
                };
            }
        }
        (None, None) => {}
    }
    let c = c_path(cx, rt, path, "utime")?;
    // SAFETY: `c` is a NUL-terminated path and `ts` holds two timespecs.
    if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) } != 0 {
        // (CPython's utime names no file in its error.)
        return Err(os_error(cx, rt, &std::io::Error::last_os_error(), &[]));
    }
    Ok(none)
}

pub(super) fn p_getpid<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, "getpid", args, kw)?;
    Ok(new_int(cx.heap_mut(), std::process::id() as i64))
}

/// `posix.uname()`: the C library's (sysname, nodename, release, version, machine), as
/// strings in a tuple (`os.uname` names the fields).
pub(super) fn p_uname<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, "uname", args, kw)?;
    // SAFETY: `utsname` is plain C data (arrays of chars), valid when zeroed.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a live utsname the call fills in.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(errno_error(cx, rt, std::io::Error::last_os_error().raw_os_error().unwrap_or(0), &[]));
    }
    let mut items = Vec::new();
    for field in [&u.sysname[..], &u.nodename[..], &u.release[..], &u.version[..], &u.machine[..]] {
        let bytes: Vec<u8> = field.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        let v = new_str(cx.heap_mut(), &String::from_utf8_lossy(&bytes));
        let _ = metatrace::Ctx::root(cx, v);
        items.push(v);
    }
    Ok(crate::runtime::new_tuple(cx.heap_mut(), &items))
}

/// `posix.confstr(number)`: the C library's configuration string (None when it has none).
pub(super) fn p_confstr<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let n = need(cx, rt, args, kw, 0, "name", "confstr")?;
    let name = int_of(cx, rt, n)? as libc::c_int;
    let mut buf = vec![0u8; 256];
    // SAFETY: the buffer is live and its length is passed; confstr writes at most that much.
    let len = unsafe { libc::confstr(name, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if len == 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if errno != 0 {
            return Err(errno_error(cx, rt, errno, &[]));
        }
        return Ok(rt.none.get());
    }
    let end = (len - 1).min(buf.len() - 1);
    Ok(new_str(cx.heap_mut(), &String::from_utf8_lossy(&buf[..end])))
}

pub(super) fn p_getppid<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, "getppid", args, kw)?;
    Ok(new_int(cx.heap_mut(), std::os::unix::process::parent_id() as i64))
}

pub(super) fn p_urandom<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let n = need(cx, rt, args, kw, 0, "size", "urandom")?;
    let n = int_of(cx, rt, n)?;
    if n < 0 {
        return err(cx, rt, "ValueError", "negative argument not allowed");
    }
    let mut buf = vec![0u8; n as usize];
    if let Err(e) = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)) {
        return Err(os_error(cx, rt, &e, &[]));
    }
    Ok(crate::bytes::new_bytes(cx.heap_mut(), &buf))
}

pub(super) fn p_cpu_count<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    super::textargs::none(cx, rt, "cpu_count", args, kw)?;
    match std::thread::available_parallelism() {
        Ok(n) => Ok(new_int(cx.heap_mut(), n.get() as i64)),
        Err(_) => Ok(rt.none.get()),
    }
}

pub(super) fn p_strerror<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let n = need(cx, rt, args, kw, 0, "code", "strerror")?;
    let n = int_of(cx, rt, n)?;
    s(cx, &strerror(n as i32))
}

/// An environment name or value: a str without NUL (and, for names, without `=`).
fn env_text<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, v: usize, name: bool) -> Result<String, usize> {
    if !is(v, &STR) {
        let msg = format!("str expected, not {}", b::type_name(rt, v));
        return Err(crate::errors::new_error(cx, rt, "TypeError", &msg));
    }
    let t = text(v);
    if t.contains('\0') {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "embedded null byte"));
    }
    if name && (t.is_empty() || t.contains('=')) {
        return Err(crate::errors::new_error(cx, rt, "ValueError", "illegal environment variable name"));
    }
    Ok(t.to_string())
}

pub(super) fn p_putenv<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let k = need(cx, rt, args, kw, 0, "name", "putenv")?;
    let v = need(cx, rt, args, kw, 1, "value", "putenv")?;
    let (k, v) = (env_text(cx, rt, k, true)?, env_text(cx, rt, v, false)?);
    std::env::set_var(k, v);
    Ok(rt.none.get())
}

pub(super) fn p_unsetenv<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let k = need(cx, rt, args, kw, 0, "name", "unsetenv")?;
    let k = env_text(cx, rt, k, true)?;
    std::env::remove_var(k);
    Ok(rt.none.get())
}

pub(super) fn p_system<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let c = need(cx, rt, args, kw, 0, "command", "system")?;
    let cmd = path_of(cx, rt, c, "system")?;
    let _ = rt.out.borrow_mut().flush();
    let status = std::process::Command::new("/bin/sh").arg("-c").arg(cmd).status();
    match status {
        Ok(st) => {
            use std::os::unix::process::ExitStatusExt;
            Ok(new_int(cx.heap_mut(), st.into_raw() as i64))
        }
        Err(e) => Err(os_error(cx, rt, &e, &[])),
    }
}

pub(super) fn p_exit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    kw: Kw<'_>,
) -> PyResult {
    let n = need(cx, rt, args, kw, 0, "status", "_exit")?;
    let n = int_of(cx, rt, n)?;
    let _ = rt.out.borrow_mut().flush();
    std::process::exit(n as i32)
}

/// Flushes what `print` and writes to descriptor 1 have buffered (mtpy's own).
pub(super) fn p_flush_std<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let _ = rt.out.borrow_mut().flush();
    Ok(rt.none.get())
}

/// The process environment as a new dict of str (the `posix.environ` lib/os.py wraps).
pub fn environ<S: Space>(cx: &mut Cx<'_, S>, rt: &Python) -> PyResult {
    let d = dict::new_dict(cx.heap_mut());
    let _ = metatrace::Ctx::root(cx, d);
    for (k, v) in std::env::vars_os() {
        let k = os_str(cx, &k);
        let _ = metatrace::Ctx::root(cx, k);
        let v = os_str(cx, &v);
        dict::set(cx, rt, d, k, v)?;
    }
    Ok(d)
}
