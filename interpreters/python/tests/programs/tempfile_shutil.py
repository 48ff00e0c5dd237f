# tempfile and shutil: temporary folders and files, copying and removing trees.
import tempfile, os, shutil
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d), d.startswith(tempfile.gettempdir()))
    p = os.path.join(d, "sub", "f.txt")
    os.makedirs(os.path.dirname(p))
    with open(p, "w") as f:
        f.write("data")
    shutil.copy(p, os.path.join(d, "g.txt"))
    print(sorted(os.listdir(d)), open(os.path.join(d, "g.txt")).read())
print(os.path.exists(d))
fd, name = tempfile.mkstemp(suffix=".txt")
os.write(fd, b"xyz"); os.close(fd)
print(open(name).read(), name.endswith(".txt")); os.remove(name)
with tempfile.NamedTemporaryFile("w+") as f:
    f.write("hello"); f.seek(0); print(f.read(), os.path.exists(f.name))
print(os.path.exists(f.name))
with tempfile.TemporaryFile() as f:
    f.write(b"abc"); f.seek(0); print(f.read())
d = tempfile.mkdtemp(prefix="x_")
print(os.path.basename(d).startswith("x_")); shutil.rmtree(d); print(os.path.exists(d))
