#ifndef CMD_H
#define CMD_H

/*
 * One function per subcommand, each in its own cmd_NAME.c. argv[0] is the
 * command name; each parses its own options and returns an exit status.
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
