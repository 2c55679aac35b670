#ifndef CMD_H
#define CMD_H

/*
 * One function per command, each in its own file: src/cmd/NAME.c, and
 * src/cmd/lexicon_NAME.c for the subcommands of "framing lexicon"
 * (dispatched by the table in src/cmd/lexicon.c). argv[0] is the command
 * name; each parses its own options (options.h, sourceopts.h) into a struct
 * of options, calls the run function of a library module with it
 * (score_run, clean_run, lexstats_run, ...) and returns its exit status.
 * "framing help NAME" and "framing lexicon help NAME" run the command with
 * --help.
 */

int cmd_clean(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);
int cmd_kwic(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_templates(int argc, char **argv);
int cmd_import(int argc, char **argv);

int cmd_lexicon_check(int argc, char **argv);
int cmd_lexicon_stats(int argc, char **argv);
int cmd_lexicon_suggest(int argc, char **argv);
int cmd_lexicon_diff(int argc, char **argv);
int cmd_lexicon_import(int argc, char **argv);
int cmd_lexicon_export(int argc, char **argv);

#endif
