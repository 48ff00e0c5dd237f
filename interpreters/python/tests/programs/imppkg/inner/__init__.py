from ..util import double as twice
from .deep import LEVEL
