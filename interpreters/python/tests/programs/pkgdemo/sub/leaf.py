from .. import loaded
loaded.append("leaf")
def twice(x):
    return x * 2
