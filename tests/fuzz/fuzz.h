#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Fuzz targets: each takes arbitrary bytes and must neither crash, leak nor
 * trip a sanitizer, whatever they hold. The libFuzzer binaries (make fuzz)
 * call them from LLVMFuzzerTestOneInput; the unit test test_fuzz_replay
 * runs every seed and every saved crash input through them without
 * libFuzzer, so a fixed crash stays fixed under plain "make test".
 *
 * fuzz_text, fuzz_jsonl, fuzz_csv, fuzz_html and fuzz_warc need fuzz_setup first (it loads the shipped
 * lexicons from lexdir); fuzz_manifest makes a scratch corpus folder.
 */
int fuzz_setup(const char *lexdir);

int fuzz_lexicon(const uint8_t *data, size_t size);
int fuzz_manifest(const uint8_t *data, size_t size);
int fuzz_jsonl(const uint8_t *data, size_t size);
int fuzz_text(const uint8_t *data, size_t size);
int fuzz_dic(const uint8_t *data, size_t size);
int fuzz_scores(const uint8_t *data, size_t size);
int fuzz_templates(const uint8_t *data, size_t size);
int fuzz_html(const uint8_t *data, size_t size);
int fuzz_runstamp(const uint8_t *data, size_t size);
int fuzz_categories(const uint8_t *data, size_t size);
int fuzz_outlets(const uint8_t *data, size_t size);
int fuzz_csv(const uint8_t *data, size_t size);
int fuzz_xml(const uint8_t *data, size_t size);
int fuzz_warc(const uint8_t *data, size_t size);
int fuzz_targets(const uint8_t *data, size_t size);
int fuzz_storypage(const uint8_t *data, size_t size);

#endif
