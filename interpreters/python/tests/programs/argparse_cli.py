# gc-stress: skip (about forty parses, each building parsers and help text: minutes when every
# allocation collects; argparse_help runs under the stress)
import argparse, io, sys, contextlib

def run(parser, argv):
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            ns = parser.parse_args(argv)
        print("OK", ns)
    except SystemExit as e:
        print("EXIT", e.code)
    if out.getvalue():
        print("stdout:", out.getvalue(), end="")
    if err.getvalue():
        print("stderr:", err.getvalue(), end="")

p = argparse.ArgumentParser(prog="calc", description="Simple calculator.")
p.add_argument("op", choices=["add", "sub", "mul"], help="operation")
p.add_argument("nums", type=int, nargs="+", help="numbers")
p.add_argument("--precision", "-p", type=int, default=2)
p.add_argument("--round", action="store_true")
for argv in [["add", "1", "2"], ["mul", "3", "-p", "4", "5"], ["div", "1"], ["add"], [], ["add", "x"],
             ["add", "1", "--bogus"], ["add", "1", "-p"], ["add", "1", "-p", "z"], ["-h"], ["add", "1", "--prec", "3"],
             ["add", "-5", "3"], ["add", "1", "-p3"], ["add", "1", "--precision=7"], ["--", "add", "1"]]:
    run(p, argv)

p2 = argparse.ArgumentParser(prog="tool")
g = p2.add_mutually_exclusive_group()
g.add_argument("-a", action="store_true")
g.add_argument("-b", action="store_true")
p2.add_argument("-x", nargs=2, type=float)
p2.add_argument("-y", nargs="?", const="C", default="D")
p2.add_argument("-z", nargs="*")
p2.add_argument("-c", action="store_const", const=42)
p2.add_argument("--no-color", dest="color", action="store_false")
p2.add_argument("-I", action="append", default=[])
p2.add_argument("-V", "--version", action="version", version="%(prog)s 1.0")
p2.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True, help="a flag")
p2.add_argument("-e", action="extend", nargs="+")
for argv in [[], ["-a"], ["-a", "-b"], ["-x", "1", "2"], ["-x", "1"], ["-y"], ["-y", "v"], ["-z"], ["-z", "1", "2"],
             ["-c", "--no-color"], ["-I", "a", "-Ib"], ["--version"], ["--no-flag"], ["-e", "1", "2", "-e", "3"], ["-h"], ["-ab"]]:
    run(p2, argv)

p3 = argparse.ArgumentParser(prog="git")
p3.add_argument("--verbose", "-v", action="count", default=0)
sub = p3.add_subparsers(dest="command", help="sub-command help")
c1 = sub.add_parser("commit", help="record changes")
c1.add_argument("-m", "--message", required=True)
c1.add_argument("--amend", action="store_true")
c2 = sub.add_parser("push", help="update remote", aliases=["p"])
c2.add_argument("remote", nargs="?", default="origin")
c2.add_argument("branch", nargs="?")
for argv in [["commit", "-m", "hi"], ["-vv", "push"], ["p", "up", "main"], ["commit"], ["pull"], [], ["-h"], ["commit", "-h"]]:
    run(p3, argv)

p4 = argparse.ArgumentParser(prog="inv", formatter_class=argparse.ArgumentDefaultsHelpFormatter, epilog="See docs.")
grp = p4.add_argument_group("database", "Database connection options")
grp.add_argument("--host", default="localhost", help="server host")
grp.add_argument("--port", type=int, default=5432, help="server port")
p4.add_argument("items", nargs="*", default=["x"], help="items to process")
p4.add_argument("--level", type=int, choices=range(1, 4), default=1, help="level")
req = p4.add_mutually_exclusive_group(required=True)
req.add_argument("--json", action="store_true")
req.add_argument("--csv", action="store_true")
for argv in [["-h"], ["--json", "a", "b"], [], ["--csv", "--level", "5"], ["--csv", "--json"]]:
    run(p4, argv)

def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{v} is not positive")
    return v
p5 = argparse.ArgumentParser(prog="p5", add_help=False)
p5.add_argument("n", type=positive)
p5.add_argument("--ratio", type=float, default="0.5")
p5.add_argument("words", nargs=argparse.REMAINDER)
for argv in [["3"], ["-2"], ["0"], ["5", "a", "--b", "c"]]:
    run(p5, argv)
ns, rest = p5.parse_known_args(["4", "--ratio", "2"])
print(ns, rest)
ns = argparse.Namespace(a=1, b="x")
print(ns, ns.a, "a" in ns, ns == argparse.Namespace(a=1, b="x"))
print(p.parse_args(["sub", "9"]).nums, p.get_default("precision"))
p6 = argparse.ArgumentParser(prog="p6", exit_on_error=False)
p6.add_argument("--n", type=int)
try:
    p6.parse_args(["--n", "x"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
a = p6.add_argument("--long-name", "-l", dest="ln", metavar="VAL", help="long one")
print(a.dest, a.option_strings, a.metavar, a.required)
try:
    p6.add_argument("--n")
except argparse.ArgumentError as e:
    print(e)
p6.set_defaults(func=len)
print(p6.parse_args([]))
print(p6.format_usage(), end="")
p7 = argparse.ArgumentParser(prog="p7", description="""
    First line
      indented.
""", formatter_class=argparse.RawDescriptionHelpFormatter)
p7.add_argument("file", metavar="FILE", nargs=2, help="two files")
p7.add_argument("--opt", metavar=("A", "B"), nargs=2)
run(p7, ["-h"])
run(p7, ["x"])
