//! The standard library modules written in Python, compiled into the binary: the `.py` files
//! under `interpreters/python/lib/`, embedded with `include_str!`.
//!
//! `import` finds them after the Rust modules (`math`, `sys`, `time`) and before `sys.path`,
//! as CPython's frozen modules come before its path finder: a script's own `collections.py`
//! does not shadow the library's. Their code objects are named `<frozen NAME>` (CPython's
//! name for frozen modules), which is what tracebacks through them show.

/// One embedded module: its dotted name, its source, and whether it is a package (its
/// source is the package's `__init__.py`).
pub struct Frozen {
    pub name: &'static str,
    pub source: &'static str,
    pub package: bool,
}

macro_rules! frozen {
    ($($name:literal => $file:literal $(, $pkg:ident)?;)*) => {
        &[$(Frozen { name: $name, source: include_str!(concat!("../lib/", $file)), package: frozen!(@pkg $($pkg)?) },)*]
    };
    (@pkg package) => { true };
    (@pkg) => { false };
}

/// Every embedded module.
pub static MODULES: &[Frozen] = frozen! {
    "collections" => "collections/__init__.py", package;
    "collections.abc" => "collections/abc.py";
    "_io" => "_io.py";
    "__future__" => "__future__.py";
    "_moduledict" => "_moduledict.py";
    "_sys" => "_sys.py";
    "_time" => "_time.py";
    "_suggest" => "_suggest.py";
    "_asyncgen" => "_asyncgen.py";
    "asyncio" => "asyncio/__init__.py", package;
    "asyncio.locks" => "asyncio/locks.py";
    "asyncio.queues" => "asyncio/queues.py";
    "atexit" => "atexit.py";
    "threading" => "threading.py";
    "codecs" => "codecs.py";
    "contextvars" => "contextvars.py";
    "urllib" => "urllib/__init__.py", package;
    "urllib.parse" => "urllib/parse.py";
    "concurrent" => "concurrent/__init__.py", package;
    "concurrent.futures" => "concurrent/futures/__init__.py", package;
    "errno" => "errno.py";
    "gc" => "gc.py";
    "types" => "types.py";
    "linecache" => "linecache.py";
    "traceback" => "traceback.py";
    "warnings" => "warnings.py";
    "pprint" => "pprint.py";
    "logging" => "logging.py";
    "weakref" => "weakref.py";
    "queue" => "queue.py";
    "graphlib" => "graphlib.py";
    "shlex" => "shlex.py";
    "glob" => "glob.py";
    "reprlib" => "reprlib.py";
    "copyreg" => "copyreg.py";
    "cmath" => "cmath.py";
    "array" => "array.py";
    "calendar" => "calendar.py";
    "abc" => "abc.py";
    "argparse" => "argparse.py";
    "csv" => "csv.py";
    "inspect" => "inspect.py";
    "base64" => "base64.py";
    "binascii" => "binascii.py";
    "bisect" => "bisect.py";
    "contextlib" => "contextlib.py";
    "copy" => "copy.py";
    "dataclasses" => "dataclasses.py";
    "datetime" => "datetime.py";
    "decimal" => "decimal.py";
    "enum" => "enum.py";
    "fnmatch" => "fnmatch.py";
    "fractions" => "fractions.py";
    "functools" => "functools.py";
    "hashlib" => "hashlib.py";
    "heapq" => "heapq.py";
    "hmac" => "hmac.py";
    "html" => "html/__init__.py", package;
    "html.parser" => "html/parser.py";
    "io" => "io.py";
    "itertools" => "itertools.py";
    "json" => "json/__init__.py", package;
    "json.decoder" => "json/decoder.py";
    "json.encoder" => "json/encoder.py";
    "keyword" => "keyword.py";
    "numbers" => "numbers.py";
    "operator" => "operator.py";
    "os" => "os.py";
    "pathlib" => "pathlib.py";
    "posixpath" => "posixpath.py";
    "stat" => "stat.py";
    "random" => "random.py";
    "re" => "re.py";
    "shutil" => "shutil.py";
    "statistics" => "statistics.py";
    "string" => "string.py";
    "struct" => "struct.py";
    "tempfile" => "tempfile.py";
    "textwrap" => "textwrap.py";
    "typing" => "typing.py";
    "unittest" => "unittest/__init__.py", package;
    "unittest.case" => "unittest/case.py";
    "unittest.runner" => "unittest/runner.py";
    "zlib" => "zlib.py";
    "pickle" => "pickle.py";
    "timeit" => "timeit.py";
    "uuid" => "uuid.py";
    "difflib" => "difflib.py";
    "ast" => "ast.py";
    "configparser" => "configparser.py";
    "colorsys" => "colorsys.py";
    "getopt" => "getopt.py";
    "locale" => "locale.py";
    "platform" => "platform.py";
    "secrets" => "secrets.py";
    "ipaddress" => "ipaddress.py";
    "zoneinfo" => "zoneinfo/__init__.py", package;
    "gzip" => "gzip.py";
    "fileinput" => "fileinput.py";
    "zipfile" => "zipfile.py";
    "xml" => "xml/__init__.py", package;
    "xml.etree" => "xml/etree/__init__.py", package;
    "xml.etree.ElementTree" => "xml/etree/ElementTree.py";
    "xml.dom" => "xml/dom/__init__.py", package;
    "xml.dom.minidom" => "xml/dom/minidom.py";
    "sched" => "sched.py";
};

/// The embedded module `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Frozen> {
    MODULES.iter().find(|m| m.name == name)
}

/// The file name code of module `name` reports (tracebacks, `co_filename`).
pub fn filename(name: &str) -> String {
    format!("<frozen {name}>")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_module_is_listed_once() {
        let mut names: Vec<&str> = super::MODULES.iter().map(|m| m.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a module is listed twice");
    }
}
