# ast.literal_eval on literals of every kind, and the inputs it refuses.
import ast
print(ast.literal_eval("[1, 2.5, 'a', (3, None), {'k': True}, {1, 2}, -4, 1+2j, b'x']"))
for s in ["42", "  -3.5e2", "0x1F", "1_000", "'a' 'b'", '"""tri\nple"""', "(1,)", "()", "(1)", "{}", "set()", "[\n 1,\n 2,\n]",
          "{'a': [1, {'b': (2, 3)}]}", "r'\\d+'", "True", "None", "-(1)", "3-4j", "'é\\n'", "b'\\x00'", "1e-3", ".5", "5."]:
    print(repr(s), "->", repr(ast.literal_eval(s)))
for bad in ["x", "1 + 1", "[1, 2", "__import__('os')", "f'x'", "{1: 2, 3}", "a.b"]:
    try:
        print(ast.literal_eval(bad))
    except (ValueError, SyntaxError) as e:
        print(bad, type(e).__name__)
