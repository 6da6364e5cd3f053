/*
 * bootjson: write the intervals of nerscore --ci and the comparison of
 * nerscore --compare as one JSON document, with the same numbers as the
 * TSV and the settings that produced them.
 */
#include <string.h>

#include "bootreport.h"
#include "json.h"
#include "out.h"

static void
json_name(const char *key, const char *s)
{
	json_key(key);
	json_string(s, strlen(s));
}

/* Write how the intervals were made, each member followed by a comma. */
static void
json_method(const struct bootresult *res, const struct bootview *v)
{
	json_name("unit", v->unit);
	out_str(",\n  ");
	json_u64("units", res->units);
	out_str(",\n  ");
	out_printf("\"level\": %g,\n  ", v->bo.level);
	json_name("interval", "percentile bootstrap");
	out_str(",\n  ");
	json_u64(res->exact ? "resamples_enumerated" : "resamples",
	    res->resamples);
	out_str(",\n  ");
	json_key("seed");
	if (res->exact)
		out_str("null");
	else
		out_u64(v->bo.seed);
	out_str(",\n  ");
}

/* Write the type of row i when the row is a type's. */
static void
json_type(const struct bootrows *br, size_t i)
{
	const char *name;
	size_t len;

	if (i >= br->ntypes)
		return;
	name = type_name(br->types[i], &len);
	json_key("type");
	json_string(name, len);
	out_str(", ");
}

/* Write the type of row i and, except for macro, the counts of s. */
static void
json_row_head(const struct bootrows *br, size_t i, const struct stats *s)
{
	json_type(br, i);
	if (i > br->ntypes)
		return;
	json_key("tp");
	out_half(s->tp2);
	out_str(", ");
	json_u64("gold", s->gold);
	out_str(", ");
	json_u64("pred", s->pred);
	out_str(", ");
}

static void
json_interval(const struct interval *iv, int digits)
{
	json_ratio("lo", &iv->lo, digits);
	out_str(", ");
	json_ratio("hi", &iv->hi, digits);
}

/* Write row i of --ci: each ratio with its interval. */
static void
ci_row(const struct bootrows *br, size_t i, const struct bootview *v)
{
	const struct stats *s = &br->stats[0][i];
	struct ratio r;
	int k;

	out_char('{');
	json_row_head(br, i, s);
	for (k = 0; k < 3; k++) {
		if (k > 0)
			out_str(", ");
		json_key(boot_metric_name(k, v));
		out_char('{');
		r = row_value(s, k);
		json_ratio("value", &r, v->ro.digits);
		out_str(", ");
		json_interval(&br->iv[i * 3 + (size_t)k], v->ro.digits);
		out_char('}');
	}
	out_char('}');
}

/* Write a count that differs between the inputs as {"a": n, "b": n}. */
static void
json_pair(const char *key, uint64_t a2, uint64_t b2)
{
	json_key(key);
	out_str("{\"a\": ");
	out_half(a2);
	out_str(", \"b\": ");
	out_half(b2);
	out_char('}');
}

/*
 * Write the type of row i and, except for macro, its counts in both
 * inputs, then a comma.
 */
static void
compare_counts(const struct bootrows *br, size_t i)
{
	const struct stats *a = &br->stats[0][i], *b = &br->stats[1][i];

	json_type(br, i);
	if (i > br->ntypes)
		return;
	json_u64("gold", a->gold);
	out_str(", ");
	json_pair("tp", a->tp2, b->tp2);
	out_str(", ");
	json_pair("pred", twice(a->pred), twice(b->pred));
	out_char(',');
}

/* Write row i of --compare: per ratio a, b, their difference and test. */
static void
compare_row(const struct bootrows *br, size_t i, const struct bootview *v)
{
	const struct interval *iv;
	struct ratio a, b, d;
	int k;

	out_char('{');
	compare_counts(br, i);
	for (k = 0; k < 3; k++) {
		iv = &br->iv[i * 3 + (size_t)k];
		a = row_value(&br->stats[0][i], k);
		b = row_value(&br->stats[1][i], k);
		d = boot_diff(br, i, k);
		out_str(k > 0 ? ",\n          " : "\n          ");
		json_key(boot_metric_name(k, v));
		out_char('{');
		json_ratio("a", &a, v->ro.digits);
		out_str(", ");
		json_ratio("b", &b, v->ro.digits);
		out_str(", ");
		json_ratio("diff", &d, v->ro.digits);
		out_str(", ");
		json_interval(iv, v->ro.digits);
		out_str(", ");
		json_ratio("p", &iv->p, v->ro.digits);
		out_str(", ");
		json_name("change", boot_change(d, iv, v->bo.level, true));
		out_char('}');
	}
	out_char('}');
}

typedef void row_fn(const struct bootrows *, size_t, const struct bootview *);

static void
json_mode(const struct bootrows *br, const struct bootview *v, row_fn *row)
{
	size_t i;

	out_str("    {\n      ");
	json_name("mode", mode_names[br->mode]);
	out_str(",\n      ");
	json_name("definition", mode_meaning[br->mode]);
	out_str(",\n      \"types\": [");
	for (i = 0; i < br->ntypes; i++) {
		out_str(i > 0 ? ",\n        " : "\n        ");
		row(br, i, v);
	}
	out_str(br->ntypes > 0 ? "\n      ],\n      " : "],\n      ");
	json_key("micro");
	row(br, br->ntypes, v);
	out_str(",\n      ");
	json_key("macro");
	row(br, (size_t)br->ntypes + 1, v);
	out_str("\n    }");
}

static void
json_results(const struct bootresult *res, const struct bootview *v,
    row_fn *row)
{
	int m;

	out_str("\"results\": [\n");
	for (m = 0; m < res->nmodes; m++) {
		if (m > 0)
			out_str(",\n");
		json_mode(&res->rows[m], v, row);
	}
	out_str("\n  ]\n}\n");
}

void
bootjson_ci(const struct bootresult *res, const struct bootview *v)
{
	out_str("{\n  ");
	json_settings(&v->ro);
	json_name("analysis", "confidence intervals");
	out_str(",\n  ");
	json_method(res, v);
	json_results(res, v, ci_row);
}

void
bootjson_compare(const struct bootresult *res, const struct bootview *v)
{
	out_str("{\n  ");
	json_settings(&v->ro);
	json_name("analysis", "paired comparison");
	out_str(",\n  ");
	json_name("a", v->input[0]);
	out_str(",\n  ");
	json_name("b", v->input[1]);
	out_str(",\n  ");
	json_method(res, v);
	json_name("test", "two-sided paired bootstrap; diff is b - a");
	out_str(",\n  ");
	out_printf("\"significant_at_p\": %g,\n  ", 1 - v->bo.level);
	json_results(res, v, compare_row);
}
