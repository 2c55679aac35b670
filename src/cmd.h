#ifndef CMD_H
#define CMD_H

/*
 * One function per subcommand, each in its own file (src/cmd/NAME.c; the
 * older ones src/cmd_NAME.c). argv[0] is the command name; each parses its
 * own options (options.h) and returns an exit status. score, stats, chart
 * and report do nothing else: they call score_run, stats_run, chart_run
 * and report_run of the library with a struct of options.
 * "framing help NAME" runs the command with --help.
 */

int cmd_clean(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_kwic(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
