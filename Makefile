# framing: see README.md. "make report" and "make test" install what is
# missing first (scripts/install-deps); plain "make" only builds.

CC ?= cc
CFLAGS ?= -O2 -g
WARNINGS = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wformat=2 -Wno-format-nonliteral
PKGS = gsl libutf8proc libcjson libxml-2.0 libcrypto zlib
# Recursive (=) so pkg-config is asked only when compiling, after install-deps.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lgsl -lgslcblas -lutf8proc -lcjson -lxml2 -lcrypto -lz -lm)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
# libcsv (CSV input, csvin.c) has no pkg-config file.
LIBS = $(PKG_LIBS) -lcsv -lm -lpthread

# Sanitizer build: "make test SAN=1" builds everything under build/san (float-cast-overflow
# too: gcc leaves it out of "undefined", clang's fuzz build has it).
ifeq ($(SAN),1)
BUILD = build/san
CFLAGS += -O1 -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
BIN = $(BUILD)/framing
else
BUILD = build
BIN = bin/framing
endif

PREFIX ?= /usr/local

# Library modules: everything but main.c and the commands, shared with the
# unit tests and the fuzz harnesses.
LIB_OBJS = \
	$(BUILD)/boilerplate.o \
	$(BUILD)/buf.o \
	$(BUILD)/charset.o \
	$(BUILD)/chart.o \
	$(BUILD)/chartrun.o \
	$(BUILD)/charts.o \
	$(BUILD)/clean.o \
	$(BUILD)/cleanrun.o \
	$(BUILD)/corpus.o \
	$(BUILD)/counts.o \
	$(BUILD)/csvin.o \
	$(BUILD)/date.o \
	$(BUILD)/dedup.o \
	$(BUILD)/dic.o \
	$(BUILD)/effects.o \
	$(BUILD)/dicrun.o \
	$(BUILD)/fsutil.o \
	$(BUILD)/gpscript.o \
	$(BUILD)/html.o \
	$(BUILD)/http.o \
	$(BUILD)/htmlpage.o \
	$(BUILD)/importrun.o \
	$(BUILD)/keyness.o \
	$(BUILD)/kwic.o \
	$(BUILD)/kwicrun.o \
	$(BUILD)/lexcat.o \
	$(BUILD)/lexcheck.o \
	$(BUILD)/lexcheckrun.o \
	$(BUILD)/lexdiff.o \
	$(BUILD)/lexicon.o \
	$(BUILD)/lexdecl.o \
	$(BUILD)/lexrun.o \
	$(BUILD)/lexstats.o \
	$(BUILD)/match.o \
	$(BUILD)/matchrows.o \
	$(BUILD)/methods.o \
	$(BUILD)/offmap.o \
	$(BUILD)/options.o \
	$(BUILD)/outletmap.o \
	$(BUILD)/outfile.o \
	$(BUILD)/parse.o \
	$(BUILD)/pipeline.o \
	$(BUILD)/quantile.o \
	$(BUILD)/report.o \
	$(BUILD)/reportpage.o \
	$(BUILD)/reportrun.o \
	$(BUILD)/resample.o \
	$(BUILD)/sanitize.o \
	$(BUILD)/results.o \
	$(BUILD)/runset.o \
	$(BUILD)/runstamp.o \
	$(BUILD)/score.o \
	$(BUILD)/scorerun.o \
	$(BUILD)/scoretab.o \
	$(BUILD)/sha256.o \
	$(BUILD)/signatures.o \
	$(BUILD)/stories.o \
	$(BUILD)/sort.o \
	$(BUILD)/source.o \
	$(BUILD)/sourceopts.o \
	$(BUILD)/statmodel.o \
	$(BUILD)/stats.o \
	$(BUILD)/statsrun.o \
	$(BUILD)/stattables.o \
	$(BUILD)/storychart.o \
	$(BUILD)/storypage.o \
	$(BUILD)/storyset.o \
	$(BUILD)/suggest.o \
	$(BUILD)/suggestrun.o \
	$(BUILD)/table.o \
	$(BUILD)/targetchart.o \
	$(BUILD)/targets.o \
	$(BUILD)/targetstats.o \
	$(BUILD)/templates.o \
	$(BUILD)/templatesrun.o \
	$(BUILD)/tally.o \
	$(BUILD)/trend.o \
	$(BUILD)/text.o \
	$(BUILD)/tsv.o \
	$(BUILD)/unwrap.o \
	$(BUILD)/util.o \
	$(BUILD)/warc.o \
	$(BUILD)/warcin.o \
	$(BUILD)/workpool.o \
	$(BUILD)/xalloc.o \
	$(BUILD)/xmlin.o

# The commands (src/cmd/NAME.c, src/cmd/lexicon_NAME.c): each parses its
# options and calls a run function of the library.
CMD_OBJS = \
	$(BUILD)/cmd/chart.o \
	$(BUILD)/cmd/clean.o \
	$(BUILD)/cmd/kwic.o \
	$(BUILD)/cmd/lexicon.o \
	$(BUILD)/cmd/lexicon_check.o \
	$(BUILD)/cmd/lexicon_diff.o \
	$(BUILD)/cmd/lexicon_export.o \
	$(BUILD)/cmd/lexicon_import.o \
	$(BUILD)/cmd/lexicon_stats.o \
	$(BUILD)/cmd/lexicon_suggest.o \
	$(BUILD)/cmd/report.o \
	$(BUILD)/cmd/score.o \
	$(BUILD)/cmd/stats.o \
	$(BUILD)/cmd/templates.o \
	$(BUILD)/cmd/import.o

UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all deps test unit-tests report clean install uninstall bench eval FORCE fuzz fuzz-build

all: $(BIN)

$(BIN): $(BUILD)/main.o $(CMD_OBJS) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -I$(BUILD) -c -o $@ $<

# Where an installed framing finds its lexicons; rewritten only when PREFIX
# changes, so that "make install PREFIX=..." rebuilds what depends on it.
$(BUILD)/config.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define FRAMING_DATADIR "%s"\n' '$(PREFIX)/share/framing' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

$(BUILD)/lexicon.o: $(BUILD)/config.h

FORCE:

# The methods section of report.html is README's, generated at build time.
$(BUILD)/methods.c: README.md scripts/methods-c
	@mkdir -p $(dir $@)
	scripts/methods-c README.md > $@.tmp && mv $@.tmp $@

$(BUILD)/methods.o: $(BUILD)/methods.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-variable-declarations -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS) -lcmocka

unit-tests: $(UNIT_TESTS)

# The corpus generator of scripts/bench.
GENCORPUS_OBJS = $(BUILD)/buf.o $(BUILD)/fsutil.o $(BUILD)/parse.o $(BUILD)/sanitize.o $(BUILD)/util.o \
	$(BUILD)/xalloc.o
$(BUILD)/gencorpus: tests/bench/gencorpus.c $(GENCORPUS_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(GENCORPUS_OBJS) -lz

deps:
	@scripts/install-deps

# The test runner prints a line per test and closes with "N passed, N failed,
# N skipped" (README, Tests).
test: deps
	@$(MAKE) --no-print-directory $(BIN) unit-tests $(BUILD)/gencorpus
	@SAN=$(SAN) tests/run --bin $(BIN) --units $(BUILD)/tests

report: deps
	@$(MAKE) --no-print-directory $(BIN)
	$(BIN) report corpus/seeds -o output
	@echo "report: $(CURDIR)/output/report.html (open it in a browser: xdg-open output/report.html)"

# scripts/bench --help tells the options: make bench BENCH_ARGS="--size 1G".
bench: $(BIN) $(BUILD)/gencorpus
	scripts/bench $(BENCH_ARGS)

# How well the cleaner keeps the story and drops the page (README, "Cleaning,
# measured"); "scripts/eval-clean --setup" installs Readability to compare.
eval: $(BIN)
	scripts/eval-clean $(EVAL_ARGS)

clean:
	rm -rf build bin

# Honours PREFIX (default /usr/local) and DESTDIR (for packagers).
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/framing \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/framing
	install -m 644 lexicons/*.lex lexicons/README.md $(DESTDIR)$(PREFIX)/share/framing/
	install -m 644 docs/framing.1 $(DESTDIR)$(PREFIX)/share/man/man1/framing.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/framing $(DESTDIR)$(PREFIX)/share/man/man1/framing.1
	rm -rf $(DESTDIR)$(PREFIX)/share/framing

# Fuzzing (issue 7): libFuzzer harnesses of tests/fuzz, built with clang under
# ASan + UBSan into build/fuzz. "make fuzz FUZZ_SECONDS=N" runs each for N
# seconds (scripts/fuzz says how; crashes land in build/fuzz/crashes).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = lexicon manifest jsonl text dic scores templates html runstamp csv xml warc \
	categories targets outlets storypage
FUZZ_BUILD = build/fuzz
# Without -Werror: a warning only clang gives must not stop the fuzzing.
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(filter-out -Werror,$(WARNINGS)) $(PKG_CFLAGS) \
	-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all \
	-DFRAMING_SRCDIR='"$(CURDIR)"' -MMD -MP
FUZZ_OBJS = $(patsubst $(BUILD)/%,$(FUZZ_BUILD)/%,$(LIB_OBJS)) $(FUZZ_BUILD)/fuzz_common.o
FUZZ_BINS = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

$(FUZZ_BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Isrc -I$(BUILD) -c -o $@ $<

$(FUZZ_BUILD)/lexicon.o: $(BUILD)/config.h

$(FUZZ_BUILD)/fuzz_common.o: tests/fuzz/fuzz_common.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Isrc -c -o $@ $<

$(FUZZ_BUILD)/methods.o: $(BUILD)/methods.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-missing-variable-declarations -fsanitize=fuzzer-no-link \
		-c -o $@ $<

# A static pattern rule, so that an object without a rule is an error, not
# a stale harness.
$(FUZZ_BINS): $(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(FUZZ_OBJS) $(LIBS)

fuzz-build: deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

fuzz: fuzz-build
	@scripts/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

-include $(wildcard $(BUILD)/*.d $(BUILD)/cmd/*.d $(BUILD)/tests/*.d $(FUZZ_BUILD)/*.d)
