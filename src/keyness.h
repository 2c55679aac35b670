#ifndef KEYNESS_H
#define KEYNESS_H

#include <stddef.h>
#include <stdio.h>

/*
 * Keyness of terms per outlet against all other outlets: the
 * log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
 * Quinn 2008; see stats_log_odds). Two kinds of units: the token types of
 * terms.tsv ("token") and the lexicon entries of matches.tsv, negated
 * matches left out ("entry"). Each kind is its own corpus with its own
 * prior.
 *
 * Reads terms.tsv and matches.tsv in the folder of each scores file
 * (shards are summed per outlet and unit) and writes path (through
 * outfile). alpha0 <= 0 means the default: the corpus size of the kind
 * (its total count), so the prior weighs as much as the data. Returns -1
 * after a message on a read or write error; a missing input file is a
 * warning.
 *
 * Rows per outlet, highest z first: with top 0 every unit; otherwise the
 * top token types of those the outlet uses, every token type that is a
 * lexicon entry's text and every entry (used or not). Memory and time
 * grow with the (unit, outlet) counts read and the rows written, not with
 * outlets x units. Counts are stored once per (unit, outlet), strings
 * interned.
 */
int keyness_write(char **scores_files, size_t nfiles, const char *path, double alpha0,
		  size_t top);

/*
 * The same table written to f, which stays the caller's to commit or
 * abort (for a caller that opens its outputs in one thread and computes
 * keyness in another). Returns -1 after a message on a read error.
 */
int keyness_write_stream(char **scores_files, size_t nfiles, FILE *f, double alpha0,
			 size_t top);

#endif
