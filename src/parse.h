#ifndef PARSE_H
#define PARSE_H

/* Parses a whole string as a number; returns -1 when it is not one. */
int parse_long(const char *s, long min, long max, long *out);
int parse_double(const char *s, double *out);

#endif
