/*
 * report.html from the tables and charts of a run. Everything is read back
 * from the files "framing score", "stats" and "chart" wrote, so the page
 * shows exactly what the tables say: this file loads them and writes the
 * file, reportpage.c makes the page.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "lexicon.h"
#include "outfile.h"
#include "reportpage.h"
#include "banned.h"

int report_write(const struct report_opts *o)
{
	struct scoretab_grouping grouping;
	struct report_page p;
	char *path, *files[1];
	struct outfile *out;
	int r = 0;

	memset(&p, 0, sizeof(p));
	p.o = o;
	path = path_join(o->outdir, "outlets.tsv");
	r |= res_outlets_load(&p.out, path);
	free(path);
	if (r == 0)
		r |= res_select(&p.out, o->max_groups ? o->max_groups : RES_MAX_GROUPS, o->groups,
				&p.sel);
	path = path_join(o->outdir, "scores.tsv");
	files[0] = path;
	grouping.by = o->by;
	grouping.group_map = o->group_map;
	grouping.unmapped_na = o->unmapped_na;
	p.scores = scoretab_read_grouped(files, 1, &grouping, SCORETAB_TEXT);
	r |= p.scores ? 0 : -1;
	free(path);
	path = path_join(o->outdir, "matches.tsv");
	r |= matchrows_load(&p.m, path);
	free(path);
	if (r == 0) {
		struct lexicon lx = LEXICON_INIT;
		p.lx = lx;
		p.lx_ok = lexicon_load_all(&p.lx, o->lexicons, o->nlexicons) == 0;
		reportpage_write(&p);
		path = path_join(o->outdir, "report.html");
		out = outfile_open(path);
		free(path);
		if (!out) {
			r = -1;
		} else {
			fwrite(p.h.data, 1, p.h.len, outfile_stream(out));
			r = outfile_commit(out);
		}
		lexicon_release(&p.lx);
	}
	res_selection_release(&p.sel);
	res_outlets_release(&p.out);
	scoretab_free(p.scores);
	matchrows_release(&p.m);
	buf_release(&p.h);
	return r < 0 ? -1 : 0;
}
