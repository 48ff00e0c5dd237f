import csv, io
data = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25,"He said ""hi"""\r\n"multi\nline",1,x\r\n\r\nCarol,,\r\n'
r = csv.reader(io.StringIO(data, newline=""))
for row in r:
    print(r.line_num, row)
print(list(csv.reader(["a;b;c", "1;2;3"], delimiter=";")))
print(list(csv.reader(["  a,  b", 'x, "y"'], skipinitialspace=True)))
print(list(csv.reader(["a\tb"], dialect="excel-tab")), list(csv.reader(['1,"a",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a\\,b,c"], escapechar="\\")), list(csv.reader(['"unterminated'])), list(csv.reader(["x"])))
out = io.StringIO()
w = csv.writer(out)
print(w.writerow(["a", "b,c", 'q"d', "line\nbreak", 1, 2.5, None, True, ""]))
w.writerows([[1, 2], [], [""], ["x"]])
print(repr(out.getvalue()))
for q in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL):
    o = io.StringIO(); csv.writer(o, quoting=q).writerow(["a", 1, 2.0, None, "b c"]); print(repr(o.getvalue()))
o = io.StringIO(); csv.writer(o, delimiter="|", lineterminator="\n").writerow(["a|b", "c"]); print(repr(o.getvalue()))
o = io.StringIO(); w = csv.writer(o, quoting=csv.QUOTE_NONE, escapechar="\\"); w.writerow(["a,b", "c"]); print(repr(o.getvalue()))
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error:", e)
inv = io.StringIO()
dw = csv.DictWriter(inv, fieldnames=["sku", "qty", "price"])
dw.writeheader()
dw.writerow({"sku": "A1", "qty": 3, "price": 9.99})
dw.writerows([{"sku": "B2", "qty": 0}, {"sku": "C,3", "qty": 1, "price": 0.5}])
print(inv.getvalue(), end="")
try:
    dw.writerow({"sku": 1, "bad": 2})
except ValueError as e:
    print(e)
inv.seek(0)
dr = csv.DictReader(inv)
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
print(list(csv.DictReader(["a,b", "1,2,3", "4"], restkey="extra", restval="?")))
print(list(csv.DictReader(["1,2"], fieldnames=["x", "y"])))
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(csv.list_dialects(), list(csv.reader(["a|b"], "pipes")))
d = csv.get_dialect("pipes"); print(d.delimiter, d.quoting, d.lineterminator == "\r\n")
try:
    csv.get_dialect("nope")
except csv.Error as e:
    print(e)
try:
    csv.reader([], delimiter="::")
except TypeError as e:
    print(e)
class My(csv.Dialect):
    delimiter = ";"; quotechar = "'"; lineterminator = "\n"; quoting = csv.QUOTE_MINIMAL; doublequote = True; skipinitialspace = False
o = io.StringIO(); csv.writer(o, My).writerow(["a;b", "it's"]); print(repr(o.getvalue()))
print(list(csv.reader(o.getvalue().splitlines(), My)))
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.excel.delimiter, repr(csv.excel.lineterminator))
s = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(s.delimiter)
print(csv.Sniffer().has_header("name,age\nbob,3\nal,4\n"))
rows = [["id", "score"], ["1", "90"], ["2", "85"]]
total = sum(int(r[1]) for r in csv.reader(io.StringIO("\n".join(",".join(r) for r in rows))) if r[1].isdigit())
print(total)
