# Recursion deeper than the default limit once the program raises it, and the default
# limit still catching runaway recursion.
# gc-stress: skip (every collection walks ten thousand frames)
import sys

def runaway(n):
    return runaway(n + 1)

try:
    runaway(0)
except RecursionError as e:
    print("runaway:", e)

sys.setrecursionlimit(100000)
print(sys.getrecursionlimit())

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(11000))

def build(n):
    # a linked list built recursively, walked recursively
    return None if n == 0 else (n, build(n - 1))

def total(node):
    return 0 if node is None else node[0] + total(node[1])

print(total(build(10500)))

memo = {}
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    if (r, c) not in memo:
        memo[r, c] = paths(r - 1, c) + paths(r, c - 1)
    return memo[r, c]

print(paths(10500, 2) % 1000003)
