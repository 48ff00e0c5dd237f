//! `mtpy`: runs a Python program with the Metatrace JIT.
//!
//! `mtpy [options] FILE [args...]`, `mtpy -c CODE`, `mtpy -` (stdin). Implementation options
//! are `-X name[=value]`: `jit=off|on`, `jit-threshold=N`, `jit-bridge=N`, `jitlog`, and
//! `jit=SPEC` with the toolchain's comma-separated settings. An uncaught exception prints a
//! CPython-style traceback to stderr and exits 1; a syntax error is reported with its line
//! and caret and exits 1.

use metatrace::JitParams;
use metatrace_python::compile::SyntaxError;
use metatrace_python::{run_source, Exit};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: mtpy [-h] [--version] [-X opt] [-u] [-O] (-c cmd | file | -) [arg] ...";

/// The interpreter runs on a thread with a stack of its own: the compiler may use all of it
/// (deeply nested source), the program the part above [`STACK_MARGIN`]: Python recursion
/// raises RecursionError when it runs low (a few tens of thousands of calls deep).
const STACK_SIZE: usize = 64 << 20;
/// What the program leaves unused of the stack (see `Vm::set_stack_margin`).
pub const STACK_MARGIN: usize = 32 << 20;

fn help() -> String {
    format!(
        "{USAGE}\n\n\
         Runs a Python 3 program with the Metatrace tracing JIT.\n\n\
         options:\n  \
           -c cmd       program passed in as string\n  \
           -            program read from stdin\n  \
           -X opt       implementation option: jit=off|on|SPEC, jit-threshold=N, jit-bridge=N, jitlog,\n  \
                        jitstats (what the JIT and the heap did, on stderr at exit)\n  \
           -u, -O       accepted (output is flushed at exit; asserts always run)\n  \
           --version    print the version and exit\n  \
           -h, --help   print this help and exit"
    )
}

fn main() -> ExitCode {
    let mut params = JitParams { keep_traces: false, ..JitParams::default() };
    let mut stats = false;
    let mut args = std::env::args().skip(1).peekable();
    let mut source: Option<(String, String)> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{}", help());
                return ExitCode::SUCCESS;
            }
            "--version" | "-V" => {
                println!("Python 3.11.7 (mtpy {})", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "-u" | "-O" | "-OO" | "-B" | "-E" | "-s" | "-S" => {}
            "-X" => {
                let Some(opt) = args.next() else { return usage("-X needs an option") };
                if opt == "jitstats" {
                    stats = true;
                } else if let Err(e) = x_option(&mut params, &opt) {
                    return usage(&e);
                }
            }
            "-c" => {
                let Some(code) = args.next() else { return usage("Argument expected for the -c option") };
                source = Some((code, "<string>".into()));
                break;
            }
            "-m" => return usage("-m is not supported yet"),
            "-" => {
                let mut s = String::new();
                if std::io::stdin().read_to_string(&mut s).is_err() {
                    eprintln!("mtpy: cannot read stdin");
                    return ExitCode::from(1);
                }
                source = Some((s, "<stdin>".into()));
                break;
            }
            _ if a.starts_with("-X") => {
                if let Err(e) = x_option(&mut params, &a[2..]) {
                    return usage(&e);
                }
            }
            _ if a.starts_with('-') => return usage(&format!("unknown option {a}")),
            _ => {
                let text = match std::fs::read(&a) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("mtpy: can't open file '{a}': [Errno {}] {e}", e.raw_os_error().unwrap_or(2));
                        return ExitCode::from(2);
                    }
                };
                // CPython 3.11 names the main script by its absolute path (tracebacks, `__file__`).
                let path = std::path::Path::new(&a);
                let name = match std::env::current_dir() {
                    Ok(cwd) if path.is_relative() => cwd.join(path).to_string_lossy().into_owned(),
                    _ => a,
                };
                let text = match decode_source(&text, &name) {
                    Ok(t) => t,
                    Err(msg) => {
                        eprintln!("SyntaxError: {msg}");
                        return ExitCode::from(1);
                    }
                };
                source = Some((text, name));
                break;
            }
        }
    }
    let Some((src, filename)) = source else {
        return usage("the interactive REPL is not supported yet: give a FILE, -c CODE or -");
    };
    let mut argv = vec![if filename.starts_with('<') {
        if filename == "<string>" {
            "-c".to_string()
        } else {
            "-".to_string()
        }
    } else {
        filename.clone()
    }];
    argv.extend(args);
    let outcome = std::thread::Builder::new().name("mtpy".into()).stack_size(STACK_SIZE).spawn(move || {
        let out: Box<dyn std::io::Write> = Box::new(std::io::BufWriter::new(std::io::stdout()));
        match run_source(&src, &filename, &argv, params, stats, STACK_MARGIN, out) {
            Ok(Exit::Status(n)) => n,
            Ok(Exit::Uncaught(report)) => {
                eprint!("{report}");
                if !report.ends_with('\n') {
                    eprintln!();
                }
                1
            }
            Err(e) => {
                report_syntax_error(&e);
                1
            }
        }
    });
    match outcome.map(|h| h.join()) {
        Ok(Ok(n)) => ExitCode::from(n.clamp(0, 255) as u8),
        _ => {
            eprintln!("mtpy: internal error (the interpreter thread failed)");
            ExitCode::from(70)
        }
    }
}

/// A source file's text: UTF-8 (a BOM dropped), or Latin-1 when its coding declaration
/// says so (PEP 263); CPython's SyntaxError message for bytes that do not decode.
fn decode_source(bytes: &[u8], name: &str) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut lines = bytes.split(|&b| b == b'\n').take(2);
    let latin1 = lines.any(|l| {
        let l = String::from_utf8_lossy(l).to_ascii_lowercase();
        let l = l.trim_start();
        l.starts_with('#')
            && ["latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso-latin-1"].iter().any(|c| {
                l.contains(&format!("coding:{c}"))
                    || l.contains(&format!("coding: {c}"))
                    || l.contains(&format!("coding={c}"))
            })
    });
    if latin1 {
        return Ok(bytes.iter().map(|&b| b as char).collect());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {name} on line {line}, but no encoding declared; \
                 see https://peps.python.org/pep-0263/ for details",
                bytes[at]
            ))
        }
    }
}

fn x_option(params: &mut JitParams, opt: &str) -> Result<(), String> {
    let (k, v) = opt.split_once('=').unwrap_or((opt, ""));
    match (k, v) {
        ("jit", "off") => params.enabled = false,
        ("jit", "on") => params.enabled = true,
        ("jit", spec) => params.apply(spec)?,
        ("jit-threshold", n) => params.apply(&format!("threshold={n}"))?,
        ("jit-bridge", n) => params.apply(&format!("bridge={n}"))?,
        ("jitlog", _) => params.log = true,
        ("gc-stress", _) => params.gc_stress = true,
        _ => {}
    }
    Ok(())
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("mtpy: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn report_syntax_error(e: &SyntaxError) {
    if e.kind == metatrace_python::compile::SyntaxErrorKind::RecursionError {
        eprintln!("RecursionError: {}", e.msg);
        return;
    }
    eprintln!("  File \"{}\", line {}", e.filename, e.line);
    if let Some(text) = &e.text {
        let line = text.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        eprintln!("    {trimmed}");
        if e.col > 0 {
            let col = (e.col as usize).saturating_sub(1).saturating_sub(indent);
            let width = if e.end_line == e.line && e.end_col > e.col { (e.end_col - e.col) as usize } else { 1 };
            eprintln!("    {}{}", " ".repeat(col), "^".repeat(width));
        }
    }
    let kind = format!("{:?}", e.kind);
    eprintln!("{kind}: {}", e.msg);
}
