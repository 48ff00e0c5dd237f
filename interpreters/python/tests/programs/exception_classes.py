# The builtin exception hierarchy beyond the common classes: OSError's subclasses and
# aliases, the Unicode errors, warnings, and catching through a base class.
names = [
    ConnectionError, BrokenPipeError, ConnectionResetError, FileNotFoundError,
    PermissionError, TimeoutError, IsADirectoryError, UnicodeDecodeError,
    UnicodeEncodeError, IndentationError, TabError, Warning, UserWarning,
    DeprecationWarning, RuntimeWarning, ReferenceError, BufferError,
    StopAsyncIteration,
]
for E in names:
    print(E.__name__, [c.__name__ for c in E.__mro__])
print(IOError is OSError, EnvironmentError is OSError)


def fail(E, msg):
    raise E(msg)


for E, catch in [(FileNotFoundError, OSError), (BrokenPipeError, ConnectionError),
                 (TabError, SyntaxError), (UserWarning, Exception),
                 (UnicodeError, ValueError)]:
    try:
        fail(E, "from " + E.__name__)
    except catch as e:
        print("caught", type(e).__name__, "as", catch.__name__, "-", e)
print(issubclass(TimeoutError, OSError), issubclass(Warning, BaseException),
      issubclass(ConnectionError, ValueError))
