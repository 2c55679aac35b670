#ifndef STANCE_H
#define STANCE_H

#include "lexicon.h"

/*
 * The categories that stance and the actor counts are made of, and the
 * stance formula: the one place that names them. scores.tsv (score.c), the
 * sums per group of the lexicon tools (tally.c) and the texts of the
 * report, the charts and stats all take them from here, so that a lexicon
 * that declares its own categories (a later issue) changes only this file.
 *
 * stance = log((accusatory score + 0.5) / (conciliatory score + 0.5)) per
 * article, from the summed weights of the counted (not negated) matches.
 */
#define STANCE_ACCUSATORY "accusatory"
#define STANCE_CONCILIATORY "conciliatory"
#define STANCE_CHINA "china"
#define STANCE_US "us"
/* The formula as the report and the charts print it. */
#define STANCE_FORMULA "log((" STANCE_ACCUSATORY " + 0.5) / (" STANCE_CONCILIATORY " + 0.5))"

/* Indices of the categories of one lexicon; -1 when it lacks one. */
struct stance_categories {
	long acc, conc;		/* the stance pair */
	long china, us;		/* the actors of acc_china, acc_us and acc_both */
};

/* Finds the categories in lx. */
void stance_categories(const struct lexicon *lx, struct stance_categories *sc);

/* Whether lx has both categories of the stance. */
int stance_defined(const struct stance_categories *sc);
/* Whether lx has the accusatory category and both actors. */
int stance_actors_defined(const struct stance_categories *sc);

/*
 * Whether the category name is one of the actors (china, us): they count
 * who is accused, not how, so the stance tests leave them out.
 */
int stance_is_actor_category(const char *name);

/* The stance of one article from its accusatory and conciliatory scores. */
double stance_of(double acc_score, double conc_score);

#endif
