/* Dates written YYYY-MM-DD (see date.h). */
#include "date.h"

#include <stddef.h>
#include <string.h>

#include "banned.h"

int date_parse(const char *s, long *y, long *m, long *d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year, month, day, i;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
	}
	if (s[10] != '\0')
		return -1;
	year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	/*
	 * Years before 1000 are refused, not only read: a date framing takes
	 * must be a date in every table and chart (0000-02-29 was scored and
	 * then left out of the timeline), and no news was printed then.
	 */
	if (year < 1000 || month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return -1;
	if (month == 2 && day == 29 && !((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return -1;
	if (y)
		*y = year;
	if (m)
		*m = month;
	if (d)
		*d = day;
	return 0;
}

int date_valid(const char *s)
{
	return date_parse(s, NULL, NULL, NULL) == 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ASCII only: dates are written in English. */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether the n letters at p are name or its first three letters (any case). */
static int names(const char *p, size_t n, const char *name)
{
	size_t i, len = strlen(name);

	if (n != len && n != 3 && !(n == 4 && !strcmp(name, "september")))
		return 0;
	for (i = 0; i < n; i++)
		if (lower(p[i]) != name[i])
			return 0;
	return 1;
}

/* The month the n letters at p name (1 to 12), 0 for none. */
static int month_named(const char *p, size_t n)
{
	static const char *const months[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };
	int i;

	for (i = 0; i < 12; i++)
		if (names(p, n, months[i]))
			return i + 1;
	return 0;
}

static int weekday_named(const char *p, size_t n)
{
	static const char *const days[] = { "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday" };
	int i;

	for (i = 0; i < 7; i++)
		if (names(p, n, days[i]))
			return 1;
	return 0;
}

/* Reads 1 to max digits at *p into *v, moving *p past them; -1 when there are none or more. */
static int read_number(const char **p, int max, long *v)
{
	int n = 0;

	*v = 0;
	while (is_digit(**p) && n <= max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= 1 && n <= max ? 0 : -1;
}

static size_t letters(const char *p)
{
	size_t n = 0;
	while (is_alpha(p[n]))
		n++;
	return n;
}

/* Writes y-m-d into out when it is a real date (date_parse decides). */
static int put_date(long y, long m, long d, char out[11])
{
	long i, v[3] = { y, m, d };
	int width[3] = { 4, 2, 2 }, at = 0, k;

	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	for (k = 0; k < 3; k++) {
		for (i = width[k] - 1; i >= 0; i--) {
			out[at + i] = (char)('0' + v[k] % 10);
			v[k] /= 10;
		}
		at += width[k];
		if (k < 2)
			out[at++] = '-';
	}
	out[10] = '\0';
	return date_parse(out, NULL, NULL, NULL);
}

/* The year ends the date: what follows it must start with a blank (a time, a zone). */
static int year_ends(const char *p)
{
	return *p == '\0' || is_blank(*p);
}

int date_normalise(const char *s, char out[11])
{
	const char *p = s;
	long y, m, d;
	size_t n;

	while (is_blank(*p))
		p++;
	/* ISO 8601: the date, then nothing, a time (T or a space) or a zone. */
	if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && p[4] == '-') {
		char iso[11];
		/* Shorter than a date ("1007-0"): not copied, its end is nearer than 10 bytes. */
		if (strnlen(p, 10) < 10)
			return -1;
		memcpy(iso, p, 10);
		iso[10] = '\0';
		if (date_parse(iso, NULL, NULL, NULL) < 0)
			return -1;
		if (p[10] && p[10] != 'T' && p[10] != 't' && !is_blank(p[10]))
			return -1;
		memcpy(out, iso, 11);
		return 0;
	}
	/* ISO 8601's basic form (NewsML's 20010101T000000+0000). */
	for (n = 0; n < 8 && is_digit(p[n]); n++)
		;
	if (n == 8 && (!p[8] || p[8] == 'T' || p[8] == 't' || is_blank(p[8]))) {
		y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		m = (p[4] - '0') * 10 + (p[5] - '0');
		d = (p[6] - '0') * 10 + (p[7] - '0');
		return put_date(y, m, d, out);
	}
	/* A weekday first (RFC 2822 "Thu,"): skipped. */
	n = letters(p);
	if (n && weekday_named(p, n)) {
		p += n;
		if (*p == ',')
			p++;
		while (is_blank(*p))
			p++;
	}
	if (is_digit(*p)) {
		/* 26 Feb 1987 (RFC 2822) or 26-FEB-1987 (Reuters-21578) */
		char sep;
		if (read_number(&p, 2, &d) < 0 || (*p != ' ' && *p != '-'))
			return -1;
		sep = *p++;
		n = letters(p);
		if (!(m = month_named(p, n)) || p[n] != sep)
			return -1;
		p += n + 1;
	} else {
		/* February 26, 1987 */
		n = letters(p);
		if (!(m = month_named(p, n)))
			return -1;
		p += n;
		if (*p == '.')
			p++;
		while (is_blank(*p))
			p++;
		if (read_number(&p, 2, &d) < 0)
			return -1;
		if (*p == ',')
			p++;
		while (is_blank(*p))
			p++;
	}
	if (read_number(&p, 4, &y) < 0 || !year_ends(p))
		return -1;
	return put_date(y, m, d, out);
}

const char *date_refusal(const char *s)
{
	const char *p = s;
	long v;
	int part;

	while (is_blank(*p))
		p++;
	/* N/N/YYYY or N.N.YYYY: a spreadsheet's locale form. */
	for (part = 0; part < 3; part++) {
		if (read_number(&p, part < 2 ? 2 : 4, &v) < 0)
			break;
		if (part < 2 && *p != '/' && *p != '.')
			break;
		if (part < 2)
			p++;
	}
	if (part == 3 && year_ends(p))
		return "(day and month could be in either order, as a spreadsheet's locale writes "
		       "them: write it 1987-02-26 or 26 Feb 1987)";
	return "(none of the forms framing reads; they are listed in framing import --help)";
}

/* Howard Hinnant's days_from_civil. */
long date_days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Hinnant's civil_from_days, the inverse of date_days_from_civil. */
void date_civil_from_days(long days, long *y, long *m, long *d)
{
	long z = days + 719468, era, doe, yoe, doy, mp;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}
