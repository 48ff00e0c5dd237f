"""Timing small pieces of code: `timeit`, `repeat`, the `Timer` class and `default_timer`
(`time.perf_counter`). A statement given as a string is compiled into a function that runs
it `number` times, with the setup code before the loop, in the namespace `globals`."""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals


def _indent(src, prefix):
    return src.replace("\n", "\n" + prefix)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        init = ""
        if isinstance(setup, str):
            compile(setup, dummy_src_name, "exec")
            setup_src = _indent(setup, "    ")
        elif callable(setup):
            local_ns["_setup"] = setup
            init += ", _setup=_setup"
            setup_src = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(setup + "\n" + stmt, dummy_src_name, "exec")
            stmt_src = _indent(stmt, "        ")
        elif callable(stmt):
            local_ns["_stmt"] = stmt
            init += ", _stmt=_stmt"
            stmt_src = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = ("def inner(_it, _timer{init}):\n"
               "    {setup}\n"
               "    _t0 = _timer()\n"
               "    for _i in _it:\n"
               "        {stmt}\n"
               "        pass\n"
               "    _t1 = _timer()\n"
               "    return _t1 - _t0\n").format(init=init, setup=setup_src, stmt=stmt_src)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        it = itertools.repeat(None, number)
        gcold = gc.isenabled()
        gc.disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if gcold:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number,
           globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
