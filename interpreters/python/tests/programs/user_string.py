# collections.UserString: str methods that make strings make the subclass's; others pass
# results through; operators with str on either side.
from collections import UserString, UserList


class Tag(UserString):
    def shout(self):
        return self.upper() + "!"


t = Tag("Hello World")
for r in [t.upper(), t.lower(), t[1:5], t + "?", "¿" + t, t * 2, t.replace("o", "0"), t.center(15, "*"),
          t.zfill(13), t.strip("Hd"), t.title(), t.swapcase(), Tag("%s-%d") % ("a", 1), t.shout()]:
    print(type(r).__name__, repr(r))
print(t.split(), t.partition(" "), t.find("o"), t.count("l"), t.startswith("He"), t.isalpha(), t.join("ab"))
print(len(t), "World" in t, Tag("World") in t, t == "Hello World", t < "Help", sorted([Tag("b"), Tag("a")]),
      {t: 1}["Hello World"], str(t), int(Tag("42")) + 1, float(Tag("2.5")), t.encode())
print(list(reversed(UserList([1, 2, 3]))), type(reversed(UserList([]))).__name__)
