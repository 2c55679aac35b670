/*
 * The stance categories and formula (stance.h).
 */
#include "stance.h"

#include <math.h>
#include <string.h>

#include "banned.h"

void stance_categories(const struct lexicon *lx, struct stance_categories *sc)
{
	sc->acc = lexicon_category(lx, STANCE_ACCUSATORY);
	sc->conc = lexicon_category(lx, STANCE_CONCILIATORY);
	sc->china = lexicon_category(lx, STANCE_CHINA);
	sc->us = lexicon_category(lx, STANCE_US);
}

int stance_defined(const struct stance_categories *sc)
{
	return sc->acc >= 0 && sc->conc >= 0;
}

int stance_actors_defined(const struct stance_categories *sc)
{
	return sc->acc >= 0 && sc->china >= 0 && sc->us >= 0;
}

int stance_is_actor_category(const char *name)
{
	return !strcmp(name, STANCE_CHINA) || !strcmp(name, STANCE_US);
}

double stance_of(double acc_score, double conc_score)
{
	return log((acc_score + 0.5) / (conc_score + 0.5));
}
