/* Dates written YYYY-MM-DD (see date.h). */
#include "date.h"

#include <stddef.h>

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
