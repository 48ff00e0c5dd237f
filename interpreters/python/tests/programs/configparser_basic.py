# configparser: reading INI text, defaults, interpolation, typed getters, the mapping interface, errors, writing.
import configparser, io
text = """
# comment
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
home = /home/user

[bitbucket.org]
User = hg
path = %(home)s/hg

[topsecret.server.com]
Port = 50022
ForwardX11 = no
multi = first line
    second line

    third line
; another comment
empty =
"""
cp = configparser.ConfigParser()
cp.read_string(text)
print(cp.sections(), cp.defaults())
print(cp["bitbucket.org"]["user"], cp["bitbucket.org"]["path"], cp.get("bitbucket.org", "compression"))
print(cp.getint("topsecret.server.com", "port"), cp.getboolean("topsecret.server.com", "ForwardX11"), cp.getfloat("DEFAULT", "compressionlevel"))
print(repr(cp["topsecret.server.com"]["multi"]), repr(cp.get("topsecret.server.com", "empty")))
print(list(cp["bitbucket.org"]), list(cp), len(cp), "bitbucket.org" in cp, "nope" in cp)
print(cp.items("bitbucket.org"), cp.has_option("bitbucket.org", "home"), cp.options("topsecret.server.com"))
print(cp["bitbucket.org"], dict(cp["bitbucket.org"]), cp.get("x", "y", fallback="fb"), cp["bitbucket.org"].get("zz", "dflt"))
for exc_test in [lambda: cp.get("nosect", "a"), lambda: cp.get("bitbucket.org", "nokey"), lambda: cp["nosect"], lambda: cp.add_section("bitbucket.org"),
                 lambda: cp.getint("bitbucket.org", "user"), lambda: cp.getboolean("bitbucket.org", "user"), lambda: cp.set("bitbucket.org", "k", 5),
                 lambda: cp.read_string("a = 1"), lambda: cp.read_string("[s]\na=1\na=2"), lambda: cp.read_string("[s]\n[s]"), lambda: cp.add_section("DEFAULT")]:
    try:
        exc_test()
    except Exception as e:
        print(type(e).__name__, e)
cp2 = configparser.ConfigParser()
cp2["main"] = {"name": "app", "debug": "true", "ratio": "0.5"}
cp2.add_section("extra"); cp2.set("extra", "Key", "Value")
cp2["DEFAULT"]["shared"] = "x"
buf = io.StringIO(); cp2.write(buf); print(buf.getvalue())
cp2.remove_option("extra", "key"); print(cp2.remove_section("main"), cp2.sections(), cp2.remove_section("zz"))
bad = configparser.ConfigParser(); bad.read_string("[s]\na = %(missing)s\nb = 100%%\nc = 5%")
print(bad.get("s", "b"), bad.get("s", "a", raw=True))
for o in ["a", "c"]:
    try:
        bad.get("s", o)
    except Exception as e:
        print(type(e).__name__, e)
ex = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ex.read_string("[paths]\nroot = /srv\ndata = ${root}/data\n[app]\nlog = ${paths:data}/log\ncost = $$5")
print(ex["app"]["log"], ex["paths"]["data"], ex["app"]["cost"])
raw = configparser.RawConfigParser(); raw.read_string("[a]\nx = %(y)s"); print(raw.get("a", "x"))
nv = configparser.ConfigParser(allow_no_value=True); nv.read_string("[f]\nflag\nk: v"); print(nv.get("f", "flag"), nv.get("f", "k"), nv.items("f"))
ic = configparser.ConfigParser(inline_comment_prefixes=("#",)); ic.read_string("[s]\nv = 1 # note\nw = a#b"); print(ic["s"]["v"], ic["s"]["w"])
cs = configparser.ConfigParser(); cs.optionxform = str; cs.read_string("[S]\nCamel = 1"); print(list(cs["S"]))
d = configparser.ConfigParser(defaults={"a": "1"}); print(d.defaults(), d.sections(), d["DEFAULT"]["a"])
print(cp.getint("bitbucket.org", "nope", fallback=7), cp["topsecret.server.com"].getint("port"), cp["bitbucket.org"].getboolean("compression"), cp["bitbucket.org"].name)
