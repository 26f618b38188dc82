/* standalone_main.c - runs a fuzz target over files, without libFuzzer.
 *
 * The regression tests use it: every crash a fuzzer found, and every seed,
 * goes through the target in an ordinary (and a sanitizer) build. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int ran = 0;
	for (int i = 1; i < argc; i++) {
		size_t len;
		const char *why;
		char *data = sova_read_file(argv[i], &len, &why);
		if (!data) {
			fprintf(stderr, "%s: %s\n", argv[i], why);
			return 2;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		free(data);
		ran++;
	}
	printf("%d inputs ran\n", ran);
	return ran ? 0 : 2;
}
