#!/usr/bin/python3
"""
Reference values for src/core/evaluation/significance.ts, computed with SciPy.

Run with Debian's interpreter (SciPy 1.10.1), from the repository root:

    /usr/bin/python3 src/core/evaluation/reference/significance.py

It writes significance.json next to this file. The TypeScript tests compare against it to 1e-9
relative, so the inputs are written out exactly (JSON floats round-trip through repr).

What is compared:
  * wilcoxon: scipy.stats.wilcoxon(a, b, zero_method='wilcox', correction=False,
    alternative=..., mode=...), plus the number of non-zero differences and the distribution used.
    The TypeScript uses the exact null distribution when n <= 50 and there are no zero and no tied
    differences, the normal approximation (with the tie correction) otherwise. That is SciPy 1.10's
    mode='auto' except for tied |d| without zeros: SciPy 1.10 then still uses the no-ties exact
    distribution at int(r_plus) (truncating half-integer rank sums, which makes the two-sided p
    depend on the order of a and b; SciPy fixed this in gh-19872 and since 1.13 no longer uses the
    exact distribution with ties). For those cases the reference is mode='approx', and what 1.10's
    mode='auto' returns is kept as scipyAutoPValue for the record.
  * tTest: the Nadeau & Bengio (2003) corrected resampled t-test, written out below with plain
    left-to-right sums (as the TypeScript does) and the p-value from scipy.stats.t.sf.
  * studentT: scipy.stats.t.cdf; incompleteBeta: scipy.special.betainc; normal: scipy.stats.norm.cdf.
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import special, stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'significance.json')


def scores(seed, n, shift, spread=0.03, base=0.8, decimals=4):
    """n paired scores rounded to 4 decimals, like accuracies from n seeds or folds."""
    rng = np.random.RandomState(seed)
    a = np.round(base + spread * rng.randn(n), decimals)
    b = np.round(a - shift + spread * rng.randn(n), decimals)
    return [float(v) for v in a], [float(v) for v in b]


def wilcoxon_case(name, a, b, alternative='two-sided'):
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    nonzero = np.abs(d[d != 0])
    n_nonzero = len(nonzero)
    has_ties = len(np.unique(nonzero)) < n_nonzero
    method = 'exact' if len(d) <= 50 and n_nonzero == len(d) and not has_ties else 'normal'

    def run(mode):
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            return stats.wilcoxon(a, b, zero_method='wilcox', correction=False, alternative=alternative, mode=mode)

    res = run('exact' if method == 'exact' else 'approx')
    auto = run('auto')
    extra = {} if auto.pvalue == res.pvalue else {'scipyAutoPValue': float(auto.pvalue)}
    return {
        'name': name,
        'a': [float(v) for v in a],
        'b': [float(v) for v in b],
        'alternative': alternative,
        'statistic': float(res.statistic),
        'pValue': float(res.pvalue),
        'n': n_nonzero,
        'method': method,
        **extra,
    }


def wilcoxon_cases():
    cases = []
    add = lambda *args: cases.append(wilcoxon_case(*args))
    add('n=1, positive difference', [0.8], [0.7])
    add('n=1, negative difference, greater', [0.7], [0.8], 'greater')
    add('n=2, mixed signs', [0.81, 0.79], [0.8, 0.8])
    add('n=3 seeds, all better: p cannot go below 0.25', [0.85, 0.86, 0.84], [0.8, 0.8, 0.8])
    add('n=3 seeds, all better, greater', [0.85, 0.86, 0.84], [0.8, 0.8, 0.8], 'greater')
    add('n=3 seeds, all better, less', [0.85, 0.86, 0.84], [0.8, 0.8, 0.8], 'less')
    a, b = scores(2, 5, 0.01)
    add('n=5, mixed signs', a, b)
    add('n=6, tied |d| -> normal', [3, 1, 4, 1, 5, 9], [1, 2, 2, 0, 7, 6])
    add('n=6, tied |d|, greater (half-integer r_plus)', [3, 1, 4, 1, 5, 9], [1, 2, 2, 0, 7, 6], 'greater')
    add('n=6, tied |d|, less', [3, 1, 4, 1, 5, 9], [1, 2, 2, 0, 7, 6], 'less')
    add('n=6, tied |d|, a and b swapped', [1, 2, 2, 0, 7, 6], [3, 1, 4, 1, 5, 9])
    add('n=5 seeds, identical differences (all tied)', [0.9, 0.85, 0.7, 0.75, 0.5], [0.8, 0.75, 0.6, 0.65, 0.4])
    add('n=4, all |d| equal, mixed signs', [1, 0, 1, 0], [0, 1, 0, 0.5 + 0.5])
    add('n=8 with one zero difference -> normal', [5, 3, 7, 2, 8, 4, 6, 9], [4, 3, 5, 4, 5, 1, 3, 3])
    add('zeros and ties, less', [1, 2, 2, 3, 0, 4, 5, 2, 7], [1, 1, 3, 3, 1, 2, 3, 2, 4], 'less')
    add('one zero, one non-zero -> normal with n=1', [0.5, 0.7], [0.5, 0.6])
    add('centre of the exact distribution -> p = 1', [1, 4, 0, 0], [0, 0, 2, 3])
    a, b = scores(3, 10, -0.01)
    add('n=10, less', a, b, 'less')
    a, b = scores(4, 12, 0.005)
    add('n=12, two-sided', a, b)
    a, b = scores(5, 20, 0.02)
    add('n=20, greater', a, b, 'greater')
    add('n=20, less (large p)', a, b, 'less')
    a, b = scores(6, 30, 0.01)
    add('n=30, two-sided', a, b)
    add('n=30, all negative: p = 2 / 2^30', [0.5] * 30, [0.5 + 0.01 * (i + 1) for i in range(30)])
    a, b = scores(7, 50, 0.004, decimals=8)
    add('n=50, exact boundary', a, b)
    a, b = scores(7, 50, 0.004)
    add('n=50 with tied |d| -> normal', a, b)
    a, b = scores(8, 51, 0.004)
    add('n=51 -> normal', a, b)
    add('n=51 -> normal, greater', a, b, 'greater')
    ints = np.random.RandomState(9)
    a = [float(v) for v in ints.randint(0, 6, 60)]
    b = [float(v) for v in ints.randint(0, 5, 60)]
    add('n=60 integers, many ties and zeros', a, b)
    add('n=60 integers, greater', a, b, 'greater')
    a, b = scores(10, 80, 0.05, spread=0.01)
    add('n=80 strongly shifted: tiny normal tail', a, b)
    add('n=80 strongly shifted, less: p near 1', a, b, 'less')
    return cases


def corrected_t(a, b, test_fraction):
    d = [x - y for x, y in zip(a, b)]
    k = len(d)
    mean = 0.0
    for v in d:
        mean += v
    mean /= k
    if all(v == d[0] for v in d):
        var = 0.0
    else:
        var = 0.0
        for v in d:
            var += (v - mean) ** 2
        var /= k - 1
    ratio = test_fraction / (1 - test_fraction)
    t = mean / math.sqrt((1 / k + ratio) * var)
    # Sanity check against SciPy: without the correction term this is the paired t-test.
    plain = stats.ttest_rel(a, b).statistic
    assert abs(mean / math.sqrt(var / k) - plain) <= 1e-9 * abs(plain), (plain, t)
    return t, float(2 * stats.t.sf(abs(t), k - 1))


def t_test_cases():
    cases = []

    def add(name, a, b, test_fraction):
        t, p = corrected_t(a, b, test_fraction)
        cases.append({'name': name, 'a': a, 'b': b, 'testFraction': test_fraction, 't': t, 'pValue': p, 'df': len(a) - 1})

    add('k=2, hold-out 0.25', [0.81, 0.84], [0.8, 0.8], 0.25)
    add('k=3 seeds, hold-out 0.3', [0.85, 0.86, 0.84], [0.8, 0.8, 0.8], 0.3)
    add('k=3 seeds, negative mean', [0.78, 0.8, 0.79], [0.8, 0.81, 0.805], 0.3)
    a, b = scores(11, 5, 0.01)
    add('k=5, 5-fold CV', a, b, 0.2)
    a, b = scores(12, 10, 0.005)
    add('k=10, 10-fold CV', a, b, 0.1)
    a, b = scores(13, 30, 0.02)
    add('k=30, hold-out 0.3', a, b, 0.3)
    a, b = scores(14, 50, 0.03, spread=0.005)
    add('k=50, 10-fold x 5 repeats, tiny p', a, b, 0.1)
    return cases


def student_t_cases():
    cases = []
    for df in [1, 2, 5, 30, 1000, 2.5]:
        for t in [-1e4, -50, -10, -3, -1, -0.1, 0, 0.5, 2, 5, 40]:
            cases.append({'t': t, 'df': df, 'cdf': float(stats.t.cdf(t, df))})
    cases.append({'t': -40, 'df': 1000, 'cdf': float(stats.t.cdf(-40, 1000))})
    cases.append({'t': -200, 'df': 30, 'cdf': float(stats.t.cdf(-200, 30))})
    cases.append({'t': 1e-8, 'df': 5, 'cdf': float(stats.t.cdf(1e-8, 5))})
    return cases


def incomplete_beta_cases():
    cases = []
    for a, b in [(0.5, 0.5), (1, 1), (2, 3), (0.5, 15), (15, 0.5), (5, 30), (30, 5), (500, 0.5), (0.1, 2), (40, 60)]:
        for x in [0, 1e-6, 0.01, 0.3, 0.5, 0.9, 0.999, 1]:
            value = float(special.betainc(a, b, x))
            if 0 < value < 1e-290:
                continue  # subnormal territory: no relative accuracy to compare
            cases.append({'x': x, 'a': a, 'b': b, 'value': value})
    return cases


def normal_cases():
    return [{'z': z, 'cdf': float(stats.norm.cdf(z))} for z in [-37, -20, -10, -5, -1.96, -1, -0.3, -1e-3, 0, 0.2, 0.5, 1, 3, 8]]


def main():
    data = {
        'generatedBy': 'src/core/evaluation/reference/significance.py',
        'scipy': scipy.__version__,
        'numpy': np.__version__,
        'wilcoxon': wilcoxon_cases(),
        'tTest': t_test_cases(),
        'studentT': student_t_cases(),
        'incompleteBeta': incomplete_beta_cases(),
        'normal': normal_cases(),
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, indent=1, allow_nan=False)
        f.write('\n')
    print(f'wrote {OUT}: {len(data["wilcoxon"])} wilcoxon, {len(data["tTest"])} t-test, {len(data["studentT"])} t cdf, '
          f'{len(data["incompleteBeta"])} incomplete beta, {len(data["normal"])} normal cases (scipy {scipy.__version__})')


if __name__ == '__main__':
    main()
