//! `time.struct_time`, `time.gmtime` and `time.localtime` (local time is UTC here); the rest
//! of `time` (`strftime`, `strptime`, `mktime`, `asctime`, `ctime`, `timezone`, ...) is written
//! in Python (`_time`) and found through `time.__getattr__`.

use super::*;

rows! {
    "time.struct_time" => time_struct_time,
    "time.gmtime" => time_gmtime,
    "time.localtime" => time_gmtime,
    "time.__getattr__" => time_getattr,
}

/// `time.__getattr__(name)`: a public name of the Python part (`_time`), copied into `time`
/// when first asked for.
fn time_getattr<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let n = arg(cx, rt, args, 0, "__getattr__")?;
    let name = if is(n, &STR) { text(n).to_string() } else { String::new() };
    let time = rt.module_cache.borrow().get("time").copied();
    if let (Some(time), false) = (time, name.starts_with('_')) {
        let extra = crate::modules::import_module(cx, rt, "_time")?;
        if let Some(v) = crate::globals::peek_global_of(rt, extra, &name) {
            crate::globals::store_global(cx, rt, time, &name, v);
            return Ok(v);
        }
    }
    err(cx, rt, "AttributeError", &format!("module 'time' has no attribute '{name}'"))
}

const FIELDS: &[&str] =
    &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];

fn time_struct_time<S: Space>(
    cx: &mut Cx<'_, S>,
    rt: &Python,
    _: Option<usize>,
    args: &[usize],
    _: Kw<'_>,
) -> PyResult {
    let seq = arg(cx, rt, args, 0, "struct_time")?;
    let values = collect(cx, rt, seq)?;
    if !(9..=11).contains(&values.len()) {
        let msg = format!("time.struct_time() takes an at least 9-sequence ({}-sequence given)", values.len());
        return err(cx, rt, "TypeError", &msg);
    }
    super::new_structseq(cx, rt, "time.struct_time", FIELDS, &values[..9])
}

/// (year, month, day) of day `days` after 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

fn time_gmtime<S: Space>(cx: &mut Cx<'_, S>, rt: &Python, _: Option<usize>, args: &[usize], _: Kw<'_>) -> PyResult {
    let secs = match args.first().copied().filter(|&v| v != rt.none.get()) {
        Some(v) => {
            let x = super::math::fnum(cx, rt, &[v], 0, "gmtime")?;
            if !x.is_finite() || x.abs() > 1e17 {
                return err(cx, rt, "OverflowError", "timestamp out of range for platform time_t");
            }
            x.floor() as i64
        }
        None => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
        }
    };
    let days = secs.div_euclid(86400);
    let rest = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    let jan1 = days - (d - 1) - {
        // Days from January 1 to the first of month `m`.
        const BEFORE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        BEFORE[(m - 1) as usize] + (leap && m > 2) as i64
    };
    let fields = [y, m, d, rest / 3600, rest / 60 % 60, rest % 60, (days + 3).rem_euclid(7), days - jan1 + 1, 0];
    let values: Vec<usize> = fields.iter().map(|&v| new_int(cx.heap_mut(), v)).collect();
    super::new_structseq(cx, rt, "time.struct_time", FIELDS, &values)
}
