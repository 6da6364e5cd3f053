/* bootreport: write confidence intervals and model comparisons. */
#ifndef NERTOOLS_BOOTREPORT_H
#define NERTOOLS_BOOTREPORT_H

#include <stdbool.h>

#include "bootstrap.h"
#include "report.h"

struct bootview {
	struct report_opts ro;	/* digits, beta, macro, zero division */
	bool	 table;		/* an aligned table with notes */
	bool	 json;		/* one JSON document; neither: TSV */
	const char *input[2];	/* names of the inputs */
	const char *unit;	/* "document" or "sentence" */
	struct bootopts bo;
};

void	bootreport_ci(const struct bootresult *res, const struct bootview *v);
void	bootreport_compare(const struct bootresult *res,
	    const struct bootview *v);

void	bootjson_ci(const struct bootresult *res, const struct bootview *v);
void	bootjson_compare(const struct bootresult *res,
	    const struct bootview *v);

const char *boot_metric_name(int metric, const struct bootview *v);
struct ratio boot_diff(const struct bootrows *br, size_t i, int metric);
const char *boot_change(struct ratio diff, const struct interval *iv,
	    double level, bool words);

#endif
