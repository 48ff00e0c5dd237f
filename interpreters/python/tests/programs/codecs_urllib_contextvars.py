import codecs
from urllib.parse import urlparse, urlsplit, urlunparse, urljoin, quote, quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl, urldefrag
import contextvars

print(codecs.encode("Hello, World!", "rot13"), codecs.decode("Uryyb", "rot_13"))
print(codecs.encode(b"\x01\xff", "hex"), codecs.decode(b"01ff", "hex"), codecs.encode(b"hi", "base64"), codecs.decode(b"aGk=\n", "base64"))
print(codecs.encode("é", "utf-8"), codecs.decode(b"\xc3\xa9", "utf-8"), codecs.lookup("UTF-8").name, codecs.lookup("latin-1").name, codecs.BOM_UTF8)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print(e)
u = urlparse("https://user:pw@Example.COM:8080/a/b;p?q=1&r=two#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params, u.query, u.fragment, u.geturl())
print(urlsplit("http://h/p?x#y"), urlsplit("mailto:a@b.c"), urlsplit("/just/path?q"), urlparse("//host/p"))
print(urlunparse(("http", "h.com", "/x", "", "a=1", "")), urljoin("http://a/b/c/d;p?q", "../g"), urljoin("http://a/b/c/d", "/z"), urljoin("http://a/b/c/", "e/f"), urljoin("http://a/b", "http://o/x"))
print(quote("a b/c&d=é"), quote("a b/c", safe=""), quote_plus("a b&c"), unquote("a%20b%C3%A9%zz"), unquote_plus("a+b%21"))
print(urlencode({"q": "hello world", "n": 5, "x": "a&b"}), urlencode([("k", [1, 2])], doseq=True), urlencode({"k": [1, 2]}))
print(parse_qs("a=1&b=2&a=3&c="), parse_qs("c=&d", keep_blank_values=True), parse_qsl("x=%20y+z&w=1"), urldefrag("http://h/p#f"))
var = contextvars.ContextVar("var", default="dflt")
print(var.get(), var.name)
tok = var.set("one")
print(var.get())
ctx = contextvars.copy_context()
def inside():
    var.set("in ctx")
    return var.get()
print(ctx.run(inside), var.get(), ctx[var])
var.reset(tok)
print(var.get())
nod = contextvars.ContextVar("nod")
try:
    nod.get()
except LookupError:
    print("LookupError")
print(nod.get("fallback"))
