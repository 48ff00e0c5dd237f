import statistics as st
from fractions import Fraction as F
import random
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
for fn in (st.mean, st.fmean, st.median, st.median_low, st.median_high, st.median_grouped, st.mode, st.multimode, st.pstdev, st.stdev, st.pvariance, st.variance, st.quantiles, st.harmonic_mean, st.geometric_mean):
    t(fn, data); t(fn, [1, 2, 3, 4]); t(fn, [1, 2, 3, 4, 4]); t(fn, [F(1, 2), F(3, 4), F(5, 4)]); t(fn, []); t(fn, [5]); t(fn, [True, False, True])
r = random.Random(11)
for i in range(40):
    xs = [r.uniform(-100, 100) for _ in range(r.randint(2, 25))]
    ys = [abs(x) + 0.1 for x in xs]
    print(st.mean(xs), st.fmean(xs), st.variance(xs), st.stdev(xs), st.pvariance(xs), st.pstdev(xs), st.median(xs), st.harmonic_mean(ys), st.geometric_mean(ys), st.quantiles(xs, n=5), st.quantiles(xs, n=3, method='inclusive'))
    ints = [r.randint(-50, 50) for _ in range(r.randint(2, 15))]
    print(st.mean(ints), st.variance(ints), st.pvariance(ints), st.stdev(ints), st.median_grouped(ints, 2), st.mode(ints), st.multimode(ints))
t(st.mean, [1, 'a']); t(st.mean, ['a', 'b']); t(st.variance, [1.0, float('nan')]); t(st.mean, [1, float('inf')]); t(st.harmonic_mean, [1, -1]); t(st.harmonic_mean, [1, 0, 2])
t(st.quantiles, [1, 2, 3], n=0); t(st.quantiles, [1, 2], method='x'); t(st.mode, ['a', 'b', 'b', 'c']); t(st.multimode, 'aabbbbccddddeeffffgg'); t(st.median, ['b', 'a', 'c'])
t(st.fmean, [1, 2, 3], weights=[3, 2, 1]); t(st.harmonic_mean, [40, 60], weights=[5, 30]); t(st.variance, [1, 2, 3], 2); t(st.pvariance, [F(1, 4), F(5, 4)], F(3,4)); t(st.stdev, [F(1), F(2), F(4)])
t(st.covariance, [1, 2, 3, 4], [2, 4, 5, 9]); t(st.correlation, [1, 2, 3, 4], [2, 4, 5, 9]); t(st.linear_regression, [1, 2, 3, 4], [2, 4, 5, 9]); t(st.correlation, [1, 1], [1, 2])
nd = st.NormalDist(10, 2); print(nd, nd.pdf(11), nd.cdf(12), nd.zscore(7), nd + 3, nd * 2, st.NormalDist.from_samples([1, 2, 3, 4, 5]))
print(issubclass(st.StatisticsError, ValueError), st.mean(range(1, 101)), st.mean(iter([1.5, 2.5])), st.median(range(10)), st.geometric_mean([54, 24, 36]), st.harmonic_mean([2.5, 3, 10]))
