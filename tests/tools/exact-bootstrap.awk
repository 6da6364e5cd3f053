# Enumerate all n^n ordered resamples of the sentences of one or two
# sentence count streams (strict mode), and print for each statistic the
# exact percentile interval ends of A, or of B - A with the two-sided
# p-value, then the distance of the nearest step of the exact distribution
# function from the quantile levels.
BEGIN { FS = "\t" }
function add(m, u, t, what, n) { c[m, u, t, what] += n; types[t] = 1 }
FNR == 1 { m++; next }
/^#/ || $3 == "units" || $3 == "tokens" || $3 == "tokens-correct" { next }
{
	u = $1 SUBSEP $2
	if (!(u in uid)) { uid[u] = ++n }
	i = uid[u]
	if ($3 != "spurious") add(m, i, $4, "g", $6)
	if ($3 != "missed") add(m, i, $5, "p", $6)
	if ($3 == "exact") add(m, i, $4, "t", $6)
}
function ratio(a, b) { return b == 0 ? 0 : a / b }
function f1(t, g, p) { return g + p == 0 ? 0 : 2 * t / (g + p) }
# Score model mm on the resample in pick[1..n]: stat[name] values.
function score(mm,   k, t, tg, tp, tt, G, P, T, sp, sr, sf, nt) {
	G = P = T = 0; sp = sr = sf = nt = 0
	for (t in types) {
		tg = tp = tt = 0
		for (k = 1; k <= n; k++) {
			tg += c[mm, pick[k], t, "g"]
			tp += c[mm, pick[k], t, "p"]
			tt += c[mm, pick[k], t, "t"]
		}
		G += tg; P += tp; T += tt
		stat[mm, "type " t " f1"] = f1(tt, tg, tp)
		if (tg + tp > 0) {
			nt++
			sp += ratio(tt, tp); sr += ratio(tt, tg); sf += f1(tt, tg, tp)
		}
	}
	stat[mm, "micro precision"] = ratio(T, P)
	stat[mm, "micro recall"] = ratio(T, G)
	stat[mm, "micro f1"] = f1(T, G, P)
	stat[mm, "macro f1"] = ratio(sf, nt)
}
# The smallest value v of d[name, 1..N] with #{d <= v} >= q N.
function quantile(name, q,   i, j, le, best) {
	best = ""
	for (i = 1; i <= N; i++) {
		le = 0
		for (j = 1; j <= N; j++)
			if (d[name, j] <= d[name, i] + 1e-9) le++
		if (le >= q * N - 1e-6 && (best == "" || d[name, i] < best))
			best = d[name, i]
	}
	return best
}
# The distance of the nearest value of the distribution function of
# d[name, 1..N] from alpha / 2 and 1 - alpha / 2.
function gap(name,   i, j, le, g, x) {
	g = 1
	for (i = 1; i <= N; i++) {
		le = 0
		for (j = 1; j <= N; j++)
			if (d[name, j] <= d[name, i] + 1e-9) le++
		x = le / N - alpha / 2; if (x < 0) x = -x; if (x < g) g = x
		x = le / N - 1 + alpha / 2; if (x < 0) x = -x; if (x < g) g = x
	}
	return g
}
END {
	N = n ^ n
	for (s = 0; s < N; s++) {
		x = s
		for (k = 1; k <= n; k++) { pick[k] = x % n + 1; x = int(x / n) }
		score(1)
		if (m == 2) score(2)
		for (key in stat) {
			if (substr(key, 1, 2) != 1 SUBSEP) continue
			name = substr(key, 3); names[name] = 1
			d[name, s + 1] = m == 2 ? stat[2, name] - stat[1, name] : \
			    stat[1, name]
		}
	}
	for (name in names) {
		below = above = 0
		for (j = 1; j <= N; j++) {
			if (d[name, j] <= 1e-9) below++
			if (d[name, j] >= -1e-9) above++
		}
		p = 2 * (below < above ? below : above) / N
		printf "%s\t%.6f\t%.6f\t%.6f\t%.4f\n", name, quantile(name, alpha / 2),
		    quantile(name, 1 - alpha / 2), (p > 1 ? 1 : p), gap(name)
	}
}
