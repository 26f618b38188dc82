/* buildinfo.c - stage 1b: Meson's and CMake's description of their targets, read beside the compile database. */
#include "buildinfo.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "jsonpos.h"
#include "util.h"

/* Larger than any real description (glib's intro-targets.json is 300 KB). */
#define MAX_DESCRIPTION_BYTES ((long long)64 << 20)

/* The one error a reader reports: which file, what is wrong. */
struct reader {
	char *note;
	size_t notelen;
	int failed;
};

/* message already names the file and the place: "FILE:LINE:COL: what". */
static int fail_with(struct reader *r, const char *message)
{
	if (!r->failed)
		snprintf(r->note, r->notelen, "%s; link units are inferred from the code instead", message);
	r->failed = 1;
	return -1;
}

static int fail(struct reader *r, const char *file, const char *what)
{
	char message[2048];
	snprintf(message, sizeof(message), "%s: %s", file, what);
	return fail_with(r, message);
}

/* A regular file of a sane size: never a FIFO or a device, which would
 * block or never end. 0 when there is no such file at all. */
static int present(struct reader *r, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	if (!S_ISREG(st.st_mode))
		return fail(r, path, "not a regular file");
	if ((long long)st.st_size > MAX_DESCRIPTION_BYTES)
		return fail(r, path, "larger than 64 MB");
	return 1;
}

static int load(struct reader *r, struct sova_json_doc *doc, const char *path)
{
	memset(doc, 0, sizeof(*doc));
	char err[1024] = "";
	int found = present(r, path);
	if (found != 1 || sova_json_doc_load(doc, path, "build description", err, sizeof(err)) != 0) {
		if (found == 0)
			fail(r, path, "vanished while it was being read");
		else if (err[0])
			fail_with(r, err);
		sova_json_doc_free(doc);
		return -1;
	}
	return 0;
}

/* A source as the compile database names it: absolute and resolved. */
static char *resolved_source(const char *base, const char *path)
{
	char *joined = path[0] == '/' ? sova_xstrdup(path) : sova_xasprintf("%s/%s", base, path);
	char resolved[PATH_MAX];
	if (!realpath(joined, resolved))
		return joined;
	free(joined);
	return sova_xstrdup(resolved);
}

static struct sova_target *add_target(struct sova_build_info *info, const char *name, enum sova_target_kind kind)
{
	struct sova_target t;
	memset(&t, 0, sizeof(t));
	t.name = sova_xstrdup(name);
	t.kind = kind;
	SOVA_PUSH(info->targets, info->ntargets, info->captargets, t);
	return &info->targets[info->ntargets - 1];
}

static void add_source(struct sova_target *t, const char *base, const char *path)
{
	SOVA_PUSH(t->sources, t->nsources, t->capsources, resolved_source(base, path));
}

static const char *string_of(const cJSON *object, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(object, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ---- Meson: meson-info/intro-targets.json ---- */

static int meson_kind(const char *type, enum sova_target_kind *kind)
{
	if (strcmp(type, "executable") == 0)
		*kind = SOVA_TARGET_EXECUTABLE;
	else if (strcmp(type, "static library") == 0 || strcmp(type, "shared library") == 0 ||
		 strcmp(type, "shared module") == 0)
		*kind = SOVA_TARGET_LIBRARY;
	else
		return 0; /* custom and run targets compile nothing */
	return 1;
}

static void meson_sources(struct sova_target *t, const cJSON *groups, const char *base)
{
	const cJSON *group;
	cJSON_ArrayForEach(group, groups)
	{
		static const char *const lists[] = { "sources", "generated_sources" };
		for (size_t l = 0; l < 2; l++) {
			const cJSON *file;
			cJSON_ArrayForEach(file, cJSON_GetObjectItemCaseSensitive(group, lists[l]))
				if (cJSON_IsString(file))
					add_source(t, base, file->valuestring);
		}
	}
}

static int read_meson(struct reader *r, struct sova_build_info *info, const char *dir)
{
	char *path = sova_xasprintf("%s/meson-info/intro-targets.json", dir);
	struct stat st;
	struct sova_json_doc doc;
	if (stat(path, &st) != 0) { /* no Meson here: not an error */
		free(path);
		return 0;
	}
	if (load(r, &doc, path) != 0) {
		free(path);
		return -1;
	}
	if (!cJSON_IsArray(doc.root)) {
		fail(r, path, "not an array of targets");
		sova_json_doc_free(&doc);
		free(path);
		return -1;
	}
	const cJSON *target;
	cJSON_ArrayForEach(target, doc.root)
	{
		const char *name = string_of(target, "name"), *type = string_of(target, "type");
		enum sova_target_kind kind;
		if (!name || !type) {
			fail(r, path, "a target without a name or a type");
			break;
		}
		if (meson_kind(type, &kind))
			meson_sources(add_target(info, name, kind), cJSON_GetObjectItemCaseSensitive(target, "target_sources"),
				      dir);
	}
	sova_json_doc_free(&doc);
	info->origin = "meson";
	info->file = path;
	return r->failed ? -1 : 1;
}

/* ---- CMake: the File API's codemodel, version 2 ---- */

/* The reply index CMake wrote last: of index-*.json, the largest name. */
static char *newest_index(const char *reply)
{
	DIR *d = opendir(reply);
	char *best = NULL;
	for (struct dirent *e; d && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (strncmp(e->d_name, "index-", 6) != 0 || n < 11 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		if (!best || strcmp(e->d_name, best) > 0) {
			free(best);
			best = sova_xstrdup(e->d_name);
		}
	}
	if (d)
		closedir(d);
	return best;
}

/* A reply file named inside the reply folder: a bare file name, so that a
 * planted index cannot send sova to read anything else. */
static char *reply_file(const char *reply, const char *name)
{
	if (!name || !name[0] || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return NULL;
	return sova_xasprintf("%s/%s", reply, name);
}

static const char *codemodel_file(const cJSON *index)
{
	const cJSON *object;
	cJSON_ArrayForEach(object, cJSON_GetObjectItemCaseSensitive(index, "objects"))
	{
		const char *kind = string_of(object, "kind");
		const cJSON *major = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(object, "version"),
								      "major");
		if (kind && strcmp(kind, "codemodel") == 0 && cJSON_IsNumber(major) && major->valuedouble == 2)
			return string_of(object, "jsonFile");
	}
	return NULL;
}

static int cmake_kind(const char *type, enum sova_target_kind *kind)
{
	if (strcmp(type, "EXECUTABLE") == 0)
		*kind = SOVA_TARGET_EXECUTABLE;
	else if (strcmp(type, "STATIC_LIBRARY") == 0 || strcmp(type, "SHARED_LIBRARY") == 0 ||
		 strcmp(type, "MODULE_LIBRARY") == 0 || strcmp(type, "OBJECT_LIBRARY") == 0)
		*kind = SOVA_TARGET_LIBRARY;
	else
		return 0; /* interface libraries and utilities compile nothing */
	return 1;
}

/* One target's file: its kind, its sources, and the ids of what it depends on. */
static int read_cmake_target(struct reader *r, struct sova_build_info *info, const char *path, const char *source_dir,
			     struct sova_strmap *ids, cJSON **deps_out)
{
	struct sova_json_doc doc;
	if (load(r, &doc, path) != 0)
		return -1;
	const char *name = string_of(doc.root, "name"), *type = string_of(doc.root, "type"),
		   *id = string_of(doc.root, "id");
	enum sova_target_kind kind;
	if (!name || !type || !id) {
		sova_json_doc_free(&doc);
		return fail(r, path, "a target without a name, type or id");
	}
	if (cmake_kind(type, &kind)) {
		struct sova_target *t = add_target(info, name, kind);
		const cJSON *src;
		cJSON_ArrayForEach(src, cJSON_GetObjectItemCaseSensitive(doc.root, "sources"))
			if (string_of(src, "path"))
				add_source(t, source_dir, string_of(src, "path"));
		sova_strmap_put(ids, id, (int)info->ntargets - 1);
		*deps_out = cJSON_DetachItemFromObjectCaseSensitive(doc.root, "dependencies");
	}
	sova_json_doc_free(&doc);
	return 0;
}

static void link_dependencies(struct sova_build_info *info, cJSON **deps, const struct sova_strmap *ids)
{
	for (size_t t = 0; t < info->ntargets; t++) {
		const cJSON *dep;
		cJSON_ArrayForEach(dep, deps[t])
		{
			const char *id = string_of(dep, "id");
			int to = id ? sova_strmap_get(ids, id) : -1;
			if (to >= 0 && info->targets[to].kind == SOVA_TARGET_LIBRARY)
				SOVA_PUSH(info->targets[t].links, info->targets[t].nlinks, info->targets[t].caplinks, to);
		}
	}
}

static int read_cmake_targets(struct reader *r, struct sova_build_info *info, const char *reply, const cJSON *model,
			      const char *model_path)
{
	const char *source_dir = string_of(cJSON_GetObjectItemCaseSensitive(model, "paths"), "source");
	const cJSON *config = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(model, "configurations"), 0);
	const cJSON *targets = cJSON_GetObjectItemCaseSensitive(config, "targets");
	if (!source_dir || !cJSON_IsArray(targets))
		return fail(r, model_path, "no source folder or no configuration with targets");
	size_t n = (size_t)cJSON_GetArraySize(targets);
	cJSON **deps = sova_xcalloc(n + 1, sizeof(*deps));
	struct sova_strmap ids;
	sova_strmap_init(&ids);
	const cJSON *entry;
	cJSON_ArrayForEach(entry, targets)
	{
		char *path = reply_file(reply, string_of(entry, "jsonFile"));
		size_t before = info->ntargets;
		int rc = path ? read_cmake_target(r, info, path, source_dir, &ids, &deps[before])
			      : fail(r, model_path, "a target's jsonFile is not a file name in the reply folder");
		free(path);
		if (rc != 0)
			break;
	}
	if (!r->failed)
		link_dependencies(info, deps, &ids);
	for (size_t i = 0; i < n; i++)
		cJSON_Delete(deps[i]);
	free(deps);
	sova_strmap_free(&ids);
	return r->failed ? -1 : 0;
}

static int read_cmake(struct reader *r, struct sova_build_info *info, const char *dir)
{
	char *reply = sova_xasprintf("%s/.cmake/api/v1/reply", dir);
	char *index_name = newest_index(reply);
	if (!index_name) {
		free(reply);
		return 0;
	}
	char *index_path = sova_xasprintf("%s/%s", reply, index_name);
	free(index_name);
	struct sova_json_doc index, model;
	int rc = -1;
	if (load(r, &index, index_path) == 0) {
		char *model_path = reply_file(reply, codemodel_file(index.root));
		if (!model_path)
			fail(r, index_path, "no codemodel version 2 among the replies (ask for it with an empty file "
					    ".cmake/api/v1/query/codemodel-v2 before configuring)");
		else if (load(r, &model, model_path) == 0) {
			rc = read_cmake_targets(r, info, reply, model.root, model_path);
			sova_json_doc_free(&model);
		}
		if (rc == 0) {
			info->origin = "cmake";
			info->file = model_path;
			info->links_known = 1;
			model_path = NULL;
		}
		free(model_path);
		sova_json_doc_free(&index);
	}
	free(index_path);
	free(reply);
	return rc == 0 ? 1 : -1;
}

int sova_build_info_load(struct sova_build_info *out, const char *dir, char *note, size_t notelen)
{
	memset(out, 0, sizeof(*out));
	note[0] = '\0';
	struct reader r = { note, notelen, 0 };
	int rc = read_meson(&r, out, dir);
	if (rc == 0)
		rc = read_cmake(&r, out, dir);
	if (rc < 0) {
		sova_build_info_free(out);
		return -1;
	}
	return 0;
}

void sova_build_info_free(struct sova_build_info *info)
{
	for (size_t t = 0; t < info->ntargets; t++) {
		free(info->targets[t].name);
		for (size_t s = 0; s < info->targets[t].nsources; s++)
			free(info->targets[t].sources[s]);
		free(info->targets[t].sources);
		free(info->targets[t].links);
	}
	free(info->targets);
	free(info->file);
	memset(info, 0, sizeof(*info));
}

static uint64_t hash_string(const char *s, uint64_t h)
{
	return s ? sova_hash(s, strlen(s) + 1, h) : sova_hash("", 0, h ^ 1);
}

uint64_t sova_build_info_hash(const struct sova_build_info *info)
{
	uint64_t h = hash_string(info->origin, 0x6275696c64ULL);
	h = sova_hash(&info->links_known, sizeof(info->links_known), h);
	for (size_t t = 0; t < info->ntargets; t++) {
		const struct sova_target *target = &info->targets[t];
		h = hash_string(target->name, h);
		h = sova_hash(&target->kind, sizeof(target->kind), h);
		for (size_t s = 0; s < target->nsources; s++)
			h = hash_string(target->sources[s], h);
		h = sova_hash(&target->nsources, sizeof(target->nsources), h);
		h = sova_hash(target->links, target->nlinks * sizeof(*target->links), h);
		h = sova_hash(&target->nlinks, sizeof(target->nlinks), h);
	}
	return h;
}
