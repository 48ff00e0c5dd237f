//! The `sys` and `time` modules, and the methods of `sys.stdout` / `sys.stderr`.

use super::math::fnum;
use super::*;

rows! {
    "sys.exit" => sys_exit,
    "sys.getrecursionlimit" => sys_getrecursionlimit,
    "sys.setrecursionlimit" => sys_setrecursionlimit,
    "time.time" => time_time,
    "time.perf_counter" => time_time,
    "time.monotonic" => time_time,
    "time.sleep" => time_sleep,
    "TextIOWrapper.write" => io_write,
    "TextIOWrapper.flush" => io_flush,
}

pub(super) fn sys_exit<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let e = crate::types::call_type(cx, rt, rt.builtin_type("SystemExit"), args, &[])?;
    Err(e)
}
pub(super) fn sys_getrecursionlimit<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    Ok(new_int(cx.heap_mut(), 1000))
}
pub(super) fn sys_setrecursionlimit<S: Space>(
    _: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    // The native stack is the limit (see `Ctx::stack_ok`).
    Ok(rt.none.get())
}
pub(super) fn time_time<S: Space>(
    cx: &mut Cx<'_, S>,
    _: &Python,
    _: Option<usize>,
    _: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(new_float(cx.heap_mut(), t))
}
pub(super) fn time_sleep<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = fnum(cx, rt, args, 0, "sleep")?;
    std::thread::sleep(std::time::Duration::from_secs_f64(s.max(0.0)));
    Ok(rt.none.get())
}
pub(super) fn io_write<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    t: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let s = arg(cx, rt, args, 0, "write")?;
    if !is(s, &STR) {
        return err(cx, rt, "TypeError", &format!("write() argument must be str, not {}", b::type_name(rt, s)));
    }
    let fd = classes::peek_slot(rt, this(t), "fileno_").and_then(|f| peek_i64(f)).unwrap_or(1);
    if fd == 2 {
        let _ = rt.out.borrow_mut().flush();
        eprint!("{}", text(s));
    } else {
        let _ = rt.out.borrow_mut().write_all(text(s).as_bytes());
    }
    Ok(new_int(cx.heap_mut(), text(s).chars().count() as i64))
}
pub(super) fn io_flush<S: Space>(_: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, _: &[usize], _: Kw<'_>) -> PyResult {
    let _ = rt.out.borrow_mut().flush();
    Ok(rt.none.get())
}
