//! One interpreter with its `__main__` module, running what the command line asks for: a
//! program's source (a file, `-c`, stdin), a module found by name (`-m`), or one interactive
//! statement after another (the REPL, [`crate::repl`]).

use crate::compile::SyntaxError;
use crate::{builtins, classes, globals, main_module, new_vm, run_code, runtime, Exit, Py, Python};
use metatrace::{JitParams, Vm};
use std::rc::Rc;

/// An interpreter and its `__main__`.
pub struct Session {
    pub vm: Vm<Py>,
    pub rt: Rc<Python>,
    pub main: usize,
}

/// What running something came to.
pub enum Outcome {
    /// It finished.
    Done,
    /// `sys.exit` / `SystemExit`: the status, or the message to print (status 1).
    Exit(Exit),
    /// An uncaught exception: its traceback.
    Error(String),
    /// Its source did not compile.
    Syntax(SyntaxError),
}

impl Session {
    /// A new interpreter whose `sys.argv` is `argv` and whose `sys.path` starts with `dir` (the
    /// script's folder), then the working directory.
    pub fn new(
        params: JitParams,
        stack_margin: usize,
        argv: &[String],
        dir: std::path::PathBuf,
        out: Box<dyn std::io::Write>,
    ) -> Session {
        let mut vm = new_vm(params, out);
        vm.set_stack_margin(stack_margin);
        vm.set_stack_budget(Some(crate::library::system::MIN_STACK_BUDGET));
        let rt = vm.lang().rt.clone();
        let main = main_module(&mut vm, "__main__");
        rt.module_cache.borrow_mut().insert("__main__".into(), main);
        let dir = if dir.as_os_str().is_empty() { std::path::PathBuf::from(".") } else { dir };
        rt.path.borrow_mut().push(dir);
        if let Ok(cwd) = std::env::current_dir() {
            rt.path.borrow_mut().push(cwd);
        }
        *rt.argv.borrow_mut() = argv.to_vec();
        Session { vm, rt, main }
    }

    /// Sets global `name` of `__main__` (before the program runs).
    pub fn set_main_global(&mut self, name: &str, value: &str) {
        let v = runtime::new_str(self.vm.heap_mut(), value);
        self.rt.immortal(self.vm.heap_mut(), v);
        globals::set_global_raw(&self.rt, self.vm.heap_mut(), self.main, name, v);
    }

    /// Runs `source` (a whole program, from `filename`) in `__main__`.
    pub fn run_program(&mut self, source: &str, filename: &str) -> Outcome {
        let code = match crate::compile::compile_module(source, filename) {
            Ok(c) => c,
            Err(e) => return Outcome::Syntax(e),
        };
        self.rt.sources.borrow_mut().insert(Rc::from(filename), Rc::from(source));
        if !filename.starts_with('<') {
            self.set_main_global("__file__", filename);
        }
        {
            let r = run_code(&mut self.vm, &code, self.main);
            self.finish(r)
        }
    }

    /// Runs one interactive input (`single` mode: expression values are displayed).
    pub fn run_interactive(&mut self, source: &str) -> Outcome {
        let code = match crate::compile::compile_interactive(source, "<stdin>") {
            Ok(c) => c,
            Err(e) => return Outcome::Syntax(e),
        };
        self.rt.sources.borrow_mut().insert(Rc::from("<stdin>"), Rc::from(source));
        {
            let r = run_code(&mut self.vm, &code, self.main);
            self.finish(r)
        }
    }

    /// `-m name`: the module's file (or a package's `__main__`), found among the library
    /// modules written in Python or on `sys.path`, run as `__main__` after its parent packages
    /// are imported. `Err`: CPython's message when there is no such module.
    pub fn run_module(&mut self, name: &str) -> Result<Outcome, String> {
        let (source, filename, run_name) = find_main(&self.rt, name)?;
        if let Some((parent, _)) = run_name.rsplit_once('.') {
            // The parent packages, imported as usual; `__package__` makes relative imports
            // in the module resolve against them.
            let boot = format!("import {parent}\n");
            let code = match crate::compile::compile_module(&boot, "<run_module>") {
                Ok(c) => c,
                Err(e) => return Ok(Outcome::Syntax(e)),
            };
            let scratch = main_module(&mut self.vm, "__run_module__");
            let r = run_code(&mut self.vm, &code, scratch);
            match self.finish(r) {
                Outcome::Done => {}
                other => return Ok(other),
            }
            self.set_main_global("__package__", parent);
        }
        if !filename.starts_with('<') {
            self.set_main_global("__file__", &filename);
        }
        if let Some(a) = self.rt.argv.borrow_mut().first_mut() {
            *a = filename.clone();
        }
        Ok(self.run_program(&source, &filename))
    }

    /// Runs the functions registered with `atexit` (if the program imported it), last
    /// registered first, then `__del__` of the objects still alive that have one (see
    /// `library::lifetime`), as CPython does when a program ends.
    pub fn at_exit(&mut self) {
        let atexit = self.rt.module_cache.borrow().contains_key("atexit");
        let heap = self.vm.heap();
        let finalizers = heap.registered_len() + heap.finalizable_len() > 0;
        let source = match (atexit, finalizers) {
            (false, false) => return,
            (true, false) => "import atexit\natexit._run_exitfuncs()\n",
            (false, true) => "import _gc\n_gc.at_exit()\n",
            (true, true) => "import atexit, _gc\natexit._run_exitfuncs()\n_gc.at_exit()\n",
        };
        let Ok(code) = crate::compile::compile_module(source, "<atexit>") else {
            return;
        };
        let scratch = main_module(&mut self.vm, "__atexit__");
        // (The handlers' own errors are reported by `_run_exitfuncs`.)
        let _ = run_code(&mut self.vm, &code, scratch);
    }

    fn finish(&mut self, r: Result<usize, usize>) -> Outcome {
        let Err(e) = r else { return Outcome::Done };
        let exit = classes::is_subclass(&self.rt, builtins::peek_type(&self.rt, e), self.rt.builtin_type("SystemExit"));
        if !exit {
            self.user_messages(e);
        }
        match crate::exit_of(&self.rt, e) {
            Exit::Uncaught(report) if !exit => Outcome::Error(report),
            other => Outcome::Exit(other),
        }
    }
}

impl Session {
    /// Runs the `__str__` methods written in Python of uncaught exception `e` and the
    /// exceptions chained to it (and `str` of those whose arguments the report cannot
    /// render without running code, such as a tuple or a user object), keeping the messages for the report
    /// (`Python::uncaught_messages`): the report itself is made without running code.
    fn user_messages(&mut self, e: usize) {
        let mut chain = Vec::new();
        let mut next = Some(e);
        while let Some(x) = next.filter(|_| chain.len() < 50) {
            chain.push(x);
            let slot = |n: &str| classes::peek_slot(&self.rt, x, n).filter(|&c| c != self.rt.none.get() && c != 0);
            next = slot("__cause__").or_else(|| slot("__context__"));
        }
        let base = classes::lookup(&self.rt, self.rt.builtin_type("BaseException"), "__str__");
        // The last exception (the one reported last) gets CPython's "Did you mean" hint
        // when it is a NameError or AttributeError.
        let hinted = |x: usize| {
            x == e
                && ["NameError", "AttributeError"]
                    .iter()
                    .any(|n| classes::is_subclass(&self.rt, builtins::peek_type(&self.rt, x), self.rt.builtin_type(n)))
        };
        let user: Vec<usize> = chain
            .into_iter()
            .filter(|&x| {
                let t = builtins::peek_type(&self.rt, x);
                let f = classes::lookup(&self.rt, t, "__str__");
                hinted(x)
                    || (f != base && f.is_some_and(|f| crate::objects::is(f, &crate::objects::FUNCTION)))
                    || !builtins::args_render_simply(&self.rt, x)
            })
            .collect();
        if user.is_empty() {
            return;
        }
        let Ok(code) = crate::compile::compile_module(
            "try:\n    m = str(e)\nexcept BaseException:\n    m = '<exception str() failed>'\n\
             if hint:\n    try:\n        import _suggest\n        m = _suggest.message(e) or m\n    \
             except BaseException:\n        pass\n",
            "<uncaught>",
        ) else {
            return;
        };
        for x in user {
            let hint = if hinted(x) { self.rt.true_.get() } else { self.rt.false_.get() };
            let scratch = main_module(&mut self.vm, "__uncaught__");
            self.rt.immortal(self.vm.heap_mut(), x);
            globals::set_global_raw(&self.rt, self.vm.heap_mut(), scratch, "e", x);
            globals::set_global_raw(&self.rt, self.vm.heap_mut(), scratch, "hint", hint);
            if run_code(&mut self.vm, &code, scratch).is_err() {
                continue;
            }
            if let Some(m) =
                globals::peek_global_of(&self.rt, scratch, "m").filter(|&m| crate::objects::is(m, &crate::objects::STR))
            {
                self.rt.uncaught_messages.borrow_mut().push((x, builtins::text(m).to_string()));
            }
        }
    }
}

/// The source, file name and dotted name of what `-m name` runs.
fn find_main(rt: &Python, name: &str) -> Result<(String, String, String), String> {
    if name.is_empty() || name.split('.').any(|p| p.is_empty()) {
        return Err(format!("No module named {name}"));
    }
    if let Some(m) = crate::stdlib::find(name) {
        if !m.package {
            return Ok((m.source.to_string(), crate::stdlib::filename(name), name.to_string()));
        }
        let sub = format!("{name}.__main__");
        return match crate::stdlib::find(&sub) {
            Some(s) => Ok((s.source.to_string(), crate::stdlib::filename(&sub), sub)),
            None => Err(format!("No module named {sub}; '{name}' is a package and cannot be directly executed")),
        };
    }
    let rel: std::path::PathBuf = name.split('.').collect();
    for dir in rt.path.borrow().iter() {
        let file = dir.join(&rel).with_extension("py");
        let main = dir.join(&rel).join("__main__.py");
        let (path, run_name) = if file.is_file() {
            (file, name.to_string())
        } else if dir.join(&rel).join("__init__.py").is_file() {
            if !main.is_file() {
                return Err(format!(
                    "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
                ));
            }
            (main, format!("{name}.__main__"))
        } else {
            continue;
        };
        let full = std::fs::canonicalize(&path).unwrap_or(path);
        let source = std::fs::read(&full).map_err(|e| format!("can't open file '{}': {e}", full.display()))?;
        let source = String::from_utf8_lossy(&source);
        let source = source.strip_prefix('\u{feff}').unwrap_or(&source).to_string();
        return Ok((source, full.display().to_string(), run_name));
    }
    Err(format!("No module named {name}"))
}

/// What an outcome prints on stderr (a traceback, a syntax error, SystemExit's message), and
/// the exit status it stands for.
pub fn report(outcome: &Outcome) -> (Option<String>, i32) {
    let line = |r: &str| if r.ends_with('\n') { r.to_string() } else { format!("{r}\n") };
    match outcome {
        Outcome::Done => (None, 0),
        Outcome::Exit(Exit::Status(n)) => (None, *n),
        Outcome::Exit(Exit::Uncaught(r)) => (Some(line(r)), 1),
        Outcome::Error(r) => {
            // An uncaught KeyboardInterrupt ends CPython by SIGINT: the shell's status 130.
            let last = r.trim_end().rsplit('\n').next().unwrap_or("");
            let interrupted = last == "KeyboardInterrupt" || last.starts_with("KeyboardInterrupt: ");
            (Some(line(r)), if interrupted { 130 } else { 1 })
        }
        Outcome::Syntax(e) => (Some(syntax_report(e)), 1),
    }
}

/// A compile error as CPython reports it (location, line, caret, message).
pub fn syntax_report(e: &SyntaxError) -> String {
    if e.kind == crate::compile::SyntaxErrorKind::RecursionError {
        // Nesting too deep to compile: CPython prints just the error.
        return format!("RecursionError: {}\n", e.msg);
    }
    let mut s = format!("  File \"{}\", line {}\n", e.filename, e.line);
    if let Some(text) = &e.text {
        let line = text.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        s.push_str(&format!("    {trimmed}\n"));
        if e.col > 0 {
            // A caret under the column, or under the whole range on one line.
            let col = (e.col as usize).saturating_sub(1).saturating_sub(indent);
            let width = if e.end_line == e.line && e.end_col > e.col { (e.end_col - e.col) as usize } else { 1 };
            s.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
        }
    }
    s.push_str(&format!("{:?}: {}\n", e.kind, e.msg));
    s
}
