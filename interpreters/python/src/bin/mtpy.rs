//! `mtpy`: runs a Python program with the Metatrace JIT.
//!
//! `mtpy [options] FILE [args...]`, `mtpy -c CODE`, `mtpy -m MODULE`, `mtpy -` (stdin), and
//! `mtpy` alone: the interactive REPL on a terminal, else the program piped to stdin (`-i`:
//! the REPL after the program, even on piped input). Implementation options
//! are `-X name[=value]`: `jit=off|on`, `jit-threshold=N`, `jit-bridge=N`, `jitlog`, and
//! `jit=SPEC` with the toolchain's comma-separated settings. An uncaught exception prints a
//! CPython-style traceback to stderr and exits 1; a syntax error is reported with its line
//! and caret and exits 1.

use metatrace::JitParams;
use metatrace_python::session::{report, Outcome, Session};
use metatrace_python::{print_stats, repl};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: mtpy [-h] [--version] [-X opt] [-u] [-O] [-i] [-c cmd | -m mod | file | -] [arg] ...";

/// The interpreter runs on a thread with a stack of its own: the compiler may use all of it
/// (deeply nested source), the program the part above [`STACK_MARGIN`] that its recursion
/// limit allows (`sys.setrecursionlimit`; by default about ten thousand calls): Python
/// recursion raises RecursionError when that runs low. Pages are only touched as deep as
/// the program recurses, so a large reservation costs address space only.
const STACK_SIZE: usize = 1 << 30;
/// What the program leaves unused of the stack (see `Vm::set_stack_margin`).
pub const STACK_MARGIN: usize = 32 << 20;

fn help() -> String {
    format!(
        "{USAGE}\n\n\
         Runs a Python 3 program with the Metatrace tracing JIT.\n\n\
         options:\n  \
           -c cmd       program passed in as string\n  \
           -m mod       run library module as a script\n  \
           -i           inspect interactively after running the program\n  \
           -            program read from stdin (default; interactive mode if a tty)\n  \
           -X opt       implementation option: jit=off|on|SPEC, jit-threshold=N, jit-bridge=N, jitlog,\n               \
                        jitstats (what the JIT and the heap did, on stderr at exit)\n  \
           -u, -O       accepted (output is flushed at exit; asserts always run)\n  \
           --version    print the version and exit\n  \
           -h, --help   print this help and exit\n\n\
         For -X jit=SPEC, {}\n\
         (mtpy's own defaults: trace_limit={TRACE_LIMIT}, compile_share={COMPILE_SHARE})",
        JitParams::spec_help()
    )
}

/// What the command line asks to run.
enum Plan {
    /// A program's source and its file name (`<string>` for `-c`, `<stdin>`).
    Program(String, String),
    /// `-m module`.
    Module(String),
    /// Nothing: the interactive REPL.
    Repl,
}

/// The trace limit of mtpy (the library's default is RPython's 6000). A Python bytecode
/// records several operations, and compiling a trace takes more than linear time in its
/// length (register allocation over the values its guards keep alive): a 3,700-op loop of
/// the raytrace benchmark took 150 ms to compile. Past the limit, a trace that inlined calls
/// is retried calling its largest callee instead. Measured (CPU time, `farm-bench -n 3`):
/// raytrace 28 % faster at 2000, other benchmarks within noise (exceptions about 1 % slower).
const TRACE_LIMIT: u32 = 2000;

/// The compile share of mtpy, in percent of the run past the grace (see
/// `JitParams::compile_share`): on the benchmarks, bridges and traces compiled past the
/// grace mostly do not pay for themselves where compilation goes on (json_tree 7 % and
/// nqueens 6 % faster at 5 than at `JitParams::COMPILE_SHARE`'s 10, deltablue and fannkuch
/// unchanged; at 4 with a 150 ms grace, deltablue got 19 % slower).
const COMPILE_SHARE: u32 = 5;

fn main() -> ExitCode {
    let mut params = JitParams {
        keep_traces: false,
        compile_share: COMPILE_SHARE,
        trace_limit: TRACE_LIMIT,
        ..JitParams::default()
    };
    let mut stats = false;
    let mut interactive = false;
    let mut args = std::env::args().skip(1).peekable();
    let mut plan = None;
    let mut argv0 = String::new();
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
            "-u" | "-O" | "-OO" | "-B" | "-E" | "-s" | "-S" | "-q" => {}
            "-i" => interactive = true,
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
                plan = Some(Plan::Program(code, "<string>".into()));
                argv0 = "-c".into();
                break;
            }
            "-m" => {
                let Some(module) = args.next() else { return usage("Argument expected for the -m option") };
                plan = Some(Plan::Module(module));
                argv0 = "-m".into();
                break;
            }
            "-" => {
                let Some(src) = read_stdin() else { return ExitCode::from(1) };
                plan = Some(Plan::Program(src, "<stdin>".into()));
                argv0 = "-".into();
                break;
            }
            _ if a.starts_with("-X") => {
                if let Err(e) = x_option(&mut params, &a[2..]) {
                    return usage(&e);
                }
            }
            _ if a.starts_with("-c") && a.len() > 2 => {
                plan = Some(Plan::Program(a[2..].to_string(), "<string>".into()));
                argv0 = "-c".into();
                break;
            }
            _ if a.starts_with("-m") && a.len() > 2 => {
                plan = Some(Plan::Module(a[2..].to_string()));
                argv0 = "-m".into();
                break;
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
                let path = Path::new(&a);
                let name = match std::env::current_dir() {
                    Ok(cwd) if path.is_relative() => cwd.join(path).to_string_lossy().into_owned(),
                    _ => a.clone(),
                };
                let text = match decode_source(&text, &name) {
                    Ok(t) => t,
                    Err(msg) => {
                        eprintln!("SyntaxError: {msg}");
                        return ExitCode::from(1);
                    }
                };
                argv0 = a.clone();
                plan = Some(Plan::Program(text, name));
                break;
            }
        }
    }
    let tty = std::io::stdin().is_terminal();
    let plan = match plan {
        Some(p) => p,
        // As CPython: a terminal gets the REPL; piped input is the program.
        None if tty || interactive => Plan::Repl,
        None => {
            let Some(src) = read_stdin() else { return ExitCode::from(1) };
            Plan::Program(src, "<stdin>".into())
        }
    };
    let mut argv = vec![argv0];
    argv.extend(args);
    let outcome = std::thread::Builder::new()
        .name("mtpy".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(plan, argv, params, stats, interactive, tty));
    match outcome.map(|h| h.join()) {
        Ok(Ok(never)) => match never {},
        _ => {
            eprintln!("mtpy: internal error (the interpreter thread failed)");
            ExitCode::from(70)
        }
    }
}

/// Runs the plan on the interpreter thread, which then ends the process with its exit status.
fn run(
    plan: Plan,
    argv: Vec<String>,
    params: JitParams,
    stats: bool,
    interactive: bool,
    tty: bool,
) -> std::convert::Infallible {
    let out: Box<dyn std::io::Write> = Box::new(std::io::BufWriter::new(std::io::stdout()));
    let dir = match &plan {
        Plan::Program(_, f) if !f.starts_with('<') => {
            Path::new(f).parent().map(|d| d.to_path_buf()).unwrap_or_default()
        }
        _ => PathBuf::new(),
    };
    let mut session = Session::new(params, STACK_MARGIN, &argv, dir, out);
    let outcome = match &plan {
        Plan::Program(src, f) => Some(session.run_program(src, f)),
        Plan::Module(m) => match session.run_module(m) {
            Ok(o) => Some(o),
            Err(msg) => {
                eprintln!("mtpy: {msg}");
                if stats {
                    print_stats(&session.vm);
                }
                std::process::exit(1);
            }
        },
        Plan::Repl => None,
    };
    let mut status = 0;
    let mut exited = false;
    if let Some(o) = &outcome {
        let (text, st) = report(o);
        if let Some(t) = text {
            eprint!("{t}");
        }
        status = st;
        exited = matches!(o, Outcome::Exit(_));
    }
    if (interactive || matches!(plan, Plan::Repl)) && !exited {
        if tty && matches!(plan, Plan::Repl) {
            eprintln!("{}", repl::banner());
        }
        status = match repl::Terminal::new().filter(|_| tty) {
            Some(mut t) => repl::run(&mut session, &mut t),
            None => repl::run(&mut session, &mut repl::PlainStdin),
        };
    }
    session.at_exit();
    if stats {
        print_stats(&session.vm);
    }
    // Everything a program can see of its exit is done (`atexit`, finalizers, and the output,
    // which every run flushes, ignoring errors as before): the process ends here rather than
    // take the heap and the compiled code apart, which the system does faster.
    let _ = std::io::stdout().flush();
    std::process::exit(status.clamp(0, 255))
}

/// The whole of stdin (the program of `mtpy -` and of piped input).
fn read_stdin() -> Option<String> {
    let mut s = String::new();
    if std::io::stdin().read_to_string(&mut s).is_err() {
        eprintln!("mtpy: cannot read stdin");
        return None;
    }
    Some(s)
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
