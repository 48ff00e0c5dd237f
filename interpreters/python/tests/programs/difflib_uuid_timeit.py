# gc-stress: skip (imports large library modules; every allocation would collect them)
import uuid, timeit, difflib
u = uuid.uuid4(); print(len(str(u)), str(u)[14], u.version, u.variant, isinstance(u.int, int))
u2 = uuid.UUID("{12345678-1234-5678-1234-567812345678}"); print(u2, repr(u2), u2.hex, u2.int, u2.fields, u2.urn, u2.bytes, u2.bytes_le, u2.version)
print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_URL, "x"))
print(uuid.UUID(int=5), uuid.UUID(bytes=bytes(range(16))), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)))
print(u2 == uuid.UUID(u2.hex), u2 < uuid.UUID(int=2**127), hash(u2) == hash(uuid.UUID(str(u2))), str(uuid.uuid1())[14])
for bad in ["xyz", "1234"]:
    try: uuid.UUID(bad)
    except ValueError as e: print(e)
try: u2.x = 1
except TypeError as e: print(e)
t = timeit.Timer("x = sum(range(10))"); print(type(t.timeit(10)), len(t.repeat(3, 2)))
print(timeit.timeit(lambda: None, number=5) >= 0, timeit.timeit("y*2", setup="y=3", number=3) >= 0)
print(timeit.timeit("z", globals={"z": 1}, number=2) >= 0)
text1 = """The quick brown fox
jumps over
the lazy dog.
Line four
line five
six
seven
eight
nine
ten
""".splitlines(keepends=True)
text2 = text1[:]; text2[1] = "jumped over\n"; text2.insert(5, "inserted\n"); del text2[-2]
print("".join(difflib.unified_diff(text1, text2, "a.txt", "b.txt")))
print("".join(difflib.context_diff(text1, text2, "a.txt", "b.txt", n=1)))
print("".join(difflib.ndiff(["hello world\n", "abc\n", "same\n"], ["hello wrld\n", "xyz\n", "same\n", "new\n"])))
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), sm.get_opcodes(), sm.find_longest_match(0, 10, 0, 10))
sm = difflib.SequenceMatcher(lambda c: c == " ", "a b c d", "a  bcd")
print(sm.get_matching_blocks(), sm.quick_ratio(), sm.real_quick_ratio())
print(difflib.get_close_matches("wheel", ["while", "whale", "wheat", "steel", "peel"], n=2, cutoff=0.5))
print(difflib.get_close_matches("pyhton", ["python", "jython", "cython", "typhon"]))
diff = list(difflib.ndiff("one\ntwo\nthree\n".splitlines(1), "ore\ntree\nemu\n".splitlines(1)))
print("".join(difflib.restore(diff, 1)), "".join(difflib.restore(diff, 2)))
a = [str(i % 7) for i in range(200)]; b = a[::-1]
print(difflib.SequenceMatcher(None, a, b).ratio(), len(list(difflib.unified_diff(a, b))))
print(list(difflib.SequenceMatcher(None, "abxcd", "abcd").get_grouped_opcodes(1)))
