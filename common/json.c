/*
 * json: write the scores as one JSON document.  Ratios are rounded to the
 * digits asked for, NA is null, and a type name that is not valid UTF-8
 * has each bad byte replaced by U+FFFD, so the output always parses.
 */
#include <string.h>

#include "json.h"
#include "out.h"
#include "version.h"

/* Return the length of the valid UTF-8 sequence at p, or 0 for none. */
static size_t
utf8_len(const unsigned char *p, size_t avail)
{
	uint32_t cp;
	size_t n, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1f;
	} else if ((p[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07;
	} else {
		return 0;
	}
	if (n > avail)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

void
json_string(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	out_char('"');
	while (i < len) {
		if (p[i] == '"' || p[i] == '\\') {
			out_char('\\');
			out_char((char)p[i++]);
		} else if (p[i] < 0x20) {
			out_printf("\\u%04x", p[i++]);
		} else if (p[i] < 0x80) {
			out_char((char)p[i++]);
		} else if ((n = utf8_len(p + i, len - i)) > 0) {
			out_write(p + i, n);
			i += n;
		} else {
			out_str("\\ufffd");
			i++;
		}
	}
	out_char('"');
}

void
json_key(const char *key)
{
	json_string(key, strlen(key));
	out_str(": ");
}

void
json_ratio(const char *key, const struct ratio *r, int digits)
{
	json_key(key);
	if (r->na)
		out_str("null");
	else
		out_fixed(r->v, digits);
}

void
json_u64(const char *key, uint64_t v)
{
	json_key(key);
	out_u64(v);
}

/*
 * The members that open every document: the program, its version and the
 * scoring settings, each followed by a comma.
 */
void
json_settings(const struct report_opts *o)
{
	out_str("\"program\": \"nerscore\",\n  \"version\": \""
	    NERTOOLS_VERSION "\",\n  ");
	out_printf("\"beta\": %s,\n  ", beta_text(o->sc.beta));
	json_key("zero_division");
	json_string(zero_names[o->sc.zero], strlen(zero_names[o->sc.zero]));
	out_str(",\n  ");
	json_key("macro");
	out_str(o->sc.macro_gold_only ? "\"gold\"" : "\"all\"");
	out_str(",\n  ");
	json_u64("digits", (uint64_t)o->digits);
	out_str(",\n  ");
}

static void
json_ratios(const struct ratio v[3], const struct report_opts *o)
{
	json_ratio("precision", &v[0], o->digits);
	out_str(", ");
	json_ratio("recall", &v[1], o->digits);
	out_str(", ");
	json_ratio(fbeta_name(o->sc.beta), &v[2], o->digits);
}

/* The counts of s, then the MUC categories when asked for. */
static void
json_counts(const struct stats *s, const struct report_opts *o)
{
	static const char *const keys[] = { "tp", "fp", "fn" };
	const uint64_t doubled[] = { s->tp2, twice(s->pred) - s->tp2,
	    twice(s->gold) - s->tp2 };
	int k;

	for (k = 0; k < 3; k++) {
		json_key(keys[k]);
		out_half(doubled[k]);
		out_str(", ");
	}
	json_u64("gold", s->gold);
	out_str(", ");
	json_u64("pred", s->pred);
	out_str(", ");
	if (!o->muc)
		return;
	json_u64("correct", s->cor);
	out_str(", ");
	json_u64("incorrect", s->inc);
	out_str(", ");
	json_u64("partial", s->par);
	out_str(", ");
	json_u64("missed", s->mis);
	out_str(", ");
	json_u64("spurious", s->spu);
	out_str(", ");
}

static void
json_stats(const struct stats *s, const struct report_opts *o)
{
	const struct ratio v[3] = { s->p, s->r, s->f };
	const char *name;
	size_t len;

	out_char('{');
	if (s->type != TYPE_NONE) {
		name = type_name(s->type, &len);
		json_key("type");
		json_string(name, len);
		out_str(", ");
	}
	json_counts(s, o);
	json_ratios(v, o);
	out_char('}');
}

static void
json_average(const char *key, const struct stats *s, uint32_t ntypes,
    const struct report_opts *o)
{
	const struct ratio v[3] = { s->p, s->r, s->f };

	out_str(",\n      ");
	json_key(key);
	out_char('{');
	json_u64("types", ntypes);
	out_str(", ");
	json_ratios(v, o);
	out_char('}');
}

static void
json_docs(const struct docavg *d, const struct report_opts *o)
{
	static const char *const keys[] = { "precision", "recall", NULL };
	int k;

	out_str(",\n      ");
	json_key("per_doc");
	out_char('{');
	json_u64("documents", d->docs);
	out_str(", ");
	json_u64("without_entities", d->empty);
	out_str(", \"sd\": \"sample\"");
	for (k = 0; k < 3; k++) {
		out_str(",\n        ");
		json_key(keys[k] != NULL ? keys[k] : fbeta_name(o->sc.beta));
		out_char('{');
		json_ratio("mean", &d->mean[k], o->digits);
		out_str(", ");
		json_ratio("sd", &d->sd[k], o->digits);
		out_str(", ");
		json_u64("n", d->n[k]);
		out_char('}');
	}
	out_char('}');
}

static void
json_result(const struct report *rep, const struct report_opts *o)
{
	uint32_t i;

	out_str("    {\n      ");
	json_key("mode");
	json_string(mode_names[rep->mode], strlen(mode_names[rep->mode]));
	out_str(",\n      ");
	json_key("definition");
	json_string(mode_meaning[rep->mode], strlen(mode_meaning[rep->mode]));
	out_str(",\n      ");
	json_key("pairs_count_under");
	out_str(mode_counts_own_type(rep->mode) ? "\"both types\"" :
	    "\"the gold type\"");
	out_str(",\n      \"types\": [");
	for (i = 0; i < rep->ntypes; i++) {
		out_str(i > 0 ? ",\n        " : "\n        ");
		json_stats(&rep->types[i], o);
	}
	out_str(rep->ntypes > 0 ? "\n      ],\n      " : "],\n      ");
	json_key("micro");
	json_stats(&rep->micro, o);
	json_average("macro", &rep->macro, rep->nmacro, o);
	json_average("weighted", &rep->weighted, rep->nweighted, o);
	if (rep->doc != NULL)
		json_docs(rep->doc, o);
	out_str("\n    }");
}

static void
json_tokens(const struct counts *c, const struct report_opts *o)
{
	json_key("tokens");
	if (c->tokens_known)
		out_u64(c->tokens);
	else
		out_str("null");
	out_str(",\n  ");
	json_key("tokens_correct");
	if (c->correct_known)
		out_u64(c->correct);
	else
		out_str("null");
	out_str(",\n  ");
	json_key("accuracy");
	if (c->tokens_known && c->correct_known && c->tokens > 0)
		out_fixed((double)c->correct / (double)c->tokens, o->digits);
	else
		out_str("null");
}

void
report_json(const struct report *reps, int nreps, const struct counts *c,
    const struct report_opts *o)
{
	int m;

	out_str("{\n  ");
	json_settings(o);
	json_u64("units", c->units);
	out_str(",\n  ");
	json_tokens(c, o);
	out_str(",\n  \"results\": [\n");
	for (m = 0; m < nreps; m++) {
		if (m > 0)
			out_str(",\n");
		json_result(&reps[m], o);
	}
	out_str("\n  ]\n}\n");
}
