/* slotmap.h - the program's slots, found by the storage they stand for.
 *
 * A slot is named by a kind of storage and a USR, plus a number for a
 * parameter: (P, function, 2) is the third parameter of that function.
 * The link looks slots up for every value it meets; the keys borrow the
 * USRs from the facts (which outlive the program) instead of writing
 * "P:usr#2" strings out and copying them. */
#ifndef SOVA_SLOTMAP_H
#define SOVA_SLOTMAP_H

#include <stddef.h>
#include <stdint.h>

enum sova_slot_tag {
	SOVA_SLOT_NONE = 0,
	SOVA_SLOT_LOCAL,
	SOVA_SLOT_GLOBAL,
	SOVA_SLOT_FIELD,
	SOVA_SLOT_PARAM,  /* num: the parameter's index */
	SOVA_SLOT_RESULT, /* what a function returns */
	SOVA_SLOT_MEMBER, /* a field of one variable's storage; usr: the abstract member (sova_val.member) */
	SOVA_SLOT_POINTER_STORES, /* what is stored into a field through a pointer; usr: the field */
};

struct sova_slot_key {
	enum sova_slot_tag tag;
	const char *usr; /* borrowed */
	long num;
};

/* Packed: a program has tens of thousands of slots. */
struct sova_slotmap_entry {
	const char *usr;
	int32_t num;
	uint32_t hash;
	int32_t slot; /* -1: empty */
	uint8_t tag;
};

struct sova_slotmap {
	struct sova_slotmap_entry *entries;
	size_t cap, count;
};

void sova_slotmap_init(struct sova_slotmap *map);
void sova_slotmap_free(struct sova_slotmap *map);

/* The slot of key, or -1. */
int sova_slotmap_get(const struct sova_slotmap *map, const struct sova_slot_key *key);

/* Records key's slot; key must not be there yet. */
void sova_slotmap_put(struct sova_slotmap *map, const struct sova_slot_key *key, int slot);

#endif /* SOVA_SLOTMAP_H */
