/* report: write scores as TSV, an aligned table, Markdown or JSON. */
#ifndef NERTOOLS_REPORT_H
#define NERTOOLS_REPORT_H

#include <stdbool.h>

#include "counts.h"
#include "score.h"

struct report_opts {
	int	 digits;
	bool	 muc;		/* add the MUC category columns */
	struct scoring sc;
};

extern const char *const mode_meaning[NMODE];
extern const char *const zero_names[3];

const char *beta_text(double beta);
const char *fbeta_name(double beta);
const char *scope_name(const char *scope, const struct report_opts *o);
void	out_ratio(const struct ratio *r, int digits);
void	out_half(uint64_t twice);
void	pad_left(int width, int used);
void	report_tsv(const struct report *reps, int nreps,
	    const struct report_opts *o);
void	report_table(const struct report *reps, int nreps,
	    const struct counts *c, const struct report_opts *o);
void	report_markdown(const struct report *reps, int nreps,
	    const struct counts *c, const struct report_opts *o);
void	report_json(const struct report *reps, int nreps,
	    const struct counts *c, const struct report_opts *o);
void	report_conlleval(const struct report *rep, const struct counts *c,
	    bool latex);

#endif
