"""Runs a Python program under CPython with mtpy's lib/ modules in place of CPython's own."""
import os
import sys

LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib")
for root, dirs, files in os.walk(LIB):
    for f in files:
        if f.endswith(".py"):
            rel = os.path.relpath(os.path.join(root, f), LIB)[:-3].replace(os.sep, ".")
            name = rel[:-len(".__init__")] if rel.endswith(".__init__") else rel
            sys.modules.pop(name, None)
sys.path.insert(0, LIB)
program = sys.argv[1]
sys.argv = sys.argv[1:]
with open(program) as f:
    code = compile(f.read(), program, "exec")
exec(code, {"__name__": "__main__", "__file__": program})
