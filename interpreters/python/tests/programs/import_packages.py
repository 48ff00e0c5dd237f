# Imports of packages: from pkg.sub import name, import pkg.sub as m, relative imports
from imppkg.shapes import Square
from imppkg.util import double, NAME
import imppkg.util as u
import imppkg
import imppkg.inner
from imppkg import inner, shapes
from imppkg.inner.deep import LEVEL

print(Square(3).area(), Square(2).double_side(), double(21), NAME, u.NAME)
print(imppkg.VERSION, imppkg.util is u, imppkg.Square is Square, imppkg.shapes is shapes)
print(imppkg.inner.twice(5), inner.LEVEL, LEVEL, imppkg.inner is inner)
print(imppkg.__name__, inner.__name__, shapes.__name__, type(imppkg).__name__)
try:
    from imppkg import missing_name
except ImportError as e:
    print("ImportError", str(e).split(" (")[0], str(e).endswith("__init__.py)"))
imppkg.added = "new"
setattr(u, "counter", 0)
for _ in range(50):
    u.counter += 1
print(imppkg.added, getattr(imppkg, "added"), u.counter, hasattr(imppkg, "nothing"))
