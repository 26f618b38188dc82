/* slotmap.c - the program's slots, found by the storage they stand for. */
#include "slotmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint64_t key_hash(const struct sova_slot_key *key)
{
	uint64_t h = sova_hash(key->usr, strlen(key->usr), 0);
	h ^= (uint64_t)key->tag * 0x9e3779b97f4a7c15ULL;
	h ^= (uint64_t)key->num * 0xc2b2ae3d27d4eb4fULL;
	return h ^ (h >> 29);
}

static int same_key(const struct sova_slotmap_entry *e, const struct sova_slot_key *key, uint64_t hash)
{
	return e->hash == hash && e->key.tag == key->tag && e->key.num == key->num &&
	       (e->key.usr == key->usr || strcmp(e->key.usr, key->usr) == 0);
}

static size_t find(const struct sova_slotmap *map, const struct sova_slot_key *key, uint64_t hash)
{
	size_t i = hash & (map->cap - 1);
	while (map->entries[i].slot >= 0 && !same_key(&map->entries[i], key, hash))
		i = (i + 1) & (map->cap - 1);
	return i;
}

static void grow(struct sova_slotmap *map)
{
	struct sova_slotmap_entry *old = map->entries;
	size_t oldcap = map->cap;
	map->cap = map->cap ? map->cap * 2 : 1024;
	map->entries = sova_xmalloc(map->cap * sizeof(*map->entries));
	for (size_t i = 0; i < map->cap; i++)
		map->entries[i].slot = -1;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].slot >= 0)
			map->entries[find(map, &old[i].key, old[i].hash)] = old[i];
	free(old);
}

void sova_slotmap_init(struct sova_slotmap *map)
{
	memset(map, 0, sizeof(*map));
	grow(map);
}

void sova_slotmap_free(struct sova_slotmap *map)
{
	free(map->entries);
	memset(map, 0, sizeof(*map));
}

int sova_slotmap_get(const struct sova_slotmap *map, const struct sova_slot_key *key)
{
	return map->entries[find(map, key, key_hash(key))].slot;
}

void sova_slotmap_put(struct sova_slotmap *map, const struct sova_slot_key *key, int slot)
{
	if ((map->count + 1) * 2 > map->cap)
		grow(map);
	uint64_t hash = key_hash(key);
	struct sova_slotmap_entry *e = &map->entries[find(map, key, hash)];
	e->key = *key;
	e->hash = hash;
	e->slot = slot;
	map->count++;
}
