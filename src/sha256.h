#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>

/*
 * SHA-256 (FIPS 180-4), for run.tsv's fingerprints of inputs and outputs,
 * the report's lexicon fingerprints and the default ids of articles. Feed
 * bytes with sha256_update, then sha256_final writes 32 bytes.
 *
 * OpenSSL's libcrypto computes it: every output of a run is hashed as it
 * is written, and a hand-written SHA-256 (about 300 MB/s) cost a third of
 * framing score's time; libcrypto uses the processor's SHA instructions
 * where there are some (a few GB/s).
 */
#define OPENSSL_API_COMPAT 10101	/* SHA256_Init & co., without deprecation */
#include <openssl/sha.h>

struct sha256 {
	SHA256_CTX ctx;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, unsigned char out[32]);

/* The digest of data as 64 lowercase hex digits and a NUL into hex. */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
