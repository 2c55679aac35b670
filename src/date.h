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

/*
 * Writes into out (11 bytes) as YYYY-MM-DD a date written in one of the
 * forms news data uses (framing import reads them; DATE_FORMS lists them
 * for --help): ISO 8601 (2014-10-20, 2014-10-20T08:00:00Z, and the basic
 * 20141020T080000Z of NewsML), RFC 2822
 * (Thu, 26 Feb 1987 17:00:56 GMT), Reuters-21578's 26-FEB-1987
 * 17:00:56.04, and February 26, 1987 (Feb 26, 1987; Feb. 26, 1987).
 * Month and day names in English, any case; white space around is
 * ignored, and so is what follows the year or the ISO date (a time, a
 * zone: the day is the one written, not converted to UTC). Returns 0, or
 * -1 when s is none of these or no real date.
 */
int date_normalise(const char *s, char out[11]);

/*
 * Why s (a date date_normalise refused) is refused, for a message after
 * "bad date 's'": 26/02/1987 and 2/26/1987 are refused because the order of
 * day and month is a locale's, not the text's; anything else is none of the
 * forms framing reads.
 */
const char *date_refusal(const char *s);

/* The forms date_normalise reads, a line each after the first, for --help. */
#define DATE_FORMS "2014-10-20, 20141020 (ISO 8601; a time after it is ignored)\n" \
	"  Thu, 26 Feb 1987 17:00:56 GMT (RFC 2822)\n" \
	"  26-FEB-1987 17:00:56.04 (Reuters-21578)\n" \
	"  February 26, 1987 (also Feb 26, 1987 and Feb. 26, 1987)"

/* Days from 1970-01-01 to the date y-m-d (negative before it). */
long date_days_from_civil(long y, long m, long d);

/* The date days after 1970-01-01 (before it when negative): the inverse of the above. */
void date_civil_from_days(long days, long *y, long *m, long *d);

#endif
