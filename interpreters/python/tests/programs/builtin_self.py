# __self__ of builtin functions and bound builtin methods.
import math
print(math.sqrt.__self__ is math, len.__self__.__name__, [1].append.__self__, "ab".upper.__self__, (3).__add__.__self__, {}.get.__self__)
b = [].append
print(b.__self__ is not None, b.__name__)
try:
    print(str.upper.__self__)
except AttributeError as e:
    print("AttributeError")
