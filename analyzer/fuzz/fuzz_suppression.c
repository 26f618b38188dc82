/* fuzz_suppression.c - fuzz target: the inline suppression comment parser. */
#include <stdint.h>

#include "suppress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sova_suppression s;
	char err[256];
	/* The parser takes a line and its length: the bytes need no terminator. */
	sova_parse_suppression((const char *)data, size, &s, err, sizeof(err));
	return 0;
}
