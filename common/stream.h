/*
 * stream: read and write the tab-separated record streams that pass between
 * the programs (spans, matches, counts).  nertools(5) is the specification.
 */
#ifndef NERTOOLS_STREAM_H
#define NERTOOLS_STREAM_H

#include <stdbool.h>
#include <stdint.h>

#include "fields.h"
#include "lines.h"

enum stream_kind {
	STREAM_SPANS = 1,
	STREAM_MATCHES = 2,
	STREAM_COUNTS = 4
};

enum record {
	REC_EOF,	/* end of input, every section closed */
	REC_DATA,	/* a span, match or count record */
	REC_DOC,	/* "#doc DOC TOKENS CORRECT": a document starts */
	REC_UNIT	/* "#unit DOC SENT TOKENS CORRECT": a unit is complete */
};

/* Token totals of a #doc or #unit line; known is false for "-". */
struct tokens {
	uint64_t tokens;
	uint64_t correct;
	bool	 known;
	bool	 correct_known;
};

struct stream {
	struct lines in;
	enum stream_kind kind;
	char	*header;	/* the first header line, for comparison */
	size_t	 headerlen;
	size_t	 ncols;
	struct fields fs;	/* the fields of the current line */
	uint64_t lines_in_section;
	bool	 in_section;
	uint64_t sections;
	char	*incomplete;	/* the message of the first #incomplete line */
	struct tokens tok;	/* of the current REC_DOC or REC_UNIT */
};

extern const char *const span_columns[];
extern const char *const match_columns[];
extern const char *const count_columns[];

int	stream_open(struct stream *s, const char *path, int kinds);
void	stream_close(struct stream *s);
enum record stream_next(struct stream *s);
int	stream_column(const struct stream *s, const char *name);
int	stream_require(const struct stream *s, const char *name);
const char *stream_kind_name(enum stream_kind k);
uint64_t field_u64_slow(const struct stream *s, const struct field *f,
	    const char *what);

void	writer_header(enum stream_kind k);
void	writer_record_done(void);
void	writer_records_done(uint64_t n);
void	writer_doc(const char *doc, size_t doclen, const struct tokens *t);
void	writer_unit(const char *doc, size_t doclen, const char *sent,
	    size_t sentlen, const struct tokens *t);
void	writer_unit_key(const char *key, size_t keylen,
	    const struct tokens *t);
void	writer_incomplete(const char *message);
void	writer_end(void);
void	out_clean(const char *p, size_t len);
size_t	clean_copy(char *dst, const char *p, size_t len);

/*
 * Read a field as a whole number, or stop with an error that names what
 * it is.  A field of 1 to 19 digits cannot overflow, so it is read here,
 * inline, because the programs read a few numbers per record.
 * field_u64_slow() reads and checks every other field.
 */
static inline uint64_t
field_u64(const struct stream *s, const struct field *f, const char *what)
{
	uint64_t v = 0;
	size_t i;

	if (f->len - 1 >= 19)
		return field_u64_slow(s, f, what);
	for (i = 0; i < f->len; i++) {
		unsigned d = (unsigned char)f->p[i] - '0';

		if (d > 9)
			return field_u64_slow(s, f, what);
		v = v * 10 + d;
	}
	return v;
}

#endif
