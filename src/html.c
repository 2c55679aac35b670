/*
 * HTML pieces of report.html (see html.h): escaping, the markdown of the
 * methods, inline SVG and the numbers of the tables.
 */
#include "html.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "sanitize.h"
#include "text.h"
#include "util.h"
#include "banned.h"

/* ---- escaping ---- */

void html_escape(struct buf *b, const char *s)
{
	size_t len = strlen(s), pos = 0;

	while (pos < len) {
		size_t start = pos;
		int bad = 0;
		int32_t cp = text_decode(s, len, &pos, &bad);

		if (bad) {
			buf_adds(b, SANITIZE_INVALID);
			continue;
		}
		switch (cp) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		default:
			if (!sanitize_printable((uint32_t)cp))
				buf_addch(b, SANITIZE_BLANK);
			else
				buf_add(b, s + start, pos - start);
		}
	}
}

/* Inline markdown of one paragraph: **bold** and `code`, the rest escaped. */
static void md_inline(struct buf *b, const char *s, size_t len)
{
	struct buf piece = BUF_INIT;
	int code = 0, bold = 0;
	size_t i = 0;

	while (i < len) {
		if (s[i] == '`') {
			buf_adds(b, code ? "</code>" : "<code>");
			code = !code;
			i++;
		} else if (!code && s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
			buf_adds(b, bold ? "</strong>" : "<strong>");
			bold = !bold;
			i += 2;
		} else {
			size_t j = i;
			while (j < len && s[j] != '`' && !(!code && s[j] == '*' && j + 1 < len && s[j + 1] == '*'))
				j++;
			buf_reset(&piece);
			buf_add(&piece, s + i, j - i);
			html_escape(b, piece.data);
			i = j;
		}
	}
	if (code)
		buf_adds(b, "</code>");
	if (bold)
		buf_adds(b, "</strong>");
	buf_release(&piece);
}

void html_markdown(struct buf *b, const char *md)
{
	struct buf para = BUF_INIT;
	const char *p = md;
	int in_list = 0, in_item = 0;

	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int blank = n == 0, item = n >= 2 && p[0] == '-' && p[1] == ' ';
		int cont = !blank && !item && n > 0 && p[0] == ' ';

		/* A paragraph or item ends at a blank line, a new item or the end. */
		if ((blank || item || !nl || (in_item && !cont)) && para.len) {
			if (in_item) {
				buf_adds(b, "<li>");
				md_inline(b, para.data, para.len);
				buf_adds(b, "</li>\n");
			} else {
				buf_adds(b, "<p>");
				md_inline(b, para.data, para.len);
				buf_adds(b, "</p>\n");
			}
			buf_reset(&para);
			in_item = 0;
		}
		if (item) {
			if (!in_list)
				buf_adds(b, "<ul>\n");
			in_list = in_item = 1;
			buf_add(&para, p + 2, n - 2);
		} else if (!blank) {
			if (in_list && !cont) {
				buf_adds(b, "</ul>\n");
				in_list = 0;
			}
			if (para.len)
				buf_addch(&para, ' ');
			while (n > 0 && *p == ' ') {
				p++;
				n--;
			}
			buf_add(&para, p, n);
			if (in_list)
				in_item = 1;
		} else if (in_list) {
			buf_adds(b, "</ul>\n");
			in_list = 0;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (para.len) {
		buf_adds(b, in_item ? "<li>" : "<p>");
		md_inline(b, para.data, para.len);
		buf_adds(b, in_item ? "</li>\n" : "</p>\n");
	}
	if (in_list)
		buf_adds(b, "</ul>\n");
	buf_release(&para);
}

/* ---- inline SVG ---- */

static int has_ci(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle), i, j;
	for (i = 0; i + n <= len; i++) {
		for (j = 0; j < n; j++) {
			char c = s[i + j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != needle[j])
				break;
		}
		if (j == n)
			return 1;
	}
	return 0;
}

/* Whether an event attribute (" onload=", "\tonclick =") is in s. */
static int has_event_attribute(const char *s, size_t len)
{
	size_t i;
	for (i = 1; i + 3 < len; i++) {
		size_t j;
		if (!(s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n') ||
		    (s[i] | 0x20) != 'o' || (s[i + 1] | 0x20) != 'n')
			continue;
		for (j = i + 2; j < len && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z'); j++)
			;
		while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n'))
			j++;
		/* Only inside a tag: text content holds escaped text, no '=' check there. */
		if (j < len && s[j] == '=' && j > i + 2) {
			size_t k = i;
			while (k > 0 && s[k] != '<' && s[k] != '>')
				k--;
			if (s[k] == '<')
				return 1;
		}
	}
	return 0;
}

int html_svg_inline(struct buf *b, const char *svg, size_t len, const char *prefix)
{
	const char *start = NULL;
	size_t i;

	for (i = 0; i + 4 <= len; i++)
		if (!memcmp(svg + i, "<svg", 4) && (i + 4 == len || svg[i + 4] == ' ' ||
						    svg[i + 4] == '\n' || svg[i + 4] == '>')) {
			start = svg + i;
			break;
		}
	if (!start)
		return -1;
	len -= (size_t)(start - svg);
	if (has_ci(start, len, "<script") || has_ci(start, len, "<foreignobject") ||
	    has_ci(start, len, "javascript:") || has_ci(start, len, "<!doctype") ||
	    has_ci(start, len, "<!entity") || has_ci(start, len, "<iframe") ||
	    has_event_attribute(start, len))
		return -1;
	for (i = 0; i < len; i++) {
		/* id='x' / id="x" -> id='PREFIXx'; href='#x' and url(#x) alike. */
		if ((i == 0 || start[i - 1] == ' ' || start[i - 1] == '\t' || start[i - 1] == '\n') &&
		    i + 4 <= len && !memcmp(start + i, "id=", 3) &&
		    (start[i + 3] == '\'' || start[i + 3] == '"')) {
			buf_add(b, start + i, 4);
			buf_adds(b, prefix);
			i += 3;
		} else if (i + 7 <= len && !memcmp(start + i, "href=", 5) &&
			   (start[i + 5] == '\'' || start[i + 5] == '"') && start[i + 6] == '#') {
			buf_add(b, start + i, 7);
			buf_adds(b, prefix);
			i += 6;
		} else if (i + 5 <= len && !memcmp(start + i, "url(#", 5)) {
			buf_adds(b, "url(#");
			buf_adds(b, prefix);
			i += 4;
		} else {
			buf_addch(b, start[i]);
		}
	}
	return 0;
}

/* ---- numbers ---- */

void html_num(struct buf *b, double v, int digits)
{
	if (isnan(v))
		buf_adds(b, "NA");
	else
		buf_addf(b, "%.*f", digits, v);
}

void html_pval(struct buf *b, double p)
{
	char s[32];
	int digits;

	if (isnan(p)) {
		buf_adds(b, "NA");
		return;
	}
	if (p < 0.001) {
		buf_adds(b, "&lt; 0.001");
		return;
	}
	if (!(p < 0.1)) {
		buf_addf(b, "%.3f", p);
		return;
	}
	/*
	 * Three significant digits below 0.1, and more when those would round
	 * across 0.05, the report's threshold: 0.0498 must not read "0.050"
	 * under "p (Holm) < 0.05", nor 0.049996 "0.0500".
	 */
	for (digits = 3; digits < 17; digits++) {
		snprintf(s, sizeof(s), "%.*g", digits, p);
		if ((strtod(s, NULL) < 0.05) == (p < 0.05))
			break;
	}
	buf_adds(b, s);
}

void html_interval(struct buf *b, double lo, double hi, int digits)
{
	if (isnan(lo) || isnan(hi)) {
		buf_adds(b, "<span class=\"na\">no interval</span>");
		return;
	}
	buf_adds(b, "<span class=\"ci\">[");
	html_num(b, lo, digits);
	buf_adds(b, ", ");
	html_num(b, hi, digits);
	buf_adds(b, "]</span>");
}

int html_chart_figure(struct buf *b, const char *dir, const char *name)
{
	struct buf file = BUF_INIT;
	char *path, *svg;
	size_t len;
	int absent;

	buf_addf(&file, "%s.svg", name);
	path = path_join(dir, file.data);
	svg = read_file(path, &len);
	absent = !svg;
	if (svg) {
		buf_adds(b, "<figure id=\"chart-");
		html_escape(b, name);
		buf_adds(b, "\">\n");
		buf_reset(&file);
		buf_addf(&file, "%s-", name);
		if (memchr(svg, '\0', len) || html_svg_inline(b, svg, len, file.data) < 0) {
			warning("'%s' is not a plain gnuplot SVG; left out of the report", path);
			buf_adds(b, "<p class=\"na\">This chart was left out: its SVG file holds "
				    "something other than a drawing.</p>\n");
		}
	}
	free(svg);
	free(path);
	buf_release(&file);
	return absent;
}
