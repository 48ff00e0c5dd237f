# itertools
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)
import operator

print(list(islice(count(), 5)), list(islice(count(10, -2), 4)), list(islice(count(0.5, 0.25), 3)))
print(count(3), count(1, 2), repeat("a", 2), repeat(None))
print(list(islice(cycle("abc"), 7)), list(cycle([])))
print(list(repeat(7, 3)), list(repeat(1, 0)), list(zip(range(3), repeat("x"))))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([])))
print(list(chain("ab", [1, 2], (3,))), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress(range(10), [1, 0, 1, 1, 0, 0, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
animals = ["ant", "ape", "bee", "bat", "cat", "cow", "dog"]
for letter, group in groupby(animals, key=lambda a: a[0]):
    print(letter, list(group))
groups = groupby([1, 1, 2, 3, 3])
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice("ABCDEFG", 1, 6, 2)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
try:
    islice("abc", -1)
except ValueError as e:
    print("ValueError", e)
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, zip("ab", "cd"))))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
x, y, z = tee("ab", 3)
print(next(x), next(y), list(x), list(z), list(y))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [])))
print(list(product("ab", range(2))), list(product([1, 2], repeat=2)), list(product()))
print(len(list(product(range(3), repeat=3))))
print(list(permutations("abc")), list(permutations(range(3), 2)), list(permutations([], 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 0)))
print(list(pairwise("ABCDE")), list(pairwise([1])))
total = 0
for i, (p, q) in enumerate(combinations(range(20), 2)):
    total += p * q
print(total, i)
print(sum(1 for _ in permutations(range(6))), sum(map(sum, product(range(4), repeat=4))))
print(list(map(list, tee([], 2))), next(count(5)))
