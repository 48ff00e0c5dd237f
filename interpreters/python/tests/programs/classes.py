# classes, inheritance, super, dunders, class attributes, properties of maps
class Vec:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __repr__(self):
        return "Vec(%d, %d)" % (self.x, self.y)
    def norm2(self):
        return self.x * self.x + self.y * self.y
v = Vec(1, 2) + Vec(3, 4)
print(v, 2 * v, v * 3, v == Vec(4, 6), v.norm2(), Vec.dims)
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes " + self.sound()
    def sound(self):
        return "..."
class Dog(Animal):
    def sound(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name + " jr")
    def sound(self):
        return super().sound() + "!"
for a in [Animal("it"), Dog("rex"), Puppy("rex")]:
    print(a.speak(), isinstance(a, Dog), type(a).__name__)
total = 0
for i in range(2000):
    p = Vec(i, i + 1)
    total += p.norm2()
print(total)
