# xml.dom.minidom: pretty-printing ElementTree output, parsed documents (whitespace text
# nodes kept), documents built with create*/appendChild, navigation and attributes.
from xml.dom import minidom
import xml.etree.ElementTree as ET
root = ET.Element("catalog", version="2")
for i, (name, price) in enumerate([("pen", "1.50"), ("ink & paper", "3")]):
    item = ET.SubElement(root, "item", id=str(i))
    ET.SubElement(item, "name").text = name
    ET.SubElement(item, "price").text = price
ET.SubElement(root, "empty")
pretty = minidom.parseString(ET.tostring(root)).toprettyxml(indent="  ")
print(pretty)
print(minidom.parseString(ET.tostring(root)).toxml())
doc = minidom.parseString("<a x='1'>\n  <b>hi</b>\n  <!-- c -->\n  <b>there</b>\n</a>")
print(repr(doc.toprettyxml()))
print(doc.documentElement.tagName, doc.documentElement.getAttribute("x"), [b.firstChild.data for b in doc.getElementsByTagName("b")], len(doc.documentElement.childNodes))
print([n.nodeType for n in doc.documentElement.childNodes], doc.documentElement.attributes["x"].value, doc.documentElement.hasAttribute("y"), doc.documentElement.getAttribute("y") == "")
d = minidom.Document()
r = d.createElement("root"); d.appendChild(r)
c = d.createElement("child"); c.setAttribute("k", 'v"<'); r.appendChild(c)
c.appendChild(d.createTextNode("text & more"))
r.appendChild(d.createComment(" note "))
print(d.toprettyxml(indent="\t"))
print(d.toxml(), d.toprettyxml(encoding="utf-8")[:20])
print(r.firstChild.tagName, r.lastChild.nodeType, c.parentNode.tagName, c.nextSibling.data, r.childNodes.length, c.attributes.length, list(c.attributes.items()))
