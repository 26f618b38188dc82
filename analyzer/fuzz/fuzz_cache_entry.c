/* fuzz_cache_entry.c - fuzz target: the cache's binary per-TU entries (facts_bin.c). */
#include <stdlib.h>

#include "cache.h"
#include "facts_bin.h"
#include "fuzz_input.h"

/* An entry that decodes must encode and decode again to the same facts. */
static void roundtrip(const struct sova_tu_facts *facts)
{
	struct sova_bin_writer w;
	sova_bin_writer_init(&w);
	sova_bin_put_uint(&w, 0); /* no dependencies */
	sova_bin_put_facts(&w, facts);
	size_t len;
	unsigned char *data = sova_bin_writer_finish(&w, &len);
	struct sova_tu_facts again;
	if (!sova_cache_decode_entry(NULL, data, len, &again))
		abort();
	sova_tu_facts_free(&again);
	free(data);
}

void fuzz_load(const char *path)
{
	size_t len;
	const char *why;
	char *data = sova_read_file(path, &len, &why);
	struct sova_tu_facts facts;
	if (data && sova_cache_decode_entry(NULL, (const unsigned char *)data, len, &facts)) {
		roundtrip(&facts);
		sova_tu_facts_free(&facts);
	}
	free(data);
}
