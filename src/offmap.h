#ifndef OFFMAP_H
#define OFFMAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * Where the bytes of a text made from a file came from: the text of an
 * HTML page (tags gone, entities decoded, white space collapsed) or of a
 * page converted to UTF-8. A list of runs, each a text offset and the file
 * offset of that byte; the bytes after it up to the next run follow one
 * for one. Every character's first byte maps exactly; the other bytes of a
 * character made from an entity or a converted charset map into it.
 */
struct offmap_run {
	uint32_t text, src;
};

struct offmap {
	struct offmap_run *runs;	/* ascending in text */
	size_t n, alloc;
};

#define OFFMAP_INIT { NULL, 0, 0 }

/*
 * Says that text byte t came from file byte s. Calls come in ascending
 * order of t; a run is added only where the byte does not follow the run
 * before, so verbatim text costs nothing.
 */
void offmap_add(struct offmap *m, size_t t, size_t s);

/* The file offset of text byte t; t itself for an empty map. */
size_t offmap_lookup(const struct offmap *m, size_t t);

void offmap_release(struct offmap *m);

#endif
