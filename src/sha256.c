#include "sha256.h"

#include "banned.h"

void sha256_init(struct sha256 *s)
{
	SHA256_Init(&s->ctx);
}

void sha256_update(struct sha256 *s, const void *data, size_t len)
{
	SHA256_Update(&s->ctx, data, len);
}

void sha256_final(struct sha256 *s, unsigned char out[32])
{
	SHA256_Final(out, &s->ctx);
}

void sha256_hex(const void *data, size_t len, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	struct sha256 s;
	unsigned char d[32];
	size_t i;

	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final(&s, d);
	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}
