from . import sub
def double(x):
    return 2 * x
def quad(x):
    return sub.leaf.twice(double(x))
