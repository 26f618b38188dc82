/* symset.c - sets of functions, shared by every slot that holds the same set. */
#include "symset.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint64_t syms_hash(const int *syms, size_t n)
{
	return sova_hash(syms, n * sizeof(*syms), 0);
}

static void rehash(struct sova_symsets *table)
{
	size_t nbuckets = table->nbuckets ? table->nbuckets * 2 : 256;
	struct sova_symset **buckets = sova_xcalloc(nbuckets, sizeof(*buckets));
	for (size_t i = 0; i < table->nbuckets; i++) {
		for (struct sova_symset *s = table->buckets[i], *next; s; s = next) {
			next = s->next;
			struct sova_symset **head = &buckets[s->hash & (nbuckets - 1)];
			s->next = *head;
			*head = s;
		}
	}
	free(table->buckets);
	table->buckets = buckets;
	table->nbuckets = nbuckets;
}

struct sova_symset *sova_symset_intern(struct sova_symsets *table, const int *syms, size_t n)
{
	uint64_t hash = syms_hash(syms, n);
	for (struct sova_symset *s = table->nbuckets ? table->buckets[hash & (table->nbuckets - 1)] : NULL; s;
	     s = s->next) {
		if (s->hash == hash && s->n == n && memcmp(s->syms, syms, n * sizeof(*syms)) == 0) {
			s->refs++;
			return s;
		}
	}
	if (table->count * 2 >= table->nbuckets)
		rehash(table);
	struct sova_symset *s = sova_xmalloc(sizeof(*s) + (n + 1) * sizeof(*syms));
	s->refs = 1;
	s->hash = hash;
	s->n = n;
	memcpy(s->syms, syms, n * sizeof(*syms));
	s->syms[n] = -1;
	struct sova_symset **head = &table->buckets[hash & (table->nbuckets - 1)];
	s->next = *head;
	*head = s;
	table->count++;
	return s;
}

struct sova_symset *sova_symset_retain(struct sova_symset *set)
{
	set->refs++;
	return set;
}

void sova_symset_release(struct sova_symsets *table, struct sova_symset *set)
{
	if (!set || --set->refs)
		return;
	struct sova_symset **at = &table->buckets[set->hash & (table->nbuckets - 1)];
	while (*at != set)
		at = &(*at)->next;
	*at = set->next;
	table->count--;
	free(set);
}

void sova_symsets_free(struct sova_symsets *table)
{
	for (size_t i = 0; i < table->nbuckets; i++) {
		for (struct sova_symset *s = table->buckets[i], *next; s; s = next) {
			next = s->next;
			free(s);
		}
	}
	free(table->buckets);
	memset(table, 0, sizeof(*table));
}
