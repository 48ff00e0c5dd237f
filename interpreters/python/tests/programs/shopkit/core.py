PRICE = {"apple": 3}
class Cart:
    def __init__(self): self.items = []
    def add(self, x): self.items.append(x); return self
    def total(self):
        from .util import price_of
        return sum(price_of(i) for i in self.items)
_private = 1
