/* fuzz_cache_entry.c - fuzz target: the cache's binary per-TU entries
 * (facts_bin.c), what they decode to through the rest of a warm run, and the
 * same bytes read as a pack's index (cachepack.c). */
#include <stdlib.h>

#include "cache.h"
#include "cachepack.h"
#include "facts_bin.h"
#include "fuzz_input.h"
#include "fuzz_pipeline.h"

/* An entry that decodes must encode and decode again to the same facts. */
static void roundtrip(const struct sova_tu_facts *facts)
{
	struct sova_bin_writer w;
	sova_bin_writer_init(&w);
	sova_bin_put_uint(&w, 0); /* no dependencies */
	sova_bin_put_uint(&w, 1); /* one path searched before a header */
	sova_bin_put_str(&w, "/no/such/dir");
	sova_bin_put_str(&w, "config.h");
	sova_bin_put_facts(&w, facts);
	size_t len;
	unsigned char *data = sova_bin_writer_finish(&w, &len);
	struct sova_tu_facts again;
	if (!sova_cache_decode_entry(NULL, data, len, &again))
		abort();
	sova_tu_facts_free(&again);
	free(data);
}

/* Every entry a pack's index accepts lies inside the pack, before the index. */
static void read_as_pack(const unsigned char *data, size_t len)
{
	if (len < SOVA_PACK_TRAILER_BYTES)
		return;
	long long index_bytes = sova_pack_index_bytes(data + len - SOVA_PACK_TRAILER_BYTES, len);
	if (index_bytes < 0)
		return;
	size_t tail = (size_t)index_bytes + SOVA_PACK_TRAILER_BYTES, n = 0, cap = 0;
	struct sova_pack_entry *entries = NULL;
	if (sova_pack_index_read(data + len - tail, tail, len, 1, &entries, &n, &cap) == 0)
		for (size_t i = 0; i < n; i++)
			if (entries[i].len == 0 || (size_t)entries[i].offset + entries[i].len > len - tail)
				abort();
	free(entries);
}

void fuzz_load(const char *path)
{
	size_t len;
	const char *why;
	char *data = sova_read_file(path, &len, &why);
	struct sova_tu_facts facts;
	if (data && sova_cache_decode_entry(NULL, (const unsigned char *)data, len, &facts)) {
		roundtrip(&facts);
		fuzz_pipeline(&facts, 1, NULL);
		sova_tu_facts_free(&facts);
	}
	if (data)
		read_as_pack((const unsigned char *)data, len);
	free(data);
}
