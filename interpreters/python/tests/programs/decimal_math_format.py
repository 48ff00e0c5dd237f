# Decimal's exp/ln/log10 and fractional powers to the context precision, engineering
# strings, e/g format specs with exact digits, and str/format of int/float/str subclasses.
from decimal import Decimal as D, localcontext

for text in ["2", "0.5", "1e-5", "-20.5", "0"]:
    d = D(text)
    row = [text, d.exp()]
    if d > 0:
        row += [d.ln(), d.log10()]
    print(*row)

for base, power in [("2", "0.5"), ("4", "0.5"), ("1", "0.5"), ("2.878", "1.0"), ("0.002", "37.0")]:
    print(base, "**", power, "=", D(base) ** D(power))

with localcontext() as ctx:
    ctx.prec = 12
    print(D(2).exp(), D(3).ln(), D(2) ** D("0.5"), D(5).log10())

# Compound interest: principal * (1 + rate) ** years, fractional years.
principal, rate = D("2500.00"), D("0.045")
for years in ["1", "2.5"]:
    amount = principal * (1 + rate) ** D(years)
    print(f"{years:>5} years: {amount.quantize(D('0.01')):>10}")

for text in ["1e10", "123.456", "0.00012", "100", "-5.5", "0", "1234567", "0.5", "1E+3"]:
    d = D(text)
    print(f"{text:>8} | {d:e} {d:.2e} {d:E} {d:g} {d:.3g} {d:.2G} {d:12.3e}| {d.to_eng_string()}")

for text in ["1E+2", "1E+5", "1.5E-7", "123E+4", "0E+4", "-12.3E-10", "5E-1"]:
    print(text, D(text).to_eng_string(), str(D(text)))


class Meters(int):
    def __repr__(self):
        return f"{int(self)} m"


class Price(float):
    def __str__(self):
        return f"${float(self):.2f}"


class Label(str):
    def __str__(self):
        return "<" + self.upper() + ">"


for v in [Meters(42), Price(3.5), Label("tag")]:
    print(f"{v}", format(v), "{}".format(v), f"[{v:>6}]", str(v), "%s" % v)
