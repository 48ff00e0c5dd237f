# A collatz storm in a function with 300 locals (built with exec, as generated code is):
# data-dependent branches over a wide frame. mtbench runs it with the JIT off, on, and at
# threshold 1, bridge 1.
N = 300
src = ["def storm(starts):"]
src += [f"    v{k} = {k % 7}" for k in range(N)]
src += """    total = 0
    n = 1
    while n < starts:
        x = n
        while x != 1:
            if x % 2 == 0:
                x = x // 2
                v3 = (v3 + 1) % 1000
            else:
                if x % 3 == 0:
                    total += v5
                x = 3 * x + 1
            if x % 5 == 0:
                v7 = (v7 + x) % 1000
            total += 1
        n += 1
    return total, v3, v7""".split("\n")
namespace = {}
exec("\n".join(src), namespace)
print(*namespace["storm"](3000))
