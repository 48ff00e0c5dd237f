# html.escape / html.unescape in a tiny report generator.
import html

rows = [("Tom & Jerry", "<cartoon>", 3.5), ('Say "hi"', "it's", 10), ("plain", "text", 0)]
out = ["<table>"]
for name, kind, score in rows:
    out.append("  <tr><td>%s</td><td>%s</td><td>%.1f</td></tr>" % (html.escape(name), html.escape(kind), score))
out.append("</table>")
print("\n".join(out))
print(html.escape("<b>bold</b> & 'q'", quote=False))
for s in ["&lt;p&gt;", "&amp;amp;", "&#39;x&#39;", "&#x41;&#66;", "&copy; 2024", "caf&eacute;", "&unknown; stays", "no refs", "&euro;5 &mdash; ok"]:
    print(repr(html.unescape(s)))
print(html.unescape(html.escape("<a href='x'>&</a>")) == "<a href='x'>&</a>")
