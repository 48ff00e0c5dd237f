import random
random.seed(7)
fills = ['', '', '', '*', '0', 'x', ' ']
aligns = ['', '', '<', '>', '^', '=']
signs = ['', '', '+', '-', ' ']
zs = ['', '', '', 'z']
alts = ['', '', '#']
zeros = ['', '', '0']
widths = ['', '', '1', '5', '10', '13', '20']
groups = ['', '', '', ',', '_']
precs = ['', '', '.0', '.1', '.2', '.3', '.6', '.10', '.17']
types = ['', '', 'd', 'x', 'X', 'o', 'b', 'c', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's', 'r']
vals = [0, 1, -1, 7, 42, -255, 1000, 123456789, -987654321, 2**64, -2**70, True,
        0.0, -0.0, 0.5, 1.5, 2.5, -3.75, 0.001, 1e-7, 123.456, 1e15, 1e16, 1.23456789e22, -9.999e-5, 99.995, float('inf'), float('-inf'), float('nan'), 1/3, 2/3, 5e-324,
        1+2j, -1.5-0.25j, 0j, 1e20j, complex(-0.0, 3), 'abc', '', 'héllo']
out = []
for i in range(300):
    f = random.choice(fills)
    a = random.choice(aligns)
    if f and not a:
        a = '<'
    spec = f + a + random.choice(signs) + random.choice(zs) + random.choice(alts) + random.choice(zeros) + random.choice(widths) + random.choice(groups) + random.choice(precs) + random.choice(types)
    v = random.choice(vals)
    try:
        r = repr(format(v, spec))
    except Exception as e:
        r = type(e).__name__ + ' ' + str(e)
    print(repr(v), repr(spec), r)
