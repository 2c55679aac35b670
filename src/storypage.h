#ifndef STORYPAGE_H
#define STORYPAGE_H

#include "buf.h"
#include "report.h"

/*
 * The "Same story" section of report.html: for each story covered by two
 * or more groups (storyset.h), largest first, up to o->max_stories, the
 * groups' articles side by side (title, date, index values, the matches
 * in context, own voice or quoted); the within-story effects of
 * effects.tsv beside the pooled comparisons of compare.tsv, with one
 * sentence for each that points the other way; and the charts
 * stories.svg and effects.svg when they were drawn (storychart.h). Every
 * text from the tables passes html_escape.
 */
void storypage_write(struct buf *h, const struct report_opts *o);

#endif
