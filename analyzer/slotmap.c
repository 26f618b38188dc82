/* slotmap.c - the program's slots, found by the storage they stand for. */
#include "slotmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint32_t key_hash(const struct sova_slot_key *key)
{
	uint64_t h = sova_hash(key->usr, strlen(key->usr), (uint64_t)key->tag << 32 | (uint32_t)key->num);
	return (uint32_t)(h ^ (h >> 32));
}

static int same_key(const struct sova_slotmap_entry *e, const struct sova_slot_key *key, uint32_t hash)
{
	return e->hash == hash && e->tag == key->tag && e->num == key->num &&
	       (e->usr == key->usr || strcmp(e->usr, key->usr) == 0);
}

static size_t find_entry(const struct sova_slotmap *map, const struct sova_slot_key *key, uint32_t hash)
{
	size_t i = hash & (map->cap - 1);
	while (map->entries[i].slot >= 0 && !same_key(&map->entries[i], key, hash))
		i = (i + 1) & (map->cap - 1);
	return i;
}

/* Where an entry moved to a grown table goes: the first free place. */
static size_t free_place(const struct sova_slotmap *map, uint32_t hash)
{
	size_t i = hash & (map->cap - 1);
	while (map->entries[i].slot >= 0)
		i = (i + 1) & (map->cap - 1);
	return i;
}

static void grow(struct sova_slotmap *map)
{
	struct sova_slotmap_entry *old = map->entries;
	size_t oldcap = map->cap;
	map->cap = map->cap ? map->cap * 2 : 4096;
	map->entries = sova_xmalloc(map->cap * sizeof(*map->entries));
	for (size_t i = 0; i < map->cap; i++)
		map->entries[i].slot = -1;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].slot >= 0)
			map->entries[free_place(map, old[i].hash)] = old[i];
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
	return map->entries[find_entry(map, key, key_hash(key))].slot;
}

void sova_slotmap_put(struct sova_slotmap *map, const struct sova_slot_key *key, int slot)
{
	/* Filled to three quarters: linear probing stays short at that load. */
	if ((map->count + 1) * 4 > map->cap * 3)
		grow(map);
	uint32_t hash = key_hash(key);
	struct sova_slotmap_entry *e = &map->entries[find_entry(map, key, hash)];
	*e = (struct sova_slotmap_entry){ key->usr, (int32_t)key->num, hash, slot, (uint8_t)key->tag };
	map->count++;
}
