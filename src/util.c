#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "sanitize.h"
#include "banned.h"

static int quiet;

void util_set_quiet(int q)
{
	quiet = q;
}

static _Thread_local void (*message_sink)(void *ctx, const char *line);
static _Thread_local void *message_ctx;

void util_set_message_sink(void (*sink)(void *ctx, const char *line), void *ctx)
{
	message_sink = sink;
	message_ctx = ctx;
}

void util_message_drop(void *ctx, const char *line)
{
	(void)ctx;
	(void)line;
}

static void vreport(const char *prefix, const char *fmt, va_list ap, int may_hold)
{
	/* One buffered write per message, so parallel workers do not interleave. */
	char msg[4096], shown[8192], line[8300];
	if (vsnprintf(msg, sizeof(msg), fmt, ap) < 0)
		msg[0] = '\0';
	/*
	 * The whole line passes the one rule of sanitize.h: framing's own
	 * wording has no control characters, so only the ids, dates, outlet
	 * names and file names it quotes can change, and they show as escapes.
	 */
	sanitize_message(shown, sizeof(shown), msg);
	if (may_hold && message_sink) {
		snprintf(line, sizeof(line), "framing: %s%s\n", prefix, shown);
		message_sink(message_ctx, line);
		return;
	}
	fprintf(stderr, "framing: %s%s\n", prefix, shown);
}

void die_status(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 0);
	va_end(ap);
	exit(status);
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 0);
	va_end(ap);
	exit(EXIT_FAILED);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 1);
	va_end(ap);
	return -1;
}

void inform(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("", fmt, ap, 1);
	va_end(ap);
}

void warning(const char *fmt, ...)
{
	va_list ap;
	if (quiet)
		return;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap, 1);
	va_end(ap);
}
