/* symset.h - sets of functions, shared by every slot that holds the same set.
 *
 * The points-to solution is dominated by a few big sets (a command table's
 * handlers) copied into every slot they flow through. Sets are immutable and
 * hash-consed: equal sets are one object, so a slot costs a pointer, and a
 * call's targets borrow the set instead of copying it. A set that no slot
 * holds any more (a slot's contents on their way to growing) is freed. */
#ifndef SOVA_SYMSET_H
#define SOVA_SYMSET_H

#include <stddef.h>
#include <stdint.h>

struct sova_symset {
	struct sova_symset *next; /* in its hash bucket */
	size_t refs;
	uint64_t hash;
	size_t n;
	int syms[]; /* n syms, sorted ascending, then -1 */
};

struct sova_symsets {
	struct sova_symset **buckets;
	size_t nbuckets, count;
};

/* The set holding syms[0..n) (sorted, no repeats), with one more reference. */
struct sova_symset *sova_symset_intern(struct sova_symsets *table, const int *syms, size_t n);

/* One more reference to set, which is returned. */
struct sova_symset *sova_symset_retain(struct sova_symset *set);

/* Drops a reference (set may be NULL); the last one frees the set. */
void sova_symset_release(struct sova_symsets *table, struct sova_symset *set);

/* Frees every set, referenced or not. */
void sova_symsets_free(struct sova_symsets *table);

#endif /* SOVA_SYMSET_H */
