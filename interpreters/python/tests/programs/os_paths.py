# os and os.path: path arithmetic, a directory tree in a temporary folder, the environment.
import os
import os.path
import os.path as osp
from os import path

print(path is os.path is osp, os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, os.pathsep)
print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "b"), os.path.join("a", "/abs", "x"), os.path.join("", "x"))
for p in ["/usr/lib/python3.11/os.py", "rel/file", "file.tar.gz", "/", "dir/", ".bashrc", "a/.b.c", ""]:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)), repr(os.path.dirname(p)), os.path.isabs(p))
for p in ["a//b", "a/./b/", "a/b/../c", "../x/..", "/../a", "//a", "///a", "", ".", "a/../.."]:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.commonprefix(["/usr/lib", "/usr/local", "/usr/libexec"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a/b", "/a/b"))
print(os.path.expanduser("~") == os.environ["HOME"], os.path.expanduser("~/x") == os.path.join(os.environ["HOME"], "x"))
print(os.path.expanduser("no/tilde"), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))

base = "mtpy_os_paths_%d" % os.getpid()
os.mkdir(base)
try:
    print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base))
    os.makedirs(os.path.join(base, "a", "b", "c"))
    os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
    try:
        os.makedirs(os.path.join(base, "a"))
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    try:
        os.mkdir(os.path.join(base, "a"))
    except FileExistsError as e:
        print("FileExistsError:", e.strerror)
    for name, text in [("one.txt", "1"), ("a/two.txt", "22"), ("a/b/three.txt", "333")]:
        with open(os.path.join(base, name), "w") as f:
            f.write(text)
    print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
    for dirpath, dirnames, filenames in sorted(os.walk(base)):
        print(dirpath.replace(base, "BASE"), sorted(dirnames), sorted(filenames))
    entries = sorted(os.scandir(base), key=lambda e: e.name)
    print([(e.name, e.is_dir(), e.is_file()) for e in entries])
    st = os.stat(os.path.join(base, "a", "b", "three.txt"))
    print(st.st_size, os.path.getsize(os.path.join(base, "a", "two.txt")), st[6], len(st) == 10)
    print(os.path.isfile(os.path.join(base, "one.txt")), os.path.exists(os.path.join(base, "none")))
    os.rename(os.path.join(base, "one.txt"), os.path.join(base, "uno.txt"))
    print(sorted(os.listdir(base)))
    os.replace(os.path.join(base, "uno.txt"), os.path.join(base, "a", "uno.txt"))
    here = os.getcwd()
    os.chdir(os.path.join(base, "a"))
    print(os.path.basename(os.getcwd()), sorted(os.listdir()))
    os.chdir(here)
    print(os.getcwd() == here)
    for bad in [lambda: os.remove(os.path.join(base, "nothing")), lambda: os.rmdir(os.path.join(base, "a")),
                lambda: os.listdir(os.path.join(base, "nowhere")), lambda: os.stat(os.path.join(base, "x")),
                lambda: os.chdir(os.path.join(base, "none"))]:
        try:
            bad()
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, e.filename == None or e.filename.startswith(base))
    try:
        os.remove("definitely_missing_file.txt")
    except FileNotFoundError as e:
        print(e)
    try:
        os.rename("missing_a", "missing_b")
    except FileNotFoundError as e:
        print(e)
finally:
    for dirpath, dirnames, filenames in os.walk(base, topdown=False):
        for f in filenames:
            os.unlink(os.path.join(dirpath, f))
        os.rmdir(dirpath)
print(os.path.exists(base))

os.environ["MTPY_TEST_VAR"] = "value"
print(os.environ["MTPY_TEST_VAR"], os.getenv("MTPY_TEST_VAR"), "MTPY_TEST_VAR" in os.environ)
print(os.getenv("MTPY_NOT_SET"), os.getenv("MTPY_NOT_SET", "dflt"), os.environ.get("MTPY_NOT_SET", 1))
del os.environ["MTPY_TEST_VAR"]
print("MTPY_TEST_VAR" in os.environ)
try:
    os.environ["MTPY_NOT_SET"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)
print(type(os.environ.copy()).__name__, isinstance(os.getpid(), int), os.getpid() > 0)
print(len(os.urandom(16)), type(os.urandom(0)).__name__, os.cpu_count() >= 1)
print(os.fspath("p"), os.fspath(b"q"))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError:", e)
