#ifndef DATE_H
#define DATE_H

/*
 * Dates of publication, the one place that reads them: framing writes and
 * reads dates as YYYY-MM-DD only (ISO 8601, four-digit years), and counts
 * days on the proleptic Gregorian calendar.
 */

/*
 * Reads a real calendar date written YYYY-MM-DD (so 2014-02-29 is not
 * one) from the year 1000 on into y, m, d, each optional (NULL). Returns
 * 0, or -1 when s is not such a date.
 */
int date_parse(const char *s, long *y, long *m, long *d);

/* Whether s is a real calendar date written YYYY-MM-DD, from the year 1000 on. */
int date_valid(const char *s);

/* Days from 1970-01-01 to the date y-m-d (negative before it). */
long date_days_from_civil(long y, long m, long d);

/* The date days after 1970-01-01 (before it when negative): the inverse of the above. */
void date_civil_from_days(long days, long *y, long *m, long *d);

#endif
