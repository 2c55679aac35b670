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

#include "fsutil.h"
#include "gpscript.h"
#include "outfile.h"
#include "util.h"
#include "banned.h"

/* Never built from anything else: see chart.h. */
static const char gnuplot_program[] = "gnuplot";
static const char gnuplot_option[] = "--default-settings";

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

/*
 * Starts gnuplot reading its script from *to; its pid, or -1 after a
 * message. The cleanup signals are held off until outfile knows the child,
 * so that a run stopped now stops gnuplot too (outfile_child) rather than
 * leave it writing into the removed staging folder.
 */
static pid_t start_gnuplot(FILE **to, int err_fd)
{
	sigset_t block, old;
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0) {
		error("cannot start gnuplot: %s", strerror(errno));
		return -1;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	pid = fork();
	if (pid == 0) {
		/* framing's cleanup handlers are not gnuplot's (an ignored signal stays so). */
		int sigs[] = { SIGINT, SIGTERM, SIGHUP }, i;
		for (i = 0; i < 3; i++) {
			struct sigaction cur;
			if (sigaction(sigs[i], NULL, &cur) == 0 && cur.sa_handler != SIG_IGN)
				signal(sigs[i], SIG_DFL);
		}
		sigprocmask(SIG_SETMASK, &old, NULL);
		signal(SIGPIPE, SIG_DFL);
		close(fds[1]);
		/* Its messages go to err_fd, read when it is done (gnuplot_messages). */
		dup2(err_fd, STDERR_FILENO);
		close(err_fd);
		if (fds[0] != STDIN_FILENO) {
			dup2(fds[0], STDIN_FILENO);
			close(fds[0]);
		}
		/* Run directly, not through sh, so that stopping this pid stops gnuplot. */
		execlp(gnuplot_program, gnuplot_program, gnuplot_option, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		outfile_child(pid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(fds[0]);
	if (pid < 0 || !(*to = fdopen(fds[1], "w"))) {
		error("cannot start gnuplot: %s", strerror(errno));
		close(fds[1]);
		if (pid > 0) {
			waitpid(pid, NULL, 0);
			outfile_child(0);
		}
		return -1;
	}
	return pid;
}

/* The exit status of gnuplot (waitpid's), after its script was sent; -1 with errno. */
static int end_gnuplot(FILE *to, pid_t pid)
{
	int status;
	pid_t got;

	fclose(to);
	while ((got = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	outfile_child(0);
	return got < 0 ? -1 : status;
}

/* The longest script line an error message shows; plot commands run to kilobytes. */
#define SHOWN_LINE_MAX 240

/* Line number (1-based) of the first line of script that is cmd, or 0. */
static size_t script_line_of(const char *script, const char *cmd, size_t cmd_len)
{
	const char *line = script;
	size_t n = 1;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len == cmd_len && !memcmp(line, cmd, len))
			return n;
		if (!end)
			break;
		line = end + 1;
		n++;
	}
	return 0;
}

/*
 * One error of gnuplot: its message, and the script command it stopped at
 * (gnuplot echoes it as "gnuplot> CMD") with its line in the script.
 */
static void report_error(const char *shown, const char *msg, size_t msg_len, const char *cmd,
			 size_t cmd_len, const char *script)
{
	struct buf m = BUF_INIT, c = BUF_INIT;
	size_t n;

	buf_add_shown(&m, msg, msg_len);
	error("gnuplot cannot draw '%s': %s", shown, buf_str(&m));
	if (cmd) {
		buf_add_shown(&c, cmd, cmd_len < SHOWN_LINE_MAX ? cmd_len : SHOWN_LINE_MAX);
		if (cmd_len > SHOWN_LINE_MAX)
			buf_adds(&c, "...");
		n = script_line_of(script, cmd, cmd_len);
		if (n)
			error("  at line %zu of its script: %s", n, buf_str(&c));
		else
			error("  at: %s", buf_str(&c));
	}
	buf_release(&m);
	buf_release(&c);
}

static int is_prefix(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && !memcmp(s, prefix, n);
}

/*
 * Reports gnuplot's stderr (text) after a failed run: warnings ("warning:"
 * lines: empty data blocks, ranges) are dropped, as they tell a user
 * nothing framing does not say itself; every other message is an error,
 * shown with the script line. Returns how many errors were reported.
 */
static int report_messages(const char *text, const char *script, const char *shown)
{
	const char *line = text, *cmd = NULL;
	size_t cmd_len = 0;
	int errors = 0;

	while (*line) {
		const char *end = strchr(line, '\n'), *p = line;
		size_t len = end ? (size_t)(end - line) : strlen(line);

		while (p < line + len && (*p == ' ' || *p == '\t' || *p == '^'))
			p++;
		len -= (size_t)(p - line);
		if (is_prefix(p, len, "gnuplot> ")) {
			cmd = p + 9;
			cmd_len = len - 9;
		} else if (len) {
			/* "line 2: " counts lines of gnuplot's input oddly; the echo is exact. */
			if (is_prefix(p, len, "line ")) {
				const char *colon = memchr(p, ':', len);
				if (colon && colon + 2 <= p + len) {
					len -= (size_t)(colon + 2 - p);
					p = colon + 2;
				}
			}
			if (!is_prefix(p, len, "warning:")) {
				report_error(shown, p, len, cmd, cmd_len, script);
				errors++;
			}
			cmd = NULL;
		}
		if (!end)
			break;
		line = end + 1;
	}
	return errors;
}

/* What gnuplot wrote to err (a temporary file), at most 64 KiB of it. */
static void read_messages(FILE *err, struct buf *out)
{
	char chunk[4096];
	size_t n;

	if (fseek(err, 0, SEEK_SET) < 0)
		return;
	while (out->len < 65536 && (n = fread(chunk, 1, sizeof(chunk), err)) > 0)
		buf_add(out, chunk, n);
}

/* Writes all of data to gnuplot; a gnuplot that died early shows in its status. */
static int send(FILE *p, const struct buf *data)
{
	return fwrite(buf_str(data), 1, data->len, p) == data->len ? 0 : -1;
}

int chart_render(const char *path, enum chart_format fmt, int width, int height,
		 const char *script)
{
	struct buf tmp = BUF_INIT, head = BUF_INIT, tail = BUF_INIT, body = BUF_INIT;
	struct buf shown_buf = BUF_INIT, messages = BUF_INIT;
	/* Messages name the file in -o DIR, not in the hidden staging folder. */
	const char *shown = outfile_shown(path, &shown_buf);
	size_t slen = strlen(script);
	struct sigaction ignore, saved;
	FILE *p = NULL, *err = NULL;
	pid_t pid;
	int fd, status, ret = -1, werr;

	buf_addf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		error("cannot write '%s': %s", shown, strerror(errno));
		buf_release(&tmp);
		buf_release(&shown_buf);
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
	/* gnuplot's stderr: a file, read when it is done, so it never blocks on a full pipe. */
	if (!(err = tmpfile())) {
		error("cannot start gnuplot: %s", strerror(errno));
		goto out;
	}
	if ((pid = start_gnuplot(&p, fileno(err))) < 0)
		goto out;
	werr = send(p, &head) | send(p, &body) | send(p, &tail);
	status = end_gnuplot(p, pid);
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
			      WTERMSIG(status), shown);
		else {
			read_messages(err, &messages);
			if (!report_messages(buf_str(&messages), buf_str(&body), shown))
				error("gnuplot failed drawing '%s' (exit status %d)",
				      shown, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		}
		goto out;
	}
	/* mkstemp made it 0600; charts are ordinary files to share. */
	if (chmod(tmp.data, 0644) < 0)
		warning("cannot set permissions of '%s': %s", shown, strerror(errno));
	if (rename(tmp.data, path) != 0) {
		error("cannot write '%s': %s", shown, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	sigaction(SIGPIPE, &saved, NULL);
	if (err)
		fclose(err);
	buf_release(&messages);
	if (ret < 0)
		unlink(tmp.data);
	buf_release(&tmp);
	buf_release(&shown_buf);
	buf_release(&head);
	buf_release(&tail);
	buf_release(&body);
	return ret;
}

int chart_render_files(const char *dir, const char *name, int formats, int width, int height,
		       const char *script)
{
	static const struct { enum chart_format fmt; const char *ext; } fmts[] = {
		{ CHART_SVG, "svg" }, { CHART_PNG, "png" },
	};
	struct buf file = BUF_INIT;
	size_t i;
	int ret = 0;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		char *path;

		if (!(formats & fmts[i].fmt))
			continue;
		buf_reset(&file);
		buf_addf(&file, "%s.%s", name, fmts[i].ext);
		path = path_join(dir, file.data);
		if (chart_render(path, fmts[i].fmt, width, height, script) < 0)
			ret = -1;
		free(path);
	}
	buf_release(&file);
	return ret;
}
