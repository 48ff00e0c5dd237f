from .core import PRICE
def price_of(x): return PRICE.get(x, 0)
print("util loaded", __name__, __package__)
