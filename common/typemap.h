/* typemap: rename, merge or drop entity types on the way. */
#ifndef NERTOOLS_TYPEMAP_H
#define NERTOOLS_TYPEMAP_H

#include <stdbool.h>
#include <stddef.h>

enum map_side {
	MAP_BOTH,
	MAP_GOLD,
	MAP_PRED
};

struct typemap;

struct typemap *typemap_new(void);
void	typemap_free(struct typemap *m);
void	typemap_add(struct typemap *m, const char *rule);
bool	typemap_apply(struct typemap *m, enum map_side side,
	    const char *type, size_t len, const char **out, size_t *outlen);
size_t	typemap_rules(const struct typemap *m);

#endif
