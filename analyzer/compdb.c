/* compdb.c - stage 1: the list of translation units to analyse and their flags. */
#include "compdb.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonpos.h"
#include "util.h"

void sova_compdb_init(struct sova_compdb *db)
{
	memset(db, 0, sizeof(*db));
	sova_strmap_init(&db->tu_files);
	sova_strmap_init(&db->folder_index);
	sova_strmap_init(&db->known_dirs);
	sova_strmap_init(&db->dropped_index);
}

void sova_tu_cmd_free(struct sova_tu_cmd *tu)
{
	free(tu->file);
	free(tu->directory);
	for (size_t i = 0; i < tu->nargs; i++)
		free(tu->args[i]);
	free(tu->args);
}

static uint64_t hash_string(const char *s, uint64_t seed)
{
	return sova_hash(s, strlen(s) + 1, seed); /* the NUL keeps "a","bc" from "ab","c" */
}

uint64_t sova_compdb_id(const struct sova_compdb *db)
{
	uint64_t id = sova_hash(&db->ntus, sizeof(db->ntus), 0);
	for (size_t i = 0; i < db->ntus; i++) {
		const struct sova_tu_cmd *tu = &db->tus[i];
		id = hash_string(tu->file, hash_string(tu->directory, id));
		id = sova_hash(&tu->nargs, sizeof(tu->nargs), id);
		for (size_t k = 0; k < tu->nargs; k++)
			id = hash_string(tu->args[k], id);
	}
	return id;
}

void sova_compdb_free(struct sova_compdb *db)
{
	for (size_t i = 0; i < db->ntus; i++)
		sova_tu_cmd_free(&db->tus[i]);
	for (size_t i = 0; i < db->nnotes; i++)
		free(db->notes[i]);
	free(db->tus);
	free(db->notes);
	free(db->path);
	free(db->first_assembly);
	for (size_t i = 0; i < db->nfolders; i++) {
		free(db->folders[i]);
		sova_strmap_free(&db->listings[i]);
	}
	free(db->folders);
	free(db->listings);
	sova_strmap_free(&db->tu_files);
	sova_strmap_free(&db->folder_index);
	sova_strmap_free(&db->known_dirs);
	for (size_t i = 0; i < db->ndropped; i++) {
		free(db->dropped[i].origin);
		free(db->dropped[i].text);
		free(db->dropped[i].first_file);
		free(db->dropped[i].last_file);
	}
	free(db->dropped);
	sova_strmap_free(&db->dropped_index);
	memset(db, 0, sizeof(*db));
}

/* realpath() of a folder, remembered; NULL when it does not resolve.
 * *index receives its place in db->folders. */
static const char *resolved_folder(struct sova_compdb *db, const char *folder, int *index)
{
	int i = sova_strmap_get(&db->folder_index, folder);
	if (i < 0) {
		char resolved[PATH_MAX];
		SOVA_PUSH(db->folders, db->nfolders, db->capfolders,
			  realpath(folder, resolved) ? sova_xstrdup(resolved) : NULL);
		db->listings = sova_xrealloc(db->listings, db->capfolders, sizeof(*db->listings));
		db->listings[db->nfolders - 1] = (struct sova_strmap){ 0 };
		i = (int)db->nfolders - 1;
		sova_strmap_put(&db->folder_index, folder, i);
	}
	*index = i;
	return db->folders[i];
}

/* What a name in a resolved folder is (DT_REG, DT_LNK, ...), or -1 when the
 * folder has no such name. The folder is read once: looking each file up
 * from the root again costs a path walk per file. */
static int name_type(struct sova_compdb *db, int folder, const char *name)
{
	struct sova_strmap *listing = &db->listings[folder];
	if (!listing->cap) {
		sova_strmap_put(listing, ".", DT_DIR); /* marks the folder as read */
		DIR *d = opendir(db->folders[folder]);
		for (struct dirent *e; d && (e = readdir(d));)
			sova_strmap_put(listing, e->d_name, e->d_type);
		if (d)
			closedir(d);
	}
	return sova_strmap_get(listing, name);
}

/* Returns a malloc'd absolute, normalised path of file relative to dir:
 * what realpath() gives, or the joined path when that fails. The folder
 * part is resolved once per folder, the last part from the folder's
 * listing. */
static char *absolute_path(struct sova_compdb *db, const char *dir, const char *file)
{
	char *joined = file[0] == '/' ? sova_xstrdup(file) : sova_xasprintf("%s/%s", dir, file);
	char *slash = strrchr(joined, '/');
	const char *base = slash + 1;
	int index;
	if (slash == joined || !*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		/* A folder itself: "." is every entry's own directory. */
		const char *folder = resolved_folder(db, joined, &index);
		if (!folder)
			return joined;
		free(joined);
		return sova_xstrdup(folder);
	}
	*slash = '\0';
	const char *folder = resolved_folder(db, joined, &index);
	*slash = '/';
	int type = folder ? name_type(db, index, base) : -1;
	if (type < 0)
		return joined;
	char resolved[PATH_MAX];
	if (type == DT_LNK || type == DT_UNKNOWN) {
		if (!realpath(joined, resolved))
			return joined;
		free(joined);
		return sova_xstrdup(resolved);
	}
	char *path = sova_xasprintf("%s/%s", strcmp(folder, "/") == 0 ? "" : folder, base);
	free(joined);
	return path;
}

static void add_note(struct sova_compdb *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_note(struct sova_compdb *db, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[1024];
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	SOVA_PUSH(db->notes, db->nnotes, db->capnotes, sova_xstrdup(buf));
}

static int same_file(struct sova_compdb *db, const char *dir, const char *arg, const char *abs_file)
{
	char *abs_arg = absolute_path(db, dir, arg);
	int same = strcmp(abs_arg, abs_file) == 0;
	free(abs_arg);
	return same;
}

/* Flags whose operand is a path, relative to the compile's directory. */
static const char *const path_flags[] = {
	"-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-isysroot", "--sysroot", "-F",
	"-iwithprefix", "-iprefix", "-include-pch", "-ivfsoverlay", NULL,
};

static char *absolute_operand(const char *dir, const char *operand)
{
	if (operand[0] == '/' || operand[0] == '\0' || operand[0] == '=')
		return sova_xstrdup(operand);
	return sova_xasprintf("%s/%s", dir, operand);
}

/* Makes a path-taking flag absolute, so that libclang need not run in the
 * compile's directory: clang's -working-directory changes the whole
 * process's directory, which parallel parses cannot share. Returns the
 * number of arguments it took (0 when args[i] is no such flag). */
static size_t push_path_flag(struct sova_tu_cmd *tu, char *const *args, size_t nargs, size_t i)
{
	for (size_t k = 0; path_flags[k]; k++) {
		size_t n = strlen(path_flags[k]);
		if (strncmp(args[i], path_flags[k], n) != 0)
			continue;
		if (args[i][n] == '\0' && i + 1 < nargs) {
			SOVA_PUSH(tu->args, tu->nargs, tu->capargs, sova_xstrdup(args[i]));
			SOVA_PUSH(tu->args, tu->nargs, tu->capargs, absolute_operand(tu->directory, args[i + 1]));
			return 2;
		}
		if (args[i][n] != '\0' && (n == 2 || args[i][n] == '=')) {
			const char *operand = args[i] + n + (args[i][n] == '=');
			char *abs = absolute_operand(tu->directory, operand);
			SOVA_PUSH(tu->args, tu->nargs, tu->capargs,
				  sova_xasprintf("%.*s%s%s", (int)n, args[i], args[i][n] == '=' ? "=" : "", abs));
			free(abs);
			return 1;
		}
	}
	return 0;
}

/* Counts a dropped flag toward its one note. */
static void note_dropped(struct sova_compdb *db, const char *origin, const char *text, const char *why,
			 const char *file)
{
	char *key = sova_xasprintf("%s\n%s\n%s", origin, text, why ? why : "");
	int i = sova_strmap_get(&db->dropped_index, key);
	if (i < 0) {
		struct sova_dropped_flag d = { sova_xstrdup(origin), sova_xstrdup(text), why, sova_xstrdup(file), NULL, 0 };
		i = (int)db->ndropped;
		SOVA_PUSH(db->dropped, db->ndropped, db->capdropped, d);
		sova_strmap_put(&db->dropped_index, key, i);
	}
	/* Files, not flags: one entry may carry a flag twice. */
	struct sova_dropped_flag *d = &db->dropped[i];
	if (!d->last_file || strcmp(d->last_file, file) != 0) {
		d->count++;
		free(d->last_file);
		d->last_file = sova_xstrdup(file);
	}
	free(key);
}

/* The notes of the flags dropped so far, in the order first met. */
static void flush_dropped(struct sova_compdb *db)
{
	for (size_t i = 0; i < db->ndropped; i++) {
		const struct sova_dropped_flag *d = &db->dropped[i];
		char others[64] = "";
		if (d->count > 1)
			snprintf(others, sizeof(others), " and %zu other file%s", d->count - 1, d->count > 2 ? "s" : "");
		if (d->why)
			add_note(db, "%s: dropped '%s' for %s%s, since it %s", d->origin, d->text, d->first_file, others,
				 d->why);
		else
			add_note(db, "%s: %s (for %s%s)", d->origin, d->text, d->first_file, others);
		free(d->origin);
		free(d->text);
		free(d->first_file);
		free(d->last_file);
	}
	free(db->dropped);
	db->dropped = NULL;
	db->ndropped = db->capdropped = 0;
	sova_strmap_free(&db->dropped_index);
	sova_strmap_init(&db->dropped_index);
}

/* The flags of a dropped group of options, as one string. */
static char *group_text(char *const *args, const struct sova_flag *opts, size_t nopts, size_t group)
{
	char *text = NULL;
	for (size_t k = group; k < nopts; k++) {
		if (opts[k].verdict != SOVA_FLAG_DROP || opts[k].group != group)
			continue;
		for (size_t a = opts[k].first; a < opts[k].first + opts[k].count; a++) {
			char *longer = text ? sova_xasprintf("%s %s", text, args[a]) : sova_xstrdup(args[a]);
			free(text);
			text = longer;
		}
	}
	return text;
}

/* Adds one kept option's arguments to the TU's flags: the source file
 * itself is left out, and path operands are made absolute. */
static void keep_option(struct sova_compdb *db, struct sova_tu_cmd *tu, char *const *args, const struct sova_flag *o)
{
	size_t end = o->first + o->count;
	for (size_t i = o->first; i < end;) {
		if (args[i][0] != '-' && same_file(db, tu->directory, args[i], tu->file)) {
			i++;
			continue;
		}
		size_t taken = push_path_flag(tu, args, end, i);
		if (!taken) {
			SOVA_PUSH(tu->args, tu->nargs, tu->capargs, sova_xstrdup(args[i]));
			taken = 1;
		}
		i += taken;
	}
}

/* Keeps the flags of one compile that matter to parsing, judged by what
 * they make libclang do (flags.h). args[0] is the compiler. */
static void filter_args(struct sova_compdb *db, struct sova_tu_cmd *tu, char *const *args, size_t nargs,
			const char *origin)
{
	size_t nexpanded, nopts;
	char *problem;
	char **expanded = sova_flags_expand(args + 1, nargs ? nargs - 1 : 0, tu->directory, &nexpanded, &problem);
	if (problem)
		note_dropped(db, origin, problem, NULL, tu->file);
	free(problem);
	struct sova_flag *opts = sova_flags_judge(expanded, nexpanded, tu->directory, &nopts);
	for (size_t k = 0; k < nopts; k++) {
		if (opts[k].verdict == SOVA_FLAG_DROP && opts[k].group == k) {
			char *text = group_text(expanded, opts, nopts, k);
			note_dropped(db, origin, text, opts[k].why, tu->file);
			free(text);
		} else if (opts[k].verdict == SOVA_FLAG_KEEP) {
			keep_option(db, tu, expanded, &opts[k]);
		}
	}
	free(opts);
	sova_free_strings(expanded, nexpanded);
}

static int string_member(struct sova_json_doc *r, const cJSON *entry, const char *key, const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(entry, key);
	if (!v)
		return sova_json_error(r, "entry lacks the \"%s\" field", key);
	if (!cJSON_IsString(v)) {
		sova_json_enter_key(r, key);
		return sova_json_error(r, "\"%s\" must be a string", key);
	}
	*out = v->valuestring;
	return 0;
}

/* Returns the entry's argv from "arguments" or "command". */
static int entry_argv(struct sova_json_doc *r, const cJSON *entry, char ***argv, size_t *argc)
{
	const cJSON *arguments = cJSON_GetObjectItemCaseSensitive(entry, "arguments");
	if (arguments) {
		sova_json_enter_key(r, "arguments");
		if (!cJSON_IsArray(arguments) || cJSON_GetArraySize(arguments) == 0)
			return sova_json_error(r, "\"arguments\" must be a non-empty array of strings");
		size_t cap = 0;
		*argv = NULL;
		*argc = 0;
		for (const cJSON *a = arguments->child; a; a = a->next) {
			if (!cJSON_IsString(a)) {
				sova_free_strings(*argv, *argc);
				sova_json_enter_index(r, (int)*argc);
				return sova_json_error(r, "\"arguments\" must hold only strings");
			}
			SOVA_PUSH(*argv, *argc, cap, sova_xstrdup(a->valuestring));
		}
		sova_json_leave(r);
		return 0;
	}
	const char *command = NULL;
	if (!cJSON_HasObjectItem(entry, "command"))
		return sova_json_error(r, "entry has neither \"arguments\" nor \"command\"");
	if (string_member(r, entry, "command", &command) != 0)
		return -1;
	if (sova_shell_split(command, argv, argc) != 0 || *argc == 0) {
		sova_json_enter_key(r, "command");
		return sova_json_error(r, "\"command\" is empty or has an unterminated quote");
	}
	return 0;
}

static int directory_exists(struct sova_compdb *db, const char *dir)
{
	int known = sova_strmap_get(&db->known_dirs, dir);
	if (known >= 0)
		return known;
	struct stat st;
	int exists = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	sova_strmap_put(&db->known_dirs, dir, exists);
	return exists;
}

/* Returns 1 when file is a TU already; otherwise notes it as one. */
static int tu_seen(struct sova_compdb *db, const char *file)
{
	if (sova_strmap_get(&db->tu_files, file) >= 0)
		return 1;
	sova_strmap_put(&db->tu_files, file, 1);
	return 0;
}

/* Assembly (.s, .S, .sx, .asm): compile databases list it beside the C,
 * and libclang would parse it as C and report errors that are not there. */
static int assembly_file(const char *file)
{
	static const char *const endings[] = { ".s", ".S", ".sx", ".asm" };
	return sova_file_ends_in(file, endings, sizeof(endings) / sizeof(endings[0]));
}

static int read_entry(struct sova_json_doc *r, struct sova_compdb *db, const cJSON *entry)
{
	if (!cJSON_IsObject(entry))
		return sova_json_error(r, "each entry must be an object");
	const char *dir = NULL, *file = NULL;
	if (string_member(r, entry, "directory", &dir) != 0 || string_member(r, entry, "file", &file) != 0)
		return -1;
	if (dir[0] != '/' || !directory_exists(db, dir)) {
		sova_json_enter_key(r, "directory");
		return sova_json_error(r, "\"directory\" '%s' is not an existing absolute directory", dir);
	}
	char **argv;
	size_t argc;
	if (entry_argv(r, entry, &argv, &argc) != 0)
		return -1;
	if (assembly_file(file)) {
		if (!db->nassembly++)
			db->first_assembly = absolute_path(db, dir, file);
		sova_free_strings(argv, argc);
		return 0;
	}
	struct sova_tu_cmd tu = { .file = absolute_path(db, dir, file), .directory = absolute_path(db, dir, ".") };
	if (tu_seen(db, tu.file)) {
		/* A file compiled twice (two configurations) is analysed once, as its first entry says. */
		sova_tu_cmd_free(&tu);
	} else {
		filter_args(db, &tu, argv, argc, r->path);
		SOVA_PUSH(db->tus, db->ntus, db->captus, tu);
	}
	sova_free_strings(argv, argc);
	return 0;
}

static int read_compdb(struct sova_json_doc *r, struct sova_compdb *db, const cJSON *root)
{
	if (!cJSON_IsArray(root))
		return sova_json_error(r, "a compile database must be a JSON array of entries");
	int i = 0;
	for (const cJSON *entry = root->child; entry; entry = entry->next, i++) {
		sova_json_enter_index(r, i);
		if (read_entry(r, db, entry) != 0)
			return -1;
		sova_json_leave(r);
	}
	return 0;
}

int sova_compdb_load(struct sova_compdb *db, const char *path, char *err, size_t errlen)
{
	struct stat st;
	char *file = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? sova_xasprintf("%s/compile_commands.json", path)
								   : sova_xstrdup(path);
	free(db->path);
	db->path = file;
	struct sova_json_doc doc;
	int rc = sova_json_doc_load(&doc, file, "compile database", err, errlen);
	if (rc == 0)
		rc = read_compdb(&doc, db, doc.root);
	flush_dropped(db);
	if (rc == 0 && db->nassembly)
		add_note(db, "%s: skipped %zu assembly file%s (%s%s): sova analyses C", file, db->nassembly,
			 db->nassembly == 1 ? "" : "s", db->first_assembly, db->nassembly > 1 ? ", ..." : "");
	sova_json_doc_free(&doc);
	return rc;
}

/* Flags from the command line carry no compiler name: filtering starts
 * after a stand-in argv[0]. The caller frees the array, not the flags. */
static char **command_line_argv(char *const *flags, size_t nflags)
{
	char **argv = sova_xcalloc(nflags + 2, sizeof(*argv));
	argv[0] = "cc";
	for (size_t k = 0; k < nflags; k++)
		argv[k + 1] = flags[k];
	return argv;
}

/* Judges flags from the command line for tu, after its own. */
static void add_command_line_flags(struct sova_compdb *db, struct sova_tu_cmd *tu, char *const *flags, size_t nflags)
{
	char **argv = command_line_argv(flags, nflags);
	filter_args(db, tu, argv, nflags + 1, "command line");
	free(argv);
}

void sova_compdb_add_flags(struct sova_compdb *db, char *const *before, size_t nbefore, char *const *after,
			   size_t nafter)
{
	for (size_t t = 0; nbefore && t < db->ntus; t++) {
		struct sova_tu_cmd *tu = &db->tus[t];
		struct sova_tu_cmd front = { .file = tu->file, .directory = tu->directory };
		add_command_line_flags(db, &front, before, nbefore);
		for (size_t k = 0; k < tu->nargs; k++)
			SOVA_PUSH(front.args, front.nargs, front.capargs, tu->args[k]);
		free(tu->args);
		tu->args = front.args;
		tu->nargs = front.nargs;
		tu->capargs = front.capargs;
	}
	for (size_t t = 0; nafter && t < db->ntus; t++)
		add_command_line_flags(db, &db->tus[t], after, nafter);
	flush_dropped(db);
}

static int check_source_file(const char *file, char *err, size_t errlen)
{
	struct stat st;
	if (stat(file, &st) != 0) {
		snprintf(err, errlen, "%s: no such file", file);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory, not a source file", file);
		return -1;
	}
	if (access(file, R_OK) != 0) {
		snprintf(err, errlen, "%s: cannot be read", file);
		return -1;
	}
	return 0;
}

int sova_compdb_add_files(struct sova_compdb *db, char *const *files, size_t nfiles, char *err, size_t errlen)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof(cwd))) {
		snprintf(err, errlen, "cannot determine the working directory");
		return -1;
	}
	for (size_t i = 0; i < nfiles; i++) {
		if (check_source_file(files[i], err, errlen) != 0)
			return -1;
		struct sova_tu_cmd tu = { .file = absolute_path(db, cwd, files[i]), .directory = sova_xstrdup(cwd) };
		if (tu_seen(db, tu.file))
			sova_tu_cmd_free(&tu);
		else
			SOVA_PUSH(db->tus, db->ntus, db->captus, tu);
	}
	return 0;
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* How many leading folders the folders of two absolute paths share. */
static size_t shared_folders(const char *a, const char *b)
{
	size_t a_dir = (size_t)(strrchr(a, '/') - a), b_dir = (size_t)(strrchr(b, '/') - b);
	size_t shared = 0;
	for (size_t i = 0; i <= a_dir && i <= b_dir; i++) {
		char ca = i < a_dir ? a[i] : '/', cb = i < b_dir ? b[i] : '/'; /* a folder ends as at a slash */
		if (ca != cb)
			break;
		shared += ca == '/';
	}
	return shared;
}

long sova_compdb_interpolate(struct sova_compdb *db, const char *file)
{
	long best = -1;
	size_t best_folders = 0, best_name = 0;
	const char *name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	for (size_t t = 0; t < db->ntus; t++) {
		const char *other = db->tus[t].file;
		const char *other_name = strrchr(other, '/') ? strrchr(other, '/') + 1 : other;
		size_t folders = file[0] == '/' && other[0] == '/' ? shared_folders(file, other) : 0;
		size_t same_name = common_prefix(name, other_name);
		if (best < 0 || folders > best_folders || (folders == best_folders && same_name > best_name)) {
			best = (long)t;
			best_folders = folders;
			best_name = same_name;
		}
	}
	if (best < 0)
		return -1;
	const struct sova_tu_cmd *from = &db->tus[best];
	struct sova_tu_cmd tu = { .file = sova_xstrdup(file), .directory = sova_xstrdup(from->directory) };
	for (size_t k = 0; k < from->nargs; k++)
		SOVA_PUSH(tu.args, tu.nargs, tu.capargs, sova_xstrdup(from->args[k]));
	SOVA_PUSH(db->tus, db->ntus, db->captus, tu);
	return best;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The compile_commands.json of a cmake-build-* folder of dir, the first by
 * name (CLion's build folders), or NULL. */
static char *cmake_build_compdb(const char *dir)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		if (strncmp(e->d_name, "cmake-build-", 12) == 0)
			SOVA_PUSH(names, n, cap, sova_xstrdup(e->d_name));
	if (d)
		closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), compare_strings);
	char *found = NULL;
	for (size_t i = 0; i < n && !found; i++) {
		char *candidate = sova_xasprintf("%s/%s/compile_commands.json", dir, names[i]);
		if (sova_is_regular_file(candidate))
			found = candidate;
		else
			free(candidate);
	}
	sova_free_strings(names, n);
	return found;
}

/* dir's compile database in the places clangd and clang-tidy users keep
 * one, or NULL. */
static char *compdb_in(const char *dir)
{
	static const char *const places[] = { "", "/build", "/out" };
	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
		char *candidate = sova_xasprintf("%s%s/compile_commands.json", strcmp(dir, "/") == 0 ? "" : dir,
						 places[i]);
		if (sova_is_regular_file(candidate))
			return candidate;
		free(candidate);
	}
	return cmake_build_compdb(dir);
}

char *sova_compdb_find(const char *start, char **looked, char **note)
{
	*looked = *note = NULL;
	size_t ndirs;
	char **dirs = sova_dirs_to_repo_top(start, &ndirs);
	char *found = NULL;
	for (size_t i = 0; i < ndirs && !found && !*note; i++) {
		found = compdb_in(dirs[i]);
		if (found && !sova_owned_by_us_or_root(found)) {
			*note = sova_xasprintf("%s: not used, as it belongs to another user (name it with -p to use it)",
					       found);
			free(found);
			found = NULL;
		}
	}
	if (!found && ndirs)
		*looked = ndirs == 1 ? sova_xasprintf("%s (and its build/, out/ and cmake-build-*/)", dirs[0])
				     : sova_xasprintf("%s and each folder above it up to %s, the repository's top (and "
						      "their build/, out/ and cmake-build-*/)",
						      dirs[0], dirs[ndirs - 1]);
	sova_free_strings(dirs, ndirs);
	return found;
}
