from .util import double


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def double_side(self):
        return double(self.side)
