"""locale: the C library's locale categories as a Python program sees them, for the locales
a plain system has ("C", "POSIX" and "C.UTF-8"): `setlocale`, `getlocale`, `localeconv`,
number formatting (`format_string`, `str`, `atof`, `atoi`, `delocalize`), collation and
encoding queries. Other locale names are refused as the C library refuses a locale it does
not have (`locale.Error: unsupported locale setting`).
"""

import os as _os

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error", "setlocale",
           "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi", "format_string",
           "currency", "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "delocalize", "localize"]

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

_str = str


class Error(Exception):
    pass


# The categories a composite LC_ALL setting lists, in the C library's order (the ones past
# LC_MESSAGES have no Python constant).
_CATEGORY_NAMES = ["LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
                   "LC_MESSAGES", "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
                   "LC_MEASUREMENT", "LC_IDENTIFICATION"]
_AVAILABLE = {"C", "POSIX", "C.UTF-8", "C.utf8"}


def _from_environment(name):
    for var in ("LC_ALL", name, "LANG"):
        value = _os.environ.get(var)
        if value:
            return value
    return "C"


def _initial_ctype():
    # Python itself starts with LC_CTYPE from the environment, coerced to C.UTF-8 when that
    # says "C" or "POSIX".
    value = _from_environment("LC_CTYPE")
    if value in ("C", "POSIX") or value not in _AVAILABLE:
        return "C.UTF-8"
    return value


_settings = [_initial_ctype()] + ["C"] * (len(_CATEGORY_NAMES) - 1)


def _check_category(category):
    if not isinstance(category, int):
        raise TypeError("an integer is required (got type %s)" % type(category).__name__)
    if not 0 <= category <= LC_ALL:
        raise Error("locale query failed")


def setlocale(category, locale=None):
    """Set (or with no locale, query) the setting of one category, or of all (LC_ALL)."""
    if locale is not None and not isinstance(locale, _str):
        locale = normalize(_build_localename(locale))
    _check_category(category)
    if locale is None:
        if category != LC_ALL:
            return _settings[category]
        if all(s == _settings[0] for s in _settings):
            return _settings[0]
        return ";".join("%s=%s" % (n, s) for n, s in zip(_CATEGORY_NAMES, _settings))
    indexes = range(len(_CATEGORY_NAMES)) if category == LC_ALL else [category]
    chosen = {}
    for i in indexes:
        name = locale or _from_environment(_CATEGORY_NAMES[i])
        if name not in _AVAILABLE:
            raise Error("unsupported locale setting")
        chosen[i] = "C" if name == "POSIX" else name
    for i, name in chosen.items():
        _settings[i] = name
    return setlocale(category)


def localeconv():
    """The number and currency conventions of the current locale (the C locale's)."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX,
            'n_cs_precedes': CHAR_MAX, 'n_sep_by_space': CHAR_MAX,
            'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX, 'decimal_point': '.',
            'thousands_sep': '', 'grouping': []}


def strcoll(a, b):
    """Compare two strings by the collation of the locale (code point order)."""
    return (a > b) - (a < b)


def strxfrm(s):
    """The key that sorts as `strcoll` compares."""
    return s


_ALIASES = {
    "c": "C", "posix": "C", "c.utf8": "en_US.UTF-8", "c.utf-8": "en_US.UTF-8",
    "en": "en_US.ISO8859-1", "en_us": "en_US.ISO8859-1", "en_gb": "en_GB.ISO8859-1",
    "de": "de_DE.ISO8859-1", "de_de": "de_DE.ISO8859-1", "fr": "fr_FR.ISO8859-1",
    "fr_fr": "fr_FR.ISO8859-1", "es": "es_ES.ISO8859-1", "es_es": "es_ES.ISO8859-1",
    "it": "it_IT.ISO8859-1", "it_it": "it_IT.ISO8859-1", "ja": "ja_JP.eucJP",
    "ja_jp": "ja_JP.eucJP", "ru": "ru_RU.ISO8859-5", "ru_ru": "ru_RU.ISO8859-5",
    "zh_cn": "zh_CN.gb2312", "pt_br": "pt_BR.ISO8859-1", "nl_nl": "nl_NL.ISO8859-1",
}
_ENCODINGS = {"utf8": "UTF-8", "utf-8": "UTF-8", "latin1": "ISO8859-1",
              "iso88591": "ISO8859-1", "iso8859-1": "ISO8859-1", "iso885915": "ISO8859-15",
              "ascii": "ISO8859-1"}


def normalize(localename):
    """The locale name in the C library's spelling (language_TERRITORY.ENCODING)."""
    code = localename.lower()
    if ":" in code:
        code = code.replace(":", ".")
    modifier = ""
    if "@" in code:
        code, modifier = code.split("@", 1)
    if code in _ALIASES and not modifier:
        return _ALIASES[code]
    if "." in code:
        lang, enc = code.split(".", 1)
    else:
        lang, enc = code, ""
    base = _ALIASES.get(lang)
    if base is None:
        return localename
    if enc:
        enc_name = _ENCODINGS.get(enc.replace("_", "").replace("-", "") if enc not in
                                  _ENCODINGS else enc, enc.upper())
        base = base.split(".")[0] + "." + enc_name
    if modifier:
        base += "@" + modifier
    return base


def _parse_localename(localename):
    code = normalize(localename)
    if "@" in code:
        code, modifier = code.split("@", 1)
        if modifier == "euro" and "." not in code:
            return code, "iso-8859-15"
    if "." in code:
        return tuple(code.split(".")[:2])
    if code in ("C", "POSIX"):
        return None, None
    if code == "UTF-8":
        return None, "UTF-8"
    raise ValueError("unknown locale: %s" % localename)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = "C"
        if encoding is None:
            return language
        return language + "." + encoding
    except (TypeError, ValueError):
        raise TypeError("Locale must be None, a string, or an iterable of two strings -- "
                        "language code, encoding.") from None


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of a category's setting; (None, None) for the C locale."""
    localename = setlocale(category)
    if ";" in localename:
        raise TypeError("category LC_ALL is not supported")
    return _parse_localename(localename)


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in "
                  "Python 3.15. Use setlocale(), getencoding() and getlocale() instead.",
                  DeprecationWarning, stacklevel=2)
    for variable in envvars:
        localename = _os.environ.get(variable)
        if localename:
            if variable == "LANGUAGE":
                localename = localename.split(":")[0]
            break
    else:
        localename = "C"
    return _parse_localename(localename)


def _codeset(name):
    return "UTF-8" if name.lower().replace("-", "").endswith(".utf8") else "ANSI_X3.4-1968"


def getencoding():
    """The encoding of the current LC_CTYPE setting (the C library's codeset)."""
    return _codeset(_settings[LC_CTYPE])


def getpreferredencoding(do_setlocale=True):
    """The encoding of the user's preferred LC_CTYPE (the environment's)."""
    if not do_setlocale:
        return getencoding()
    return _codeset(_initial_ctype())


def _group(s, monetary=False):
    """`s` with the locale's thousands separators: the locales here group no digits."""
    return s, 0


def _format(percent, value, grouping=False, monetary=False, *additional):
    if additional:
        formatted = percent % ((value,) + additional)
    else:
        formatted = percent % value
    if percent[-1] in 'eEfFgGdiu':
        if percent[-1] in 'eEfFgG':
            parts = formatted.split('.')
            if grouping:
                parts[0], _ = _group(parts[0], monetary=monetary)
            decimal_point = localeconv()[monetary and 'mon_decimal_point' or 'decimal_point']
            formatted = decimal_point.join(parts)
        elif grouping:
            formatted, _ = _group(formatted, monetary=monetary)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    """`f % val` with the locale's decimal point (and, with grouping, thousands separator)."""
    import re
    specs = list(re.finditer(r'%(?:\((?P<key>.*?)\))?(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]', f))
    new_f = re.sub(r'%(?:\((?P<key>.*?)\))?(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]', '%s', f)
    if isinstance(val, dict):
        new_val = []
        for m in specs:
            if m.group()[-1] == '%':
                new_val.append('%')
            else:
                new_val.append(_format(m.group(), val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        new_val = []
        i = 0
        for m in specs:
            if m.group()[-1] == '%':
                new_val.append('%')
                continue
            starcount = m.group('modifiers').count('*')
            new_val.append(_format(m.group(), val[i], grouping, monetary, *val[i + 1:i + 1 + starcount]))
            i += 1 + starcount
    return new_f % tuple(new_val)


def currency(val, symbol=True, grouping=False, international=False):
    conv = localeconv()
    digits = conv[international and 'int_frac_digits' or 'frac_digits']
    if digits == CHAR_MAX:
        raise ValueError("Currency formatting is not possible using the 'C' locale.")
    return _format('%%.%if' % digits, abs(val), grouping, monetary=True)


def str(val):
    """The float `val` as '%.12g' formats it, with the locale's decimal point."""
    return _format("%.12g", val)


def delocalize(string):
    """A number string of the locale made into one `float` or `int` can read."""
    conv = localeconv()
    ts = conv['thousands_sep']
    if ts:
        string = string.replace(ts, '')
    dd = conv['decimal_point']
    if dd:
        string = string.replace(dd, '.')
    return string


def localize(string, grouping=False, monetary=False):
    return _format('%s', string, grouping, monetary)


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
