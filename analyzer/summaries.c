/* summaries.c - per-TU facts written by 'sova extract' and read by 'sova link'. */
#include "summaries.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "facts_json.h"
#include "jsonpos.h"
#include "util.h"

#define SUMMARIES_FORMAT "sova-summaries-4"

static cJSON *strings_json(char *const *s, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s[i]));
	return a;
}

int sova_summaries_write(FILE *out, const struct sova_tu_facts *facts, const size_t *positions, size_t count,
			 char *const *notes, size_t nnotes, char *const *dropped, size_t ndropped)
{
	cJSON *root = cJSON_CreateObject(), *tus = cJSON_CreateArray();
	cJSON_AddStringToObject(root, "format", SUMMARIES_FORMAT);
	cJSON_AddStringToObject(root, "sova", SOVA_VERSION);
	for (size_t i = 0; i < count; i++) {
		cJSON *tu = cJSON_CreateObject();
		cJSON_AddNumberToObject(tu, "position", (double)positions[i]);
		cJSON_AddItemToObject(tu, "facts", sova_facts_to_json(&facts[i]));
		cJSON_AddItemToArray(tus, tu);
	}
	cJSON_AddItemToObject(root, "tus", tus);
	cJSON_AddItemToObject(root, "notes", strings_json(notes, nnotes));
	cJSON_AddItemToObject(root, "dropped_flags", strings_json(dropped, ndropped));
	char *text = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	int rc = text && fputs(text, out) >= 0 && fputc('\n', out) != EOF ? 0 : -1;
	free(text);
	return rc;
}

static int read_strings(struct sova_json_doc *r, const char *key, char ***out, size_t *n, size_t *cap)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(r->root, key);
	sova_json_enter_key(r, key);
	if (!cJSON_IsArray(a))
		return sova_json_error(r, "'%s' must be an array of strings", key);
	for (const cJSON *s = a->child; s; s = s->next) {
		if (!cJSON_IsString(s))
			return sova_json_error(r, "'%s' must be an array of strings", key);
		SOVA_PUSH(*out, *n, *cap, sova_xstrdup(s->valuestring));
	}
	sova_json_leave(r);
	return 0;
}

static int read_tus(struct sova_json_doc *r, struct sova_summaries *set)
{
	const cJSON *tus = cJSON_GetObjectItemCaseSensitive(r->root, "tus");
	sova_json_enter_key(r, "tus");
	if (!cJSON_IsArray(tus))
		return sova_json_error(r, "'tus' must be an array");
	int i = 0;
	for (const cJSON *tu = tus->child; tu; tu = tu->next, i++) {
		sova_json_enter_index(r, i);
		const cJSON *position = cJSON_GetObjectItemCaseSensitive(tu, "position");
		if (!cJSON_IsNumber(position) || !(position->valuedouble >= 0 && position->valuedouble < 1e12) ||
		    position->valuedouble != (double)(size_t)position->valuedouble)
			return sova_json_error(r, "a TU needs its 'position' in the compile database");
		SOVA_GROW(set->facts, set->count, set->cap);
		set->positions = sova_xrealloc(set->positions, set->cap, sizeof(*set->positions));
		if (sova_facts_from_json(cJSON_GetObjectItemCaseSensitive(tu, "facts"), &set->facts[set->count]) != 0)
			return sova_json_error(r, "the TU's facts are not a summary this sova can read");
		set->positions[set->count++] = (size_t)position->valuedouble;
		sova_json_leave(r);
	}
	sova_json_leave(r);
	return 0;
}

int sova_summaries_read(struct sova_summaries *set, const char *path, char *err, size_t errlen)
{
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, path, "summaries", err, errlen);
	if (rc == 0) {
		const cJSON *format = cJSON_GetObjectItemCaseSensitive(doc.root, "format");
		const cJSON *version = cJSON_GetObjectItemCaseSensitive(doc.root, "sova");
		if (!cJSON_IsString(format) || strcmp(format->valuestring, SUMMARIES_FORMAT) != 0)
			rc = sova_json_error(&doc, "not a summaries file written by 'sova extract'");
		else if (!cJSON_IsString(version) || strcmp(version->valuestring, SOVA_VERSION) != 0)
			rc = sova_json_error(&doc, "written by sova %s; this is sova %s: extract again",
					     cJSON_IsString(version) ? version->valuestring : "?", SOVA_VERSION);
		else
			rc = read_tus(&doc, set);
	}
	if (rc == 0)
		rc = read_strings(&doc, "notes", &set->notes, &set->nnotes, &set->capnotes);
	if (rc == 0)
		rc = read_strings(&doc, "dropped_flags", &set->dropped, &set->ndropped, &set->capdropped);
	sova_json_doc_free(&doc);
	return rc;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts in place by a permutation; positions decide. */
static void order_tus(struct sova_summaries *set)
{
	size_t n = set->count;
	size_t *order = sova_xcalloc(n + 1, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	/* Insertion sort keyed on positions: stable, and shards are few and sorted already. */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && set->positions[order[k - 1]] > set->positions[order[k]]; k--) {
			size_t t = order[k];
			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	struct sova_tu_facts *facts = sova_xcalloc(n + 1, sizeof(*facts));
	size_t *positions = sova_xcalloc(n + 1, sizeof(*positions));
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		size_t at = order[i];
		if (kept && positions[kept - 1] == set->positions[at]) {
			sova_tu_facts_free(&set->facts[at]);
			continue;
		}
		facts[kept] = set->facts[at];
		positions[kept++] = set->positions[at];
	}
	free(set->facts);
	free(set->positions);
	free(order);
	set->facts = facts;
	set->positions = positions;
	set->count = set->cap = kept;
}

static void dedupe_sorted(char **s, size_t *n)
{
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		if (kept && strcmp(s[kept - 1], s[i]) == 0) {
			free(s[i]);
			continue;
		}
		s[kept++] = s[i];
	}
	*n = kept;
}

/* Every shard carries the whole compile database's notes: keep one copy, in order. */
static void dedupe_notes(char **s, size_t *n)
{
	size_t kept = 0;
	for (size_t i = 0; i < *n; i++) {
		int seen = 0;
		for (size_t k = 0; k < kept && !seen; k++)
			seen = strcmp(s[k], s[i]) == 0;
		if (seen)
			free(s[i]);
		else
			s[kept++] = s[i];
	}
	*n = kept;
}

void sova_summaries_finish(struct sova_summaries *set)
{
	order_tus(set);
	if (set->ndropped)
		qsort(set->dropped, set->ndropped, sizeof(*set->dropped), compare_strings);
	dedupe_sorted(set->dropped, &set->ndropped);
	dedupe_notes(set->notes, &set->nnotes);
}

void sova_summaries_free(struct sova_summaries *set)
{
	for (size_t i = 0; i < set->count; i++)
		sova_tu_facts_free(&set->facts[i]);
	free(set->facts);
	free(set->positions);
	for (size_t i = 0; i < set->nnotes; i++)
		free(set->notes[i]);
	free(set->notes);
	for (size_t i = 0; i < set->ndropped; i++)
		free(set->dropped[i]);
	free(set->dropped);
	memset(set, 0, sizeof(*set));
}
