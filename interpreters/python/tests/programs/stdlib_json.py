# json: dumps (indent, separators, sort_keys, ensure_ascii, default) and loads (errors with positions)
import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "ok": True, "none": None, "pi": 3.14159, "nested": {"x": [1, 2, {"y": []}], "e": {}}, 5: "five", "uni": "café ☕ 😀", "esc": "q\"b\\n\n\t\x01"}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=False))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps([1, 2.5, float("inf"), -0.0, 1e100, 10**20], separators=(",", ":")))
print(json.dumps({"b": 1, "a": [1, {"c": 2}]}, sort_keys=True, indent="\t"))
print(json.dumps("plain"), json.dumps(None), json.dumps([]), json.dumps({}), json.dumps((1, 2)))
s = json.dumps(data, indent=4)
back = json.loads(s)
print(back == {str(k) if k == 5 else k: v for k, v in data.items()}, back["nested"]["x"][2])
print(json.loads('{"a": [1, 2.0, -3e2, true, false, null], "b": "\\u00e9\\ud83d\\ude00\\n"}'))
print(json.loads("  [1, [2, [3]]]  "), json.loads('"x"'), json.loads("12"), json.loads("-0.5"), json.loads("NaN"))
for bad in ["", "[1,]", '{"a" 1}', "{'a': 1}", "[1 2]", '"abc', "[1] x", '{"a":1,}', "tru", '"\\x"', "01"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
try:
    json.dumps(object())
except TypeError as e:
    print(e)
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print(e)
print(json.dumps({"when": 1}, default=str), json.dumps([set()], default=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("1.5", parse_float=lambda x: "F" + x))
print(json.dumps({True: 1, None: 2, 1.5: 3}), json.dumps([1, 2], indent=0))
try:
    json.loads('{\n  "a": 1,\n  "b": [1, 2,\n  }')
except json.JSONDecodeError as e:
    print(e, e.lineno, e.colno)
