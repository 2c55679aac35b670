#ifndef MATCH_H
#define MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "text.h"

/*
 * Finds lexicon entries in token streams. The cost per token does not grow
 * with the lexicon: first words are looked up in hash tables (exact words,
 * case-sensitive words, glob prefixes by the prefix lengths that occur),
 * and only the entries starting there are checked further.
 */
struct matcher;

/* One match: tokens [first, first + ntokens) of the article. */
struct match {
	uint32_t first, ntokens;
	uint32_t entry;		/* index into lexicon.entries */
	uint32_t category;	/* index into lexicon.categories */
	uint8_t quoted;		/* its first token is inside a quotation */
	uint8_t negated;	/* a negator stands within 3 tokens before it */
};

struct match_list {
	struct match *m;
	size_t n, alloc;
};

#define MATCH_LIST_INIT { NULL, 0, 0 }

/* How many tokens before a match a negator may stand. */
#define MATCH_NEGATION_WINDOW 3

/* Builds the tables; lx is borrowed and must outlive the matcher. */
struct matcher *matcher_new(const struct lexicon *lx);
void matcher_free(struct matcher *m);

/*
 * Finds every match in tt, in token order. Within a category the longest
 * match starting leftmost wins and a token counts at most once; categories
 * are independent. negation = 0 never marks a match negated. out is reset.
 * Safe to call from several threads on one matcher.
 */
void matcher_run(const struct matcher *m, const struct text_tokens *tt, int negation,
		 struct match_list *out);

void match_list_release(struct match_list *l);

#endif
