from ..core import Cart as C2
from .. import VERSION
