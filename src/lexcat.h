#ifndef LEXCAT_H
#define LEXCAT_H

#include <stddef.h>

#include "buf.h"
#include "lexicon.h"

/*
 * Category names as a user types them: every command that takes a
 * category name (kwic --category, lexicon suggest --category) looks it up
 * here, and the directives of a lexicon file (@index, @voice) take the
 * hint from here, so that a mistyped name gets the same message everywhere:
 *   no category 'bearsh'; did you mean 'bearish'?
 * or, with no name close enough, the list of the categories there are.
 */

/*
 * Index of the named category of lx; else -1 after the message above
 * (error(), so exit status 2 is the caller's). name is borrowed.
 */
long lexcat_find(const struct lexicon *lx, const char *name);

/*
 * Appends to out what follows "no category 'NAME'" in that message:
 * "; did you mean 'C'?", else "; the categories are A, B" (the first 30
 * and how many more), or ": the lexicons have no category".
 */
void lexcat_hint(const struct lexicon *lx, const char *name, struct buf *out);

/*
 * The category of lx closest to name by edit distance (insertions,
 * deletions, substitutions and swaps of two neighbours, ASCII case
 * ignored), when close enough to be a typo: at most 2 edits and at most a
 * third of the longer name. The first of equals in lexicon order; -1 when
 * none is close.
 */
long lexcat_closest(const struct lexicon *lx, const char *name);

/* The edit distance of lexcat_closest between a and b. */
size_t lexcat_distance(const char *a, const char *b);

#endif
