# html.parser: tags, attributes, text, comments, declarations, references, CDATA elements, pieces fed apart.
from html.parser import HTMLParser
class P(HTMLParser):
    def handle_starttag(self, tag, attrs): print("start", tag, attrs)
    def handle_endtag(self, tag): print("end", tag)
    def handle_startendtag(self, tag, attrs): print("startend", tag, attrs)
    def handle_data(self, data): print("data", repr(data))
    def handle_comment(self, data): print("comment", repr(data))
    def handle_decl(self, decl): print("decl", repr(decl))
    def handle_pi(self, data): print("pi", repr(data))
    def handle_entityref(self, name): print("entity", name)
    def handle_charref(self, name): print("charref", name)
doc = """<!DOCTYPE html>
<html lang="en">
<head><title>Test &amp; more</title>
<meta charset=utf-8>
<style>p > a { color: red; }</style>
</head>
<body class='main page' data-x="1 &lt; 2" hidden>
<!-- a comment -->
<p>Hello <b>World</b>&nbsp;&#169;&#x41; <br/> <img src="a.png" alt='A'/></p>
<script>if (a < b && c > d) { x = "</p>"; }</script>
<?xml version="1.0"?>
<A HREF="X">Upper</A>
</body></html>"""
p = P(); p.feed(doc); p.close()
print("----")
q = P(convert_charrefs=False); q.feed("<p>a &amp; b &#65; &x c</p>"); q.close()
print("----")
r = P(); r.feed("<div>par"); r.feed("tial</di"); r.feed("v>tail &am"); r.feed("p; end"); r.close()
class Links(HTMLParser):
    def __init__(self):
        super().__init__(); self.links = []; self.text = []
    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
    def handle_data(self, data):
        if data.strip(): self.text.append(data.strip())
l = Links(); l.feed('<ul><li><a href="/one">One</a></li><li><a href="/two" class=x>Two</a></li></ul>'); print(l.links, l.text, l.getpos())
class T(HTMLParser):
    def __init__(self):
        super().__init__(); self.depth = 0; self.out = []
    def handle_starttag(self, tag, attrs):
        self.out.append("  " * self.depth + f"<{tag}{''.join(f' {k}={v!r}' for k, v in attrs)}>"); self.depth += 1
    def handle_endtag(self, tag):
        self.depth -= 1; self.out.append("  " * self.depth + f"</{tag}>")
    def handle_data(self, d):
        if d.strip(): self.out.append("  " * self.depth + d.strip())
t = T()
t.feed("<table border=1><tr><td>a</td><td>b &gt; c</td></tr><tr><td colspan='2'>wide</td></tr></table>")
print("\n".join(t.out))
t2 = T(); t2.feed("<p>unclosed <i>italic<p>next</p> & stray < less"); t2.close(); print(t2.out)
class S(HTMLParser):
    def handle_starttag(self, tag, attrs): print("tag", tag, self.get_starttag_text(), self.getpos())
    def handle_data(self, d): print("d", repr(d))
    def handle_comment(self, c): print("c", repr(c))
s = S(); s.feed("line1\n<a\n href='x'>t</a>\n<!---->\n<![CDATA[raw]]><!weird>"); s.close()
s2 = S(); s2.feed("text with &unknown; and &#0; &#xZZ;"); s2.close()
