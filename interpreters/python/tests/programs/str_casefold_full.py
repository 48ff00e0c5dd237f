# str.casefold is Unicode's full case folding: caseless matching of words.
words = ["Straße", "STRASSE", "ﬁsh", "FISH", "ΣΊΣΥΦΟΣ", "σίσυφοσ", "ẞ", "µ", "μ", "ᾈ", "ἀι",
         "Ꭰꭰ", "ꭰꭰ", "İ", "ǰ", "ﬅ", "և", "ſ", "ϐ", "ΐ"]
for w in words:
    print(w, w.casefold(), len(w.casefold()), w.lower() == w.casefold())
groups = {}
for w in words:
    groups.setdefault(w.casefold(), []).append(w)
print(sorted(g for g in groups.values() if len(g) > 1))
print("Straße".casefold() == "strasse".casefold(), "ﬁ".casefold() == "FI".casefold())
