/* summaries.c - per-TU facts written by 'sova extract' and read by 'sova link'. */
#include "summaries.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "facts_json.h"
#include "jsonpos.h"
#include "util.h"

#define SUMMARIES_FORMAT "sova-summaries-5"
#define MISSING_SHARDS_LISTED 10 /* a message names these, then counts the rest */

static cJSON *strings_json(char *const *s, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s[i]));
	return a;
}

static cJSON *origin_json(cJSON *root, const struct sova_summaries_origin *origin)
{
	char id[17];
	snprintf(id, sizeof(id), "%016" PRIx64, origin->database);
	cJSON *database = cJSON_AddObjectToObject(root, "database");
	cJSON_AddStringToObject(database, "id", id);
	cJSON_AddNumberToObject(database, "tus", (double)origin->database_tus);
	cJSON *shard = cJSON_AddArrayToObject(root, "shard");
	cJSON_AddItemToArray(shard, cJSON_CreateNumber((double)origin->shard));
	cJSON_AddItemToArray(shard, cJSON_CreateNumber((double)origin->nshards));
	return root;
}

int sova_summaries_write(FILE *out, const struct sova_summaries_origin *origin, const struct sova_tu_facts *facts,
			 const size_t *positions, size_t count, char *const *notes, size_t nnotes,
			 char *const *dropped, size_t ndropped)
{
	cJSON *root = cJSON_CreateObject(), *tus = cJSON_CreateArray();
	cJSON_AddStringToObject(root, "format", SUMMARIES_FORMAT);
	cJSON_AddStringToObject(root, "sova", SOVA_VERSION);
	origin_json(root, origin);
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

/* A count in a summaries file: a whole number from lo up to 1e12. */
static int read_count(const cJSON *item, size_t lo, size_t *out)
{
	if (!cJSON_IsNumber(item) || !(item->valuedouble >= (double)lo && item->valuedouble < 1e12) ||
	    item->valuedouble != (double)(size_t)item->valuedouble)
		return -1;
	*out = (size_t)item->valuedouble;
	return 0;
}

/* The database id as written: exactly 16 lowercase hex digits (strtoull
 * would also take a sign and spaces). */
static int read_id(const cJSON *item, uint64_t *out)
{
	if (!cJSON_IsString(item) || strlen(item->valuestring) != 16 ||
	    strspn(item->valuestring, "0123456789abcdef") != 16)
		return -1;
	*out = strtoull(item->valuestring, NULL, 16);
	return 0;
}

static int read_origin(struct sova_json_doc *r, struct sova_summaries_origin *origin)
{
	const cJSON *database = cJSON_GetObjectItemCaseSensitive(r->root, "database");
	sova_json_enter_key(r, "database");
	if (read_id(cJSON_GetObjectItemCaseSensitive(database, "id"), &origin->database) != 0 ||
	    read_count(cJSON_GetObjectItemCaseSensitive(database, "tus"), 1, &origin->database_tus) != 0)
		return sova_json_error(r, "'database' needs the compile database's 'id' (16 hex digits) and "
					  "its number of 'tus'");
	sova_json_leave(r);
	const cJSON *shard = cJSON_GetObjectItemCaseSensitive(r->root, "shard");
	sova_json_enter_key(r, "shard");
	if (cJSON_GetArraySize(shard) != 2 || read_count(cJSON_GetArrayItem(shard, 0), 1, &origin->shard) != 0 ||
	    read_count(cJSON_GetArrayItem(shard, 1), 1, &origin->nshards) != 0 || origin->shard > origin->nshards)
		return sova_json_error(r, "'shard' must be [K, N] with 1 <= K <= N");
	sova_json_leave(r);
	return 0;
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

/* Every TU's position must be one of its shard's: K-1 modulo N, below the
 * database's size. */
static int read_tus(struct sova_json_doc *r, struct sova_summaries *set, const struct sova_summaries_origin *origin)
{
	const cJSON *tus = cJSON_GetObjectItemCaseSensitive(r->root, "tus");
	sova_json_enter_key(r, "tus");
	if (!cJSON_IsArray(tus))
		return sova_json_error(r, "'tus' must be an array");
	int i = 0;
	for (const cJSON *tu = tus->child; tu; tu = tu->next, i++) {
		sova_json_enter_index(r, i);
		size_t position;
		if (read_count(cJSON_GetObjectItemCaseSensitive(tu, "position"), 0, &position) != 0)
			return sova_json_error(r, "a TU needs its 'position' in the compile database");
		if (position >= origin->database_tus || position % origin->nshards != origin->shard - 1)
			return sova_json_error(r, "position %zu is not in shard %zu/%zu of a database of %zu TUs",
					       position, origin->shard, origin->nshards, origin->database_tus);
		SOVA_GROW(set->facts, set->count, set->cap);
		set->positions = sova_xrealloc(set->positions, set->cap, sizeof(*set->positions));
		set->from = sova_xrealloc(set->from, set->cap, sizeof(*set->from));
		if (sova_facts_from_json(cJSON_GetObjectItemCaseSensitive(tu, "facts"), &set->facts[set->count]) != 0)
			return sova_json_error(r, "the TU's facts are not a summary this sova can read");
		set->positions[set->count] = position;
		set->from[set->count++] = set->nfiles - 1;
		sova_json_leave(r);
	}
	sova_json_leave(r);
	return 0;
}

static int read_header(struct sova_json_doc *r)
{
	const cJSON *format = cJSON_GetObjectItemCaseSensitive(r->root, "format");
	const cJSON *version = cJSON_GetObjectItemCaseSensitive(r->root, "sova");
	if (!cJSON_IsString(format) || strcmp(format->valuestring, SUMMARIES_FORMAT) != 0)
		return sova_json_error(r, "not a summaries file written by 'sova extract'");
	if (!cJSON_IsString(version) || strcmp(version->valuestring, SOVA_VERSION) != 0)
		return sova_json_error(r, "written by sova %s; this is sova %s: extract again",
				       cJSON_IsString(version) ? version->valuestring : "?", SOVA_VERSION);
	return 0;
}

int sova_summaries_read(struct sova_summaries *set, const char *path, char *err, size_t errlen)
{
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, path, "summaries", err, errlen);
	if (rc != 0) {
		sova_json_doc_free(&doc); /* a file that is not JSON leaves its text */
		return rc;
	}
	SOVA_GROW(set->files, set->nfiles, set->capfiles);
	struct sova_summaries_file *file = &set->files[set->nfiles++];
	memset(file, 0, sizeof(*file));
	file->path = sova_xstrdup(path);
	rc = read_header(&doc);
	if (rc == 0)
		rc = read_origin(&doc, &file->origin);
	if (rc == 0)
		rc = read_tus(&doc, set, &file->origin);
	if (rc == 0)
		rc = read_strings(&doc, "notes", &file->notes, &file->nnotes, &file->capnotes);
	if (rc == 0)
		rc = read_strings(&doc, "dropped_flags", &set->dropped, &set->ndropped, &set->capdropped);
	sova_json_doc_free(&doc);
	return rc;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- finish: coverage, order, one TU per position ---- */

/* A TU's place in the linked program: its database (by the rank of the
 * files' order), its position there, then which file gave it. */
struct tu_place {
	size_t database, position, file, index;
};

static int compare_places(const void *a, const void *b)
{
	const struct tu_place *x = a, *y = b;
	if (x->database != y->database)
		return x->database < y->database ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return 0;
}

/* Files in a fixed order whatever the command line's: by database id,
 * then shard, then the order given. */
struct file_place {
	uint64_t database;
	size_t shard, given;
};

static int compare_file_places(const void *a, const void *b)
{
	const struct file_place *x = a, *y = b;
	if (x->database != y->database)
		return x->database < y->database ? -1 : 1;
	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	return x->given < y->given ? -1 : x->given > y->given;
}

/* Sets order[] to the files in their fixed order, and database[] to each
 * file's database rank in it. */
static void order_files(const struct sova_summaries *set, size_t *order, size_t *database)
{
	struct file_place *places = sova_xcalloc(set->nfiles + 1, sizeof(*places));
	for (size_t i = 0; i < set->nfiles; i++)
		places[i] = (struct file_place){ set->files[i].origin.database, set->files[i].origin.shard, i };
	qsort(places, set->nfiles, sizeof(*places), compare_file_places);
	size_t rank = 0;
	for (size_t i = 0; i < set->nfiles; i++) {
		rank += i > 0 && places[i].database != places[i - 1].database;
		order[i] = places[i].given;
		database[places[i].given] = rank;
	}
	free(places);
}

/* "2/3, 5/8 and 4 more" into buf, for the shards of files[from..to) that no file gives. */
static void list_missing_shards(const struct sova_summaries *set, const size_t *order, size_t from, size_t to,
				char *buf, size_t len)
{
	size_t nshards = set->files[order[from]].origin.nshards, listed = 0, missing = 0, at = from;
	buf[0] = '\0';
	for (size_t k = 1; k <= nshards; k++) {
		while (at < to && set->files[order[at]].origin.shard < k)
			at++;
		if (at < to && set->files[order[at]].origin.shard == k)
			continue;
		if (listed < MISSING_SHARDS_LISTED) {
			size_t used = strlen(buf);
			snprintf(buf + used, len - used, "%s%zu/%zu", listed ? ", " : "", k, nshards);
			listed++;
		}
		missing++;
	}
	if (missing > listed) {
		size_t used = strlen(buf);
		snprintf(buf + used, len - used, " and %zu more", missing - listed);
	}
}

/* The files of one database, order[from..to): one split, every shard. */
static int check_one_database(const struct sova_summaries *set, const size_t *order, size_t from, size_t to,
			      char *err, size_t errlen)
{
	const struct sova_summaries_file *first = &set->files[order[from]];
	for (size_t i = from + 1; i < to; i++) {
		const struct sova_summaries_file *f = &set->files[order[i]];
		if (f->origin.nshards != first->origin.nshards || f->origin.database_tus != first->origin.database_tus) {
			snprintf(err, errlen,
				 "%s (shard %zu/%zu of %zu TUs) and %s (shard %zu/%zu of %zu TUs) split one compile "
				 "database differently: extract every shard with the same --shard K/N",
				 first->path, first->origin.shard, first->origin.nshards, first->origin.database_tus,
				 f->path, f->origin.shard, f->origin.nshards, f->origin.database_tus);
			return -1;
		}
	}
	char missing[512];
	list_missing_shards(set, order, from, to, missing, sizeof(missing));
	if (missing[0]) {
		snprintf(err, errlen,
			 "shards missing: %s of the compile database that %s was extracted from (%zu TUs); link "
			 "every shard, or the report would pass on what was never analysed",
			 missing, first->path, first->origin.database_tus);
		return -1;
	}
	return 0;
}

static int check_coverage(const struct sova_summaries *set, const size_t *order, const size_t *database, char *err,
			  size_t errlen)
{
	for (size_t from = 0, to; from < set->nfiles; from = to) {
		for (to = from + 1; to < set->nfiles && database[order[to]] == database[order[from]]; to++)
			;
		if (check_one_database(set, order, from, to, err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* Two summaries of one TU agree when their facts print the same. */
static int same_facts(const struct sova_tu_facts *a, const struct sova_tu_facts *b)
{
	cJSON *ta = sova_facts_to_json(a), *tb = sova_facts_to_json(b);
	char *x = cJSON_PrintUnformatted(ta), *y = cJSON_PrintUnformatted(tb);
	cJSON_Delete(ta);
	cJSON_Delete(tb);
	int same = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* A position no file gave: name the file of its shard. */
static int lacks_tu(const struct sova_summaries *set, const struct tu_place *p, size_t position, char *err,
		    size_t errlen)
{
	const struct sova_summaries_origin *origin = &set->files[p->file].origin;
	size_t shard = position % origin->nshards + 1;
	const char *path = set->files[p->file].path;
	for (size_t i = 0; i < set->nfiles; i++)
		if (set->files[i].origin.database == origin->database && set->files[i].origin.shard == shard) {
			path = set->files[i].path;
			break;
		}
	snprintf(err, errlen, "%s lacks the TU at position %zu of shard %zu/%zu (%zu TUs): extract it again", path,
		 position, shard, origin->nshards, origin->database_tus);
	return -1;
}

/* When p is the last TU of its database, every position before it was seen. */
static int ends_database(const struct sova_summaries *set, const struct tu_place *p, char *err, size_t errlen)
{
	size_t tus = set->files[p->file].origin.database_tus;
	return p->position + 1 == tus ? 0 : lacks_tu(set, p, p->position + 1, err, errlen);
}

static int disagree(const struct sova_summaries *set, const struct tu_place *a, const struct tu_place *b, char *err,
		    size_t errlen)
{
	const char *file = set->facts[b->index].main_file;
	snprintf(err, errlen, "%s and %s disagree on the TU of %s (position %zu): extract both from the same "
			      "sources, or link only one",
		 set->files[a->file].path, set->files[b->file].path, file ? file : "?", b->position);
	return -1;
}

/* Takes the TUs at places[0..n), in that order, and frees the others. */
static void keep_places(struct sova_summaries *set, const struct tu_place *places, size_t n)
{
	struct sova_tu_facts *facts = sova_xcalloc(n + 1, sizeof(*facts));
	size_t *positions = sova_xcalloc(n + 1, sizeof(*positions));
	size_t *from = sova_xcalloc(n + 1, sizeof(*from));
	char *kept = sova_xcalloc(set->count + 1, 1);
	for (size_t i = 0; i < n; i++) {
		facts[i] = set->facts[places[i].index];
		positions[i] = places[i].position;
		from[i] = places[i].file;
		kept[places[i].index] = 1;
	}
	for (size_t i = 0; i < set->count; i++)
		if (!kept[i])
			sova_tu_facts_free(&set->facts[i]);
	free(kept);
	free(set->facts);
	free(set->positions);
	free(set->from);
	set->facts = facts;
	set->positions = positions;
	set->from = from;
	set->count = set->cap = n;
}

/* Orders the TUs, one per position; a position given twice must have the
 * same facts, and every database's positions must run 0..N-1 (a file that
 * lost a TU is caught here). */
static int place_tus(struct sova_summaries *set, const size_t *database, char *err, size_t errlen)
{
	size_t n = set->count, kept = 0;
	struct tu_place *places = sova_xcalloc(n + 1, sizeof(*places));
	for (size_t i = 0; i < n; i++)
		places[i] = (struct tu_place){ database[set->from[i]], set->positions[i], set->from[i], i };
	qsort(places, n, sizeof(*places), compare_places);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct tu_place *p = &places[i], *prev = kept ? &places[kept - 1] : NULL;
		int same_database = prev && prev->database == p->database;
		if (same_database && prev->position == p->position) {
			if (!same_facts(&set->facts[prev->index], &set->facts[p->index]))
				rc = disagree(set, prev, p, err, errlen);
			continue;
		}
		if (prev && !same_database)
			rc = ends_database(set, prev, err, errlen);
		size_t expected = same_database ? prev->position + 1 : 0;
		if (rc == 0 && p->position != expected)
			rc = lacks_tu(set, p, expected, err, errlen);
		places[kept++] = *p;
	}
	if (rc == 0 && kept)
		rc = ends_database(set, &places[kept - 1], err, errlen);
	if (rc == 0)
		keep_places(set, places, kept);
	free(places);
	return rc;
}

/* Every file carries its whole compile database's notes: one copy of each,
 * in the files' fixed order. */
static void unite_notes(struct sova_summaries *set, const size_t *order)
{
	struct sova_strmap seen;
	sova_strmap_init(&seen);
	size_t cap = 0;
	for (size_t i = 0; i < set->nfiles; i++) {
		struct sova_summaries_file *f = &set->files[order[i]];
		for (size_t k = 0; k < f->nnotes; k++) {
			if (sova_strmap_get(&seen, f->notes[k]) >= 0) {
				free(f->notes[k]);
				continue;
			}
			sova_strmap_put(&seen, f->notes[k], 1);
			SOVA_PUSH(set->notes, set->nnotes, cap, f->notes[k]);
		}
		f->nnotes = 0;
	}
	sova_strmap_free(&seen);
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

int sova_summaries_finish(struct sova_summaries *set, char *err, size_t errlen)
{
	size_t *order = sova_xcalloc(set->nfiles + 1, sizeof(*order));
	size_t *database = sova_xcalloc(set->nfiles + 1, sizeof(*database));
	order_files(set, order, database);
	int rc = check_coverage(set, order, database, err, errlen);
	if (rc == 0)
		rc = place_tus(set, database, err, errlen);
	if (rc == 0) {
		unite_notes(set, order);
		if (set->ndropped)
			qsort(set->dropped, set->ndropped, sizeof(*set->dropped), compare_strings);
		dedupe_sorted(set->dropped, &set->ndropped);
	}
	free(order);
	free(database);
	return rc;
}

void sova_summaries_free(struct sova_summaries *set)
{
	for (size_t i = 0; i < set->count; i++)
		sova_tu_facts_free(&set->facts[i]);
	free(set->facts);
	free(set->positions);
	free(set->from);
	for (size_t i = 0; i < set->nfiles; i++) {
		struct sova_summaries_file *f = &set->files[i];
		for (size_t k = 0; k < f->nnotes; k++)
			free(f->notes[k]);
		free(f->notes);
		free(f->path);
	}
	free(set->files);
	for (size_t i = 0; i < set->nnotes; i++)
		free(set->notes[i]);
	free(set->notes);
	for (size_t i = 0; i < set->ndropped; i++)
		free(set->dropped[i]);
	free(set->dropped);
	memset(set, 0, sizeof(*set));
}
