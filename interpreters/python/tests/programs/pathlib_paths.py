# pathlib: pure path arithmetic, and concrete paths in a scratch directory.
import fnmatch
import os
import tempfile
from pathlib import Path, PosixPath, PurePath, PurePosixPath


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(str(scratch), "SCRATCH"))


scratch = Path(tempfile.mkdtemp())

for text in ["", "/", "//", "///x", "/srv/data/", "a//b/./c", "../up", "archive.tar.gz", ".profile",
             "trailing.", "dir/.config.json"]:
    p = PurePosixPath(text)
    print(repr(text), repr(p), p.parts, repr(p.name), repr(p.suffix), p.suffixes, repr(p.stem),
          str(p.parent), p.is_absolute(), repr(p.root), repr(p.anchor))

p = PurePath("/usr/lib/python3.11/json/decoder.py")
print(type(p).__name__, [str(a) for a in p.parents], len(p.parents), p.parents[1], p.parents[-1])
print(p.parents[1:3], repr(p.parents))
attempt("parents index", lambda: p.parents[5])
print(p.with_name("encoder.py"), p.with_suffix(".pyc"), p.with_suffix(""), p.with_stem("scanner"))
attempt("empty name", lambda: p.with_name(""))
attempt("name with slash", lambda: p.with_name("a/b"))
attempt("dot name", lambda: p.with_name("."))
attempt("suffix without dot", lambda: p.with_suffix("txt"))
attempt("root name", lambda: PurePath("/").with_name("x"))
print(PurePath("pkg").with_suffix(".tar.gz"), PurePath("x.tar.gz").with_suffix(".zip"))

print(p.relative_to("/usr"), p.relative_to("/usr", "lib"), p.relative_to("/"))
print(p.is_relative_to("/usr/lib"), p.is_relative_to("/etc"), PurePath("a/b").relative_to("a"))
attempt("not under", lambda: p.relative_to("/etc"))
attempt("relative base", lambda: p.relative_to("usr"))
attempt("no base", lambda: p.relative_to())

print(PurePath("a") / "b" / PurePath("c"), "x" / PurePath("y"), PurePath("a") / "/abs/z")
print(PurePath("a").joinpath("b", "c"), PurePath("a", "b", "/c", "d"), PurePath(PurePath("/q"), "r"))
attempt("divide by int", lambda: PurePath("a") / 1)
attempt("int path", lambda: PurePath(1))

for path, pattern in [("/a/b/c.py", "b/*.py"), ("/a/b/c.py", "a/*.py"), ("/a.py", "/*.py"),
                      ("a/b.py", "/*.py"), ("a/b.PY", "*.py"), ("data_01.csv", "data_[0-9][0-9].csv"),
                      ("qq.txt", "?.txt")]:
    print(path, pattern, PurePath(path).match(pattern))
attempt("empty pattern", lambda: PurePath("a").match(""))

print(PurePath("a") == PurePath("a/"), PurePosixPath("a") == Path("a"), PurePath("a") == "a")
print(hash(PurePath("a/b")) == hash(PurePath("a//b/")), {PurePath("k"): 1}[PurePosixPath("k/")])
print(sorted([PurePath("b"), PurePath("/z"), PurePath("a/c"), PurePath("a")]))
print(PurePath("a") < PurePath("b"), PurePath("/a") < PurePath("a"), PurePath("a") >= PurePath("a"))
attempt("compare with str", lambda: PurePath("a") < "b")
print(os.fspath(PurePath("a/b")), bytes(PurePath("a/b")), PurePath("/a b/%/ü").as_uri())
attempt("relative uri", lambda: PurePath("rel").as_uri())
print(repr(Path("a")), repr(Path()), type(Path("/")).__name__, isinstance(Path("a"), os.PathLike))
print(isinstance(PosixPath("x"), PurePosixPath), issubclass(PosixPath, Path))

# fnmatch.
print(fnmatch.fnmatch("report.TXT", "*.TXT"), fnmatch.fnmatchcase("a.txt", "*.TXT"),
      fnmatch.filter(["a.py", "b.rs", "c.py", ".d.py"], "*.py"), fnmatch.fnmatch("[x]", "[[]x]"),
      fnmatch.fnmatch("x", "[!abc]"), fnmatch.fnmatch("b", "[!abc]"), fnmatch.translate("*.py"))

# Concrete paths.
tree = scratch / "proj" / "src" / "pkg"
attempt("mkdir missing parent", lambda: tree.mkdir())
tree.mkdir(parents=True)
attempt("mkdir existing", lambda: tree.mkdir())
tree.mkdir(exist_ok=True)
tree.mkdir(parents=True, exist_ok=True)
module = tree / "mod.py"
print(module.write_text("x = 1\n"), module.read_text(), module.read_bytes(), module.stat().st_size)
print(module.exists(), module.is_file(), module.is_dir(), tree.is_dir(), (tree / "nope").exists())
print(module.write_bytes(bytearray(b"\x00\x01")), module.read_bytes(), module.write_bytes(memoryview(b"xyz")))
attempt("write_text bytes", lambda: module.write_text(b"x"))
attempt("write_bytes str", lambda: module.write_bytes("x"))
attempt("mkdir under file", lambda: (module / "sub").mkdir(exist_ok=True))
(scratch / "proj" / "README.md").write_text("readme")
(scratch / "proj" / "src" / "main.py").write_text("main")
(scratch / "proj" / "src" / ".hidden.py").write_text("")
(tree / "data.txt").write_text("data")


def rel(paths):
    return sorted(str(q.relative_to(scratch)) for q in paths)


proj = scratch / "proj"
print(rel(proj.iterdir()), rel(scratch.iterdir()))
print(rel(proj.glob("*")), rel(proj.glob("src/*.py")), rel(proj.glob("**/*.py")))
print(rel(proj.rglob("*.py")), rel(proj.rglob("*.txt")), rel(proj.glob("**")))
print(rel(proj.glob("src/*/")), rel(proj.glob("*/pkg")), rel(proj.glob("src/pkg/mod.py")), rel(proj.glob("none")))
print(rel(proj.glob("src/?ain.py")), rel(proj.glob("src/[mp]*")), rel(proj.rglob("pkg")))
attempt("empty glob", lambda: list(proj.glob("")))
attempt("absolute glob", lambda: list(proj.glob("/x")))
attempt("bad glob", lambda: list(proj.glob("a**")))

with module.open("w") as fh:
    fh.write("through open\n")
with module.open() as fh:
    print(fh.read().strip())
with open(module) as fh:
    print(fh.readline().strip(), os.path.getsize(module))
attempt("read missing", lambda: (scratch / "missing").read_text())
attempt("unlink missing", lambda: (scratch / "missing").unlink())
(scratch / "missing").unlink(missing_ok=True)
attempt("rmdir not empty", lambda: tree.rmdir())

touched = scratch / "touched"
touched.touch()
print(touched.exists(), touched.stat().st_size)
attempt("touch exclusive", lambda: touched.touch(exist_ok=False))
os.utime(touched, (1000000000, 1200000000.5))
print(touched.stat().st_mtime, touched.stat().st_atime)
touched.touch()
print(touched.stat().st_mtime > 1200000000.5)
touched.chmod(0o640)
print(oct(touched.stat().st_mode & 0o777))
attempt("utime both", lambda: os.utime(touched, (1, 2), ns=(1, 2)))
attempt("utime list", lambda: os.utime(touched, [1, 2]))
moved = touched.rename(scratch / "moved")
print(moved.name, touched.exists(), moved.exists(), type(moved).__name__)
moved.replace(scratch / "final")
print(sorted(q.name for q in scratch.iterdir()))
for q in tree.iterdir():
    q.unlink()
tree.rmdir()
print(tree.exists(), tree.parent.exists())

print(Path.cwd() == Path(os.getcwd()), Path.home() == Path(os.path.expanduser("~")))
print(Path("~/notes").expanduser() == Path.home() / "notes", Path("plain").expanduser())
here = os.getcwd()
os.chdir(scratch)
print(Path("proj").resolve() == (scratch / "proj").resolve(), Path("proj/../proj/src").resolve().name)
print(Path("proj").absolute() == Path.cwd() / "proj", Path("x/y").resolve().is_absolute())
print(Path(".").resolve() == Path.cwd().resolve(), scratch.samefile(str(scratch)))
os.chdir(here)
import shutil
shutil.rmtree(scratch)
print(scratch.exists())
