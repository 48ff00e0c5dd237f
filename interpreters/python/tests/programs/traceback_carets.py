# The ^^^ and ~~^~~ marks traceback prints under the part of a line that failed.
import traceback, sys, heapq, functools

FILE = __file__


class Out:
    def write(self, s):
        sys.stdout.write(s.replace(FILE, "FILE"))


out = Out()


def show(fn):
    try:
        fn()
    except Exception:
        traceback.print_exc(file=out)


class Obj:
    def method(self, x):
        return self.helper(x) * 2

    def helper(self, x):
        return 10 / x


o = Obj()
o.none = None


def call_chain(): o.method(0)
def index(): return [1, 2][5]
def key(): return {"a": 1}["b"]
def nested_index():
    data = {"k": [1, 2]}
    return data["k"][0]["z"]
def two_lines():
    return (1 +
            "x")
def lambda_attr(): return (lambda q: q.upper())(5)
def mixed():
    nums = [1, 2, 3]
    total = sum(nums) + len(nums) * nums[7]
def wide(): s = "中文"; return s + 1
def accented(): s = "héllo"; return s - 1
def plain_raise(): raise ValueError("plain")
def attr_chain(): return o.none.attr.more
def power(): return 2 ** "x"
def floor(): return 7 // 0
def augmented():
    d = {"a": [1]}
    d["a"][3] += 1
def assert_test():
    assert len("ab") > 3, "too short"
def assert_const():
    assert False
def multi_line_call():
    return o.method(
        0,
    )
def comprehension(): return [i / 0 for i in range(3)]
def library_frames():
    heapq.heappop([])
def callback_through_library():
    functools.reduce(lambda acc, v: acc + v["k"], [{}], 0)


for fn in [call_chain, index, key, nested_index, two_lines, lambda_attr, mixed, wide, accented,
           plain_raise, attr_chain, power, floor, augmented, assert_test, assert_const,
           multi_line_call, comprehension, library_frames, callback_through_library]:
    show(fn)

try:
    try:
        1 / 0
    except ZeroDivisionError as exc:
        raise RuntimeError("wrapped") from exc
except RuntimeError as e:
    print("".join(traceback.format_exception(e)).replace(FILE, "FILE"))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, fs.line)
    tb = e.__traceback__
    print(tb.tb_lasti >= 0, tb.tb_lineno, type(tb.tb_frame.f_code.co_positions()).__name__ != "")
