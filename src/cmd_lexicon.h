#ifndef CMD_LEXICON_H
#define CMD_LEXICON_H

/*
 * The subcommands of "framing lexicon", one per file (cmd_lexicon_*.c),
 * dispatched by the table in cmd_lexicon.c. argv[0] is the subcommand name.
 */

int cmd_lexicon_check(int argc, char **argv);
int cmd_lexicon_stats(int argc, char **argv);
int cmd_lexicon_suggest(int argc, char **argv);
int cmd_lexicon_diff(int argc, char **argv);
int cmd_lexicon_import(int argc, char **argv);
int cmd_lexicon_export(int argc, char **argv);

#endif
