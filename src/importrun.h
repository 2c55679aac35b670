#ifndef IMPORTRUN_H
#define IMPORTRUN_H

#include <stddef.h>

/*
 * framing import: turns inputs (CSV, JSON Lines, folders of XML files) into
 * one corpus folder with manifest.tsv, a file a article, so that a user can
 * look at, edit and score single files. CSV and JSON Lines are read through
 * source.c (every stream kind it reads is imported the same way), XML
 * through xmlin.c. The options are borrowed.
 */
struct import_opts {
	const char *output;	/* the corpus folder to write: new or empty */
	const char *xml_fields;	/* TITLE,BODY,DATE for folders of XML files */
	const char *outlet;	/* the outlet of XML articles (default: the folder's name) */
	const char *delimiter;	/* of CSV inputs */
	size_t max_bytes;
	int quiet;
};

void import_opts_init(struct import_opts *o);

/* Imports the n inputs; returns the exit status (0, 1 when articles were skipped, 2). */
int import_run(const struct import_opts *o, char *const *inputs, int n);

#endif
