import xml.etree.ElementTree as ET
import io
doc = """<?xml version="1.0"?>
<!-- a library -->
<library name="City &amp; Co">
  <book id="b1" year="1999">
    <title>Dune</title>
    <author>Herbert</author>
    <price currency="USD">9.99</price>
  </book>
  <book id="b2" year="2005">
    <title>Anathem &lt;2&gt;</title>
    <author>Stephenson</author>
    <price currency="EUR">15.50</price>
    <tags><tag>scifi</tag><tag>long</tag></tags>
  </book>
  <magazine id="m1"><title>Wired</title></magazine>
  <note><![CDATA[<raw> & stuff]]></note>
</library>"""
root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root), [c.tag for c in root], repr(root.text))
for b in root.findall("book"):
    print(b.get("id"), b.find("title").text, b.findtext("author"), float(b.find("price").text), b.find("price").get("currency"), b.attrib)
print([t.text for t in root.iter("title")], [t.text for t in root.findall(".//tag")], root.find("book[@id='b2']/title").text)
print([e.tag for e in root.findall("*")], [b.get("id") for b in root.findall("book[tags]")], root.find("book[2]").get("id"), root.find("book[last()]").get("id"), root.findtext("nope", "dflt"))
print([e.get("id") for e in root.findall(".//*[@id]")], root.find("note").text, root.findall("book/price[@currency='EUR']")[0].text, [e.tag for e in root.find("book").iter()])
print("".join(root.find("book").itertext()).split())
new = ET.SubElement(root, "book", id="b3", year="2020")
ET.SubElement(new, "title").text = "New & <Shiny>"
new.set("lang", 'en"x')
root.remove(root.find("magazine"))
print(ET.tostring(new), ET.tostring(new, encoding="unicode"))
e = ET.Element("root", {"a": "1"}, b="2")
e.text = "héllo"
c = ET.SubElement(e, "child"); c.tail = "\n"
ET.SubElement(e, "empty")
print(ET.tostring(e), ET.tostring(e, encoding="unicode"), ET.tostring(e, encoding="utf-8"), ET.tostring(e, short_empty_elements=False))
print(ET.tostring(e, encoding="unicode", xml_declaration=True))
print(ET.tostring(e, method="text", encoding="unicode"), ET.tostring(e, method="html", encoding="unicode"))
tree = ET.ElementTree(ET.fromstring("<a><b><c>1</c><c>2</c></b><d/></a>"))
ET.indent(tree)
print(ET.tostring(tree.getroot(), encoding="unicode"))
ET.dump(tree)
buf = io.BytesIO(); tree.write(buf); print(buf.getvalue())
buf = io.BytesIO(); tree.write(buf, encoding="utf-8", xml_declaration=True); print(buf.getvalue())
buf = io.StringIO(); tree.write(buf, encoding="unicode"); print(buf.getvalue())
t2 = ET.parse(io.StringIO("<r><x k='v'>t</x></r>")); print(t2.getroot().tag, t2.find("x").attrib, t2.findall("x")[0].text, [e.tag for e in t2.iter()])
for bad in ['<a><b></a>', '<a>', '<a></a><b/>', '<a x=1/>', '', '<a>&foo;</a>', '<a><</a>', 'text', '<a x="1" x="2"/>', '<?xml version="1.0"?>\n<a>\n<b>\n</a>']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print(repr(bad), err, err.position, err.code)
ns = ET.fromstring('<root xmlns="http://a.com/" xmlns:x="http://x.org/"><item x:id="1">v</item><x:other/></root>')
print(ns.tag, [c.tag for c in ns], ns[0].attrib, ns.find("{http://a.com/}item").text, ns.find("a:item", {"a": "http://a.com/"}).text, [e.tag for e in ns.findall("x:other", {"x": "http://x.org/"})])
print(ET.tostring(ns, encoding="unicode"))
ET.register_namespace("foo", "http://a.com/")
print(ET.tostring(ns, encoding="unicode"))
print(ET.iselement(root), ET.tostring(ET.fromstring("<a>&#65;&#x42;&quot;&apos;</a>")), ET.fromstring("<a b='&lt;&#10;'/>").get("b"))
for ev, el in ET.iterparse(io.StringIO("<a><b>1</b><c/></a>"), events=("start", "end")):
    print(ev, el.tag)
el = ET.Element("x"); el.extend([ET.Element("y"), ET.Element("z")]); el.insert(0, ET.Element("w")); print([c.tag for c in el], len(el), el[1].tag, [c.tag for c in el[1:]])
el.clear(); print(len(el), el.attrib, el.keys(), list(el.items()))
q = ET.Element("q", attrib={"k": "1"}); print(sorted(q.keys()), q.get("zz", "none"))
try:
    ET.Element("x").append("notelement")
except TypeError as err:
    print("TypeError:", err)
