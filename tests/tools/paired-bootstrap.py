#!/usr/bin/python3
"""Paired bootstrap of two models' strict scores, written apart from nerscore.

Reads two sentence count streams (nerscore --counts=sent) of two models on
one test set and prints, per statistic, the percentile interval of B - A
and the two-sided p-value, as nerscore --compare defines them, but drawn
with numpy's PCG64 generator, so it is an independent Monte Carlo estimate.
Given "-" for B, it prints the interval of A alone, as nerscore --ci does.
Its outputs for WNUT-17 are pinned under tests/expected/compare; rerun:

    /usr/bin/python3 tests/tools/paired-bootstrap.py a.counts b.counts \
        [resamples [seed]] > expected

Needs python3-numpy.
"""
import math
import sys

import numpy as np

ALPHA = 0.05
TIE = 1e-9


def read_units(path):
    """Return {unit: {(type, what): n}} with what in tp, gold, pred."""
    units = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            if line.startswith("#"):
                continue
            doc, sent, cls, gold, pred, n = line.rstrip("\n").split("\t")
            u = units.setdefault((doc, sent), {})
            if cls in ("units", "tokens", "tokens-correct"):
                continue
            n = int(n)
            if cls != "spurious":
                u[(gold, "gold")] = u.get((gold, "gold"), 0) + n
            if cls != "missed":
                u[(pred, "pred")] = u.get((pred, "pred"), 0) + n
            if cls == "exact":
                u[(gold, "tp")] = u.get((gold, "tp"), 0) + n
    return units


def matrix(units, keys, types):
    """Return arrays tp, gold, pred of shape (units, types)."""
    out = []
    for what in ("tp", "gold", "pred"):
        out.append(np.array([[units[k].get((t, what), 0) for t in types]
                             for k in keys], dtype=np.float64))
    return out


def ratio(a, b):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1), 0.0)


def stats(tp, gold, pred, types):
    """Return {name: values} for totals of shape (resamples, types)."""
    p, r = ratio(tp, pred), ratio(tp, gold)
    f = ratio(2 * tp, gold + pred)
    out = {}
    for i, t in enumerate(types):
        out["type %s f1" % t] = f[:, i]
    T, G, P = tp.sum(1), gold.sum(1), pred.sum(1)
    out["micro precision"] = ratio(T, P)
    out["micro recall"] = ratio(T, G)
    out["micro f1"] = ratio(2 * T, G + P)
    rows = (gold + pred) > 0
    out["macro f1"] = ratio((f * rows).sum(1), rows.sum(1))
    return out


def quantile(v, q):
    s = np.sort(v)
    k = max(1, math.ceil(q * len(s) - 1e-6))
    return s[k - 1]


def main():
    a = read_units(sys.argv[1])
    alone = sys.argv[2] == "-"
    b = a if alone else read_units(sys.argv[2])
    resamples = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20171
    keys = sorted(a)
    assert sorted(b) == keys, "the inputs have different units"
    types = sorted({t for u in list(a.values()) + list(b.values())
                    for (t, _) in u if t != ""})
    ma, mb = matrix(a, keys, types), matrix(b, keys, types)
    rng = np.random.Generator(np.random.PCG64(seed))
    n = len(keys)
    w = rng.multinomial(n, np.full(n, 1.0 / n), size=resamples)
    w = w.astype(np.float64)
    sa = stats(*(w @ x for x in ma), types)
    sb = stats(*(w @ x for x in mb), types)
    for name in sa:
        d = sa[name] if alone else sb[name] - sa[name]
        below = int((d <= TIE).sum())
        above = int((d >= -TIE).sum())
        p = min(1.0, 2 * (min(below, above) + 1) / (resamples + 1))
        print("%s\t%.4f\t%.4f\t%.4f" % (name, quantile(d, ALPHA / 2),
                                         quantile(d, 1 - ALPHA / 2), p))


if __name__ == "__main__":
    main()
