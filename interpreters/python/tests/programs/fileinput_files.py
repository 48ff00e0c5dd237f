# fileinput over several files (names, line numbers, first lines), in-place editing with a
# backup, the module-level state's errors; files in a temporary directory.
import fileinput
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    a, b = os.path.join(d, "fi_a.txt"), os.path.join(d, "fi_b.txt")
    for n, text in [(a, "one\ntwo\n"), (b, "three\n")]:
        with open(n, "w") as f:
            f.write(text)
    for line in fileinput.input([a, b]):
        print(os.path.basename(fileinput.filename()), fileinput.lineno(), fileinput.filelineno(),
              fileinput.isfirstline(), fileinput.isstdin(), line, end="")
    fileinput.close()
    with fileinput.input(files=(a,), inplace=True, backup=".orig") as f:
        for line in f:
            print(line.upper(), end="")
    print(open(a).read(), open(a + ".orig").read(), sorted(os.listdir(d)))
    with fileinput.FileInput([b, a], mode="rb") as f:
        print([(f.filelineno(), line) for line in f])
    try:
        fileinput.filename()
    except RuntimeError as e:
        print(e)
    try:
        fileinput.FileInput([a], mode="w")
    except ValueError as e:
        print(e)
