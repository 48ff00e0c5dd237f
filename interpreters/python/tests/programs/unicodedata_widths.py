# unicodedata.east_asian_width over scripts and symbols, a display-width function built on
# it aligning a table of mixed-width text, and the unicodedata argument errors.
import unicodedata as ud

samples = "aZ9 ~中文字한국어かなカナｱｲＡＢ１±×÷§¶°αβγжЖ€£¥→↑■●★☆♠\u0300\u3000\u00a0😀🎉"
print([(c, ud.east_asian_width(c)) for c in samples])
counts = {}
for cp in range(0, 0x3100, 7):
    w = ud.east_asian_width(chr(cp))
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))


def width(text):
    return sum(2 if ud.east_asian_width(c) in "WF" else 0 if ud.combining(c) else 1 for c in text)


def pad(text, n):
    return text + " " * (n - width(text))


rows = [("apple", "りんご", 120), ("watermelon", "スイカ", 480), ("pear", "梨", 95), ("café", "カフェ", 300)]
for en, ja, price in rows:
    print("|" + pad(en, 12) + "|" + pad(ja, 10) + "|" + str(price).rjust(5) + "|")
for f in (ud.category, ud.name, ud.numeric, ud.combining, ud.east_asian_width):
    try:
        f("ab")
    except TypeError as e:
        print(e)
