# A program that puts a directory of its own on sys.path (front and back) and imports from it.
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as root:
    first = os.path.join(root, "first")
    second = os.path.join(root, "second")
    os.makedirs(os.path.join(first, "toolpkg"))
    os.makedirs(second)
    with open(os.path.join(first, "shapes_helper.py"), "w") as f:
        f.write("def area(w, h):\n    return w * h\nWHERE = 'first'\n")
    with open(os.path.join(first, "toolpkg", "__init__.py"), "w") as f:
        f.write("NAME = 'toolpkg'\n")
    with open(os.path.join(first, "toolpkg", "fmt.py"), "w") as f:
        f.write("def money(x):\n    return f'${x:,.2f}'\n")
    with open(os.path.join(second, "late_helper.py"), "w") as f:
        f.write("VALUE = 42\n")
    try:
        import shapes_helper
    except ModuleNotFoundError as e:
        print("before insert:", e)
    sys.path.insert(0, first)
    import shapes_helper
    from toolpkg import fmt
    import toolpkg
    print(shapes_helper.area(3, 4), shapes_helper.WHERE, toolpkg.NAME, fmt.money(1234.5))
    sys.path.append(second)
    from late_helper import VALUE
    print(VALUE)
    sys.path.remove(first)
    sys.path.remove(second)
