/*
 * Drawing through gnuplot (see chart.h): the one module that starts a
 * process. The scripts it is given are built with gpscript.
 */
#include "chart.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gpscript.h"
#include "util.h"
#include "banned.h"

/* Never built from anything else: see chart.h. */
static const char gnuplot_command[] = "gnuplot --default-settings";

/* Fonts: fontconfig falls back to any installed font for CJK or Cyrillic. */
#define CHART_FONT "DejaVu Sans,Helvetica,Arial,sans-serif"

int chart_available(void)
{
	const char *path = getenv("PATH");
	struct buf dir = BUF_INIT;
	int found = 0;

	if (!path || !*path)
		path = "/usr/bin:/bin";
	while (!found) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);

		buf_reset(&dir);
		if (n == 0)
			buf_adds(&dir, ".");
		else
			buf_add(&dir, path, n);
		buf_adds(&dir, "/gnuplot");
		if (access(dir.data, X_OK) == 0)
			found = 1;
		if (!colon)
			break;
		path = colon + 1;
	}
	buf_release(&dir);
	return found;
}

static void add_terminal(struct buf *b, enum chart_format fmt, int width, int height)
{
	if (fmt == CHART_SVG)
		buf_addf(b, "set terminal svg size %d,%d dynamic noenhanced font '" CHART_FONT
			 ",14' linewidth 1.2 background '#ffffff'\n", width, height);
	else
		buf_addf(b, "set terminal pngcairo size %d,%d noenhanced font '" CHART_FONT
			 ",14' fontscale 2 linewidth 2.4 pointscale 2 background '#ffffff'\n",
			 2 * width, 2 * height);
	buf_adds(b, "set encoding utf8\n");
}

/* Writes all of data to gnuplot; a gnuplot that died early shows in pclose. */
static int send(FILE *p, const struct buf *data)
{
	return fwrite(buf_str(data), 1, data->len, p) == data->len ? 0 : -1;
}

int chart_render(const char *path, enum chart_format fmt, int width, int height,
		 const char *script)
{
	struct buf tmp = BUF_INIT, head = BUF_INIT, tail = BUF_INIT, body = BUF_INIT;
	size_t slen = strlen(script);
	struct sigaction ignore, saved;
	FILE *p;
	int fd, status, ret = -1, werr;

	buf_addf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		error("cannot write '%s': %s", path, strerror(errno));
		buf_release(&tmp);
		return -1;
	}
	close(fd);

	add_terminal(&head, fmt, width, height);
	buf_adds(&head, "set output ");
	gpscript_quote(&head, tmp.data);
	buf_addch(&head, '\n');
	buf_add(&body, script, slen);
	buf_adds(&tail, "\nunset output\nexit\n");

	/* A gnuplot that exits early must give an error, not kill us by SIGPIPE. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &saved);

	fflush(NULL);
	p = popen(gnuplot_command, "w");
	if (!p) {
		error("cannot start gnuplot: %s", strerror(errno));
		goto out;
	}
	werr = send(p, &head) | send(p, &body) | send(p, &tail);
	status = pclose(p);
	if (status == -1) {
		error("gnuplot: %s", strerror(errno));
		goto out;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		error("gnuplot not found: install the package gnuplot-nox "
		      "(apt-get install gnuplot-nox)");
		goto out;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || werr) {
		if (WIFSIGNALED(status))
			error("gnuplot was killed by signal %d while drawing '%s'",
			      WTERMSIG(status), path);
		else
			error("gnuplot failed drawing '%s' (exit status %d; its messages are above)",
			      path, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		goto out;
	}
	/* mkstemp made it 0600; charts are ordinary files to share. */
	if (chmod(tmp.data, 0644) < 0)
		warning("cannot set permissions of '%s': %s", path, strerror(errno));
	if (rename(tmp.data, path) != 0) {
		error("cannot rename '%s' to '%s': %s", tmp.data, path, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	sigaction(SIGPIPE, &saved, NULL);
	if (ret < 0)
		unlink(tmp.data);
	buf_release(&tmp);
	buf_release(&head);
	buf_release(&tail);
	buf_release(&body);
	return ret;
}
