def double(x):
    return 2 * x


NAME = __name__
