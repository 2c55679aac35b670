#ifndef DIC_H
#define DIC_H

#include <stddef.h>

#include "buf.h"
#include "lexicon.h"

/*
 * Lexicons in the formats other tools read: LIWC's .dic (a '%' header of
 * category ids, then a term and its ids per line), LIWC-22's .dicx (CSV:
 * DicTerm, then one column per category marked X) and quanteda's YAML
 * dictionary (category: [terms]). What a format cannot express is never
 * dropped silently: every loss is added to the notes, with its place.
 */

enum dic_format {
	DIC_LIWC,	/* .dic */
	DIC_LIWCX,	/* .dicx */
	DIC_YAML	/* .yml / .yaml, quanteda */
};

/* Messages about what a conversion lost or changed; each is "PLACE: what". */
struct dic_notes {
	char **msg;
	size_t n, alloc;
};

#define DIC_NOTES_INIT { NULL, 0, 0 }

void dic_notes_release(struct dic_notes *n);

/* "dic", "dicx", "yaml"/"yml" -> format; -1 when unknown. */
int dic_format_from_name(const char *name, enum dic_format *f);
/* The format a file name's extension says; -1 when it says none. */
int dic_format_from_path(const char *path, enum dic_format *f);
const char *dic_format_name(enum dic_format f);

/* Appends lx written in format f to out; losses go to notes. */
void dic_export(const struct lexicon *lx, enum dic_format f, struct buf *out,
		struct dic_notes *notes);

/*
 * Converts the .dic or .dicx text[0, len) (name is used in messages) into
 * the text of a .lex file, appended to out. Terms and categories that
 * cannot be carried over, and names that had to change, go to notes.
 * Returns -1 after printing errors when the file is not in the format.
 */
int dic_import(const char *name, const char *text, size_t len, enum dic_format f,
	       struct buf *out, struct dic_notes *notes);

#endif
