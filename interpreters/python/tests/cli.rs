//! mtpy's command line: `-c`, `-m`, `-` and piped stdin, `-i` (the REPL driven through a
//! pipe), `sys.argv` in each, and the exit statuses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn mtpy_with_stdin(args: &[&str], dir: &Path, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mtpy"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mtpy runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh folder under the system's temporary one, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("mtpy_cli_{tag}_{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn write(&self, rel: &str, text: &str) {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn dash_c_runs_its_argument_with_argv() {
    let d = TempDir::new("c");
    let o = mtpy_with_stdin(&["-c", "import sys; print(sys.argv, __name__)", "a", "b"], &d.0, "");
    assert_eq!(stdout(&o), "['-c', 'a', 'b'] __main__\n");
    assert!(o.status.success());
    let o = mtpy_with_stdin(&["-c", "import sys; sys.exit(4)"], &d.0, "");
    assert_eq!(o.status.code(), Some(4));
}

#[test]
fn piped_stdin_is_the_program() {
    let d = TempDir::new("pipe");
    let prog = "import sys\nfor i in range(3):\n    print(i)\nprint(sys.argv)\n";
    let o = mtpy_with_stdin(&[], &d.0, prog);
    assert_eq!(stdout(&o), "0\n1\n2\n['']\n", "{}", stderr(&o));
    let o = mtpy_with_stdin(&["-", "x", "y"], &d.0, prog);
    assert_eq!(stdout(&o), "0\n1\n2\n['-', 'x', 'y']\n");
    // A traceback names <stdin>; the status is 1.
    let o = mtpy_with_stdin(&[], &d.0, "print('a')\n1/0\n");
    assert_eq!(stdout(&o), "a\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("File \"<stdin>\", line 2"), "{}", stderr(&o));
    assert!(stderr(&o).ends_with("ZeroDivisionError: division by zero\n"));
    // A syntax error in piped input.
    let o = mtpy_with_stdin(&[], &d.0, "x = = 1\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("SyntaxError"), "{}", stderr(&o));
}

#[test]
fn input_reads_the_rest_of_stdin() {
    let d = TempDir::new("input");
    d.write("ask.py", "name = input('name? ')\nprint('hello', name)\nimport sys\nprint(sys.stdin.readline().strip())\nprint(input())\ntry:\n    input()\nexcept EOFError as e:\n    print('EOF:', e)\n");
    let o = mtpy_with_stdin(&["ask.py"], &d.0, "world\nsecond\nthird\n");
    assert_eq!(stdout(&o), "name? hello world\nsecond\nthird\nEOF: EOF when reading a line\n", "{}", stderr(&o));
}

#[test]
fn dash_m_runs_a_module_as_main() {
    let d = TempDir::new("m");
    d.write("hello.py", "import sys\nprint('hello', __name__, sys.argv[1:], sys.argv[0].endswith('hello.py'))\n");
    d.write("pkg/__init__.py", "print('pkg init')\n");
    d.write("pkg/helper.py", "VALUE = 42\n");
    d.write(
        "pkg/__main__.py",
        "from . import helper\nfrom .helper import VALUE\nprint('pkg main', __name__, helper.VALUE, VALUE)\n",
    );
    d.write("pkg/tool.py", "from .helper import VALUE\nprint('tool', __name__, VALUE)\n");
    let o = mtpy_with_stdin(&["-m", "hello", "1", "2"], &d.0, "");
    assert_eq!(stdout(&o), "hello __main__ ['1', '2'] True\n", "{}", stderr(&o));
    let o = mtpy_with_stdin(&["-m", "pkg"], &d.0, "");
    assert_eq!(stdout(&o), "pkg init\npkg main __main__ 42 42\n", "{}", stderr(&o));
    let o = mtpy_with_stdin(&["-m", "pkg.tool"], &d.0, "");
    assert_eq!(stdout(&o), "pkg init\ntool __main__ 42\n", "{}", stderr(&o));
    let o = mtpy_with_stdin(&["-m", "no_such_module"], &d.0, "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("No module named no_such_module"), "{}", stderr(&o));
    // A library module written in Python runs too (as `__main__`: nothing to print).
    let o = mtpy_with_stdin(&["-m", "keyword"], &d.0, "");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn dash_i_reads_statements_after_the_program() {
    let d = TempDir::new("repl");
    let session = "x = 6\nx * 7\n_ + 1\nfor i in range(2):\n    print('loop', i)\n\ndef f(a,\n      b):\n    return a - b\n\nf(10, 3)\nundefined_name\nprint('still here')\n'text'\nNone\nimport sys; sys.exit(5)\nprint('not reached')\n";
    let o = mtpy_with_stdin(&["-i"], &d.0, session);
    assert_eq!(stdout(&o), "42\n43\nloop 0\nloop 1\n7\nstill here\n'text'\n", "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(">>> "), "{err}");
    assert!(err.contains("... "), "{err}");
    assert!(err.contains("NameError: name 'undefined_name' is not defined"), "{err}");
    assert_eq!(o.status.code(), Some(5));
    // A script first, then its globals at the prompt; end of input ends with status 0.
    d.write("prog.py", "value = 'from script'\n");
    let o = mtpy_with_stdin(&["-i", "prog.py"], &d.0, "print(value)\n");
    assert_eq!(stdout(&o), "from script\n");
    assert_eq!(o.status.code(), Some(0));
    // A syntax error is reported and the session goes on.
    let o = mtpy_with_stdin(&["-i"], &d.0, "1 +\nprint('ok')\n");
    assert_eq!(stdout(&o), "ok\n");
    assert!(stderr(&o).contains("SyntaxError"), "{}", stderr(&o));
}
