from .. import helper
def go(): return helper() + "!"
