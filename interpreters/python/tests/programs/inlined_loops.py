# Functions with loops of their own, called from hot loops: traces call the rest of such an
# activation from its loop header (not unrolling the loop), and the rest may return, raise
# (caught by the caller, or not), yield, or recurse.


class Invalid(Exception):
    def __init__(self, where, value):
        Exception.__init__(self, where, value)
        self.where = where


def total_of(items, limit):
    # a loop whose trip count depends on the data; raises out of the loop
    t = 0
    for k in items:
        if k < 0:
            raise Invalid("item", k)
        t += k
        if t > limit:
            raise Invalid("total", t)
    return t


def digits(n):
    # a while loop that returns from inside
    count = 0
    while True:
        n //= 10
        count += 1
        if n == 0:
            return count


def find(seq, wanted):
    i = 0
    while i < len(seq):
        if seq[i] == wanted:
            return i
        i += 1
    return -1


def flips(perm):
    # nested loops with data-dependent trip counts
    q = perm[:]
    count = 0
    first = q[0]
    while first != 0:
        i, j = 0, first
        while i < j:
            q[i], q[j] = q[j], q[i]
            i += 1
            j -= 1
        count += 1
        first = q[0]
    return count


def place(n, row, cols, out):
    # a recursive generator with a loop around the recursion
    if row == n:
        yield tuple(out)
        return
    for c in range(n):
        if c in cols:
            continue
        cols.add(c)
        out.append(c)
        for sol in place(n, row + 1, cols, out):
            yield sol
        out.pop()
        cols.discard(c)


def chunks(seq, size):
    # a generator whose loop yields from its middle
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def upto(n):
    i = 0
    while i < n:
        yield i
        i += 1


def multiples(src, k):
    for v in src:
        if v % k == 0:
            yield v


def scaled(src, f):
    for v in src:
        yield v * f - 1


def main():
    x = 12345
    ok = items_bad = totals_bad = 0
    dsum = fsum = found = 0
    for i in range(3000):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        n = x % 6
        items = [(x >> (3 * k)) % 40 - (1 if (x >> k) % 23 == 0 else 0) for k in range(n)]
        try:
            t = total_of(items, 150)
        except Invalid as e:
            if e.where == "item":
                items_bad += 1
            else:
                totals_bad += 1
        else:
            ok += t
        dsum += digits(x)
        found += find(items, 7)
        perm = [(k * 7 + i) % 6 for k in range(6)]
        if len(set(perm)) == 6:
            fsum += flips(perm)
    print("totals", ok, items_bad, totals_bad)
    print("digits", dsum, "found", found, "flips", fsum)

    sols = 0
    check = 0
    for n in (4, 5, 6, 5, 4, 6):
        for sol in place(n, 0, set(), []):
            sols += 1
            check = (check * 31 + sum((r + 1) * c for r, c in enumerate(sol))) % 1000003
    print("placements", sols, check)

    sizes = []
    for r in range(400):
        for part in chunks(range(r % 17), 1 + r % 4):
            sizes.append(len(part))
    print("chunks", len(sizes), sum(sizes))

    # a pipeline of generators: each resumes into its own loop, some skip items
    acc = 0
    for r in range(40):
        acc += sum(scaled(multiples(upto(200 + r), 3), r))
    print("pipeline", acc)

    # exceptions that leave a called loop, caught by the caller or two levels up
    caught = 0
    for r in range(5000):
        try:
            total_of([r % 5, r % 7, (r % 11) - 1, 3], 1000)
        except Invalid as e:
            caught += 1
            last = e.args
    print("caught", caught, last)
    caught = 0
    for r in range(3000):
        try:
            sums(r)
        except Invalid as e:
            caught += 1
            last = e.args
    print("caught twice removed", caught, last)


def sums(r):
    # the loop calls a loop that raises; nothing here catches it
    s = 0
    for k in range(r % 4 + 1):
        s += total_of([k, r % 9 - 1, k + 1], 100)
    return s


main()
