/* facts_bin.h - the per-TU summary in a compact binary form, for the cache.
 *
 * The cache is read on every run and written on every parse, and JSON made
 * both cost more than the analysis itself. This form writes each distinct
 * string once, in a table, and everything else as LEB128 integers. It is
 * private to one sova binary (the cache key covers the binary), so it has
 * no compatibility to keep; JSON stays the form people and other machines
 * read (--dump-facts, extract/link).
 *
 * Layout: the magic, the string table (count, then each string's length and
 * bytes), then the body the caller wrote: integers, and strings as 1 + their
 * table index (0 for none). Reading is strict like facts_json.c: anything
 * out of bounds or out of shape rejects the whole entry. */
#ifndef SOVA_FACTS_BIN_H
#define SOVA_FACTS_BIN_H

#include <stddef.h>
#include <stdint.h>

#include "facts.h"
#include "util.h"

struct sova_bin_bytes {
	unsigned char *data;
	size_t len, cap;
};

struct sova_bin_string {
	const char *s;
	size_t index;
};

struct sova_bin_writer {
	struct sova_bin_bytes table; /* the strings, in index order */
	struct sova_bin_bytes body;
	/* Where each string went, by address: facts' strings are interned in
	 * their pool, so one address is one string. Equal text at another
	 * address is only written twice. */
	struct sova_bin_string *index;
	size_t cap, nstrings;
};

void sova_bin_writer_init(struct sova_bin_writer *w);
void sova_bin_put_uint(struct sova_bin_writer *w, uint64_t value);
void sova_bin_put_str(struct sova_bin_writer *w, const char *s); /* s may be NULL */
void sova_bin_put_facts(struct sova_bin_writer *w, const struct sova_tu_facts *facts);

/* Returns the whole encoding (a new buffer, *len bytes) and frees the writer. */
unsigned char *sova_bin_writer_finish(struct sova_bin_writer *w, size_t *len);

struct sova_bin_reader {
	const unsigned char *at, *end;
	const char **table; /* the strings, copied NUL-terminated into the pool the reader was opened with */
	size_t nstrings;
	int bad; /* something was out of bounds or shape; every later read gives 0 */
};

/* Reads the magic and the string table, copying the strings into `strings`
 * (the pool of the facts to be read: they then point into it). Returns 0,
 * or -1 when they are not well formed (the reader is then closed already). */
int sova_bin_reader_open(struct sova_bin_reader *r, const unsigned char *data, size_t len, struct sova_strpool *strings);
void sova_bin_reader_close(struct sova_bin_reader *r);
uint64_t sova_bin_get_uint(struct sova_bin_reader *r);
/* A count of items that each take at least one byte: bounded by what is left. */
size_t sova_bin_get_count(struct sova_bin_reader *r);
const char *sova_bin_get_str(struct sova_bin_reader *r); /* in the reader's pool; NULL for none */

/* Reads facts written by sova_bin_put_facts into facts, which must be empty
 * but for the pool the reader was opened with. Returns 0, or -1 when they
 * are not exactly such facts, leaving facts empty (pool freed too). */
int sova_bin_get_facts(struct sova_bin_reader *r, struct sova_tu_facts *facts);

#endif /* SOVA_FACTS_BIN_H */
