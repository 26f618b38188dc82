/* test_units.c - unit tests of the stages that need no parse: models,
 * JSON positions, the compile database and shell splitting.
 *
 * Usage: test_units BUNDLED_MODELS_DIR. Prints "N passed, M failed". */
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compdb.h"
#include "facts_json.h"
#include "facts_bin.h"
#include "filehash.h"
#include "flags.h"
#include "includes.h"
#include "cache.h"
#include "cachepack.h"
#include "jsonpos.h"
#include "models.h"
#include "output.h"
#include "suppress.h"
#include "util.h"

static int passed, failed;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (cond) {                                                          \
			passed++;                                                    \
		} else {                                                             \
			failed++;                                                    \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                    \
	} while (0)

static char tmpdir[] = "/tmp/sova-units-XXXXXX";

/* Writes text to a file in the test's temporary folder; returns its path. */
static char *write_tmp(const char *name, const char *text)
{
	char *path = sova_xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads a model from text; returns the loader's status and its error. */
static int load_model_text(const char *text, char *err, size_t errlen)
{
	struct sova_models m;
	sova_models_init(&m);
	char *path = write_tmp("model.json", text);
	err[0] = '\0';
	int rc = sova_models_load_file(&m, path, 1, err, errlen);
	sova_models_free(&m);
	free(path);
	return rc;
}

/* The error must name the file, then line:col, then contain `what`. */
static void expect_model_error(const char *text, const char *where, const char *what)
{
	char err[512];
	CHECK(load_model_text(text, err, sizeof(err)) == -1);
	char *prefix = sova_xasprintf("%s/model.json:%s: ", tmpdir, where);
	int ok = strncmp(err, prefix, strlen(prefix)) == 0 && strstr(err, what);
	if (!ok)
		fprintf(stderr, "  got: %s\n  want: %s...%s\n", err, prefix, what);
	CHECK(ok);
	free(prefix);
}

static void test_bundled_models(const char *dir)
{
	struct sova_models m;
	char err[512];
	sova_models_init(&m);
	CHECK(sova_models_load_dir(&m, dir, err, sizeof(err)) == 0);
	const struct sova_api_fn *submit = sova_models_lookup(&m, "fut_submit");
	CHECK(submit && submit->role == SOVA_API_SUBMIT && submit->work_arg == 1 && submit->executor_arg == 0 &&
	      submit->context_arg == 2 && submit->returns_future);
	const struct sova_api_fn *then = sova_models_lookup(&m, "fut_then");
	CHECK(then && then->role == SOVA_API_CONTINUATION && then->work_arg == 2 && then->context_param == 1);
	const struct sova_api_fn *wait_for = sova_models_lookup(&m, "fut_wait_for");
	CHECK(wait_for && wait_for->role == SOVA_API_WAIT && wait_for->bounded);
	const struct sova_api_fn *all = sova_models_lookup(&m, "fut_wait_all");
	CHECK(all && all->joins_array && !all->bounded);
	const struct sova_api_fn *serial = sova_models_lookup(&m, "fut_serial_new");
	CHECK(serial && serial->role == SOVA_API_EXECUTOR && serial->kind == SOVA_EXEC_SERIAL);
	CHECK(sova_models_is_future_type(&m, "fut_future"));
	CHECK(!sova_models_is_future_type(&m, "fut_promise"));
	CHECK(sova_models_lookup(&m, "fut_is_ready")->role == SOVA_API_READY_CHECK);
	CHECK(sova_models_lookup(&m, "printf") == NULL);
	sova_models_free(&m);
}

static void test_user_model_overrides(void)
{
	struct sova_models m;
	char err[512];
	sova_models_init(&m);
	char *a = write_tmp("a.json", "{\"model\":\"a\",\"waits\":[{\"function\":\"w\",\"future_arg\":0}]}");
	char *b = write_tmp("b.json", "{\"model\":\"b\",\"waits\":[{\"function\":\"w\",\"future_arg\":1,\"bounded\":true}],"
				      "\"blocking\":[{\"function\":\"sleep\"}]}");
	CHECK(sova_models_load_file(&m, a, 1, err, sizeof(err)) == 0);
	CHECK(sova_models_load_file(&m, b, 1, err, sizeof(err)) == 0);
	/* The newest model's entry comes first; the older one stays for the TUs only it applies to. */
	const struct sova_api_fn *w = sova_models_lookup_role(&m, "w", SOVA_API_WAIT);
	CHECK(w && w->future_arg == 1 && w->bounded && strcmp(m.models[w->model].name, "b") == 0);
	CHECK(w && w->next >= 0 && strcmp(m.models[m.fns[w->next].model].name, "a") == 0);
	CHECK(sova_models_lookup(&m, "sleep")->role == SOVA_API_BLOCKING);
	CHECK(m.nfns == 3);
	sova_models_free(&m);
	free(a);
	free(b);
}

static void test_malformed_models(void)
{
	expect_model_error("{\"model\": \"x\",\n  \"waits\": [ {\"function\": \"f\",, } ]\n}", "2:32", "not valid JSON");
	expect_model_error("", "1:1", "not valid JSON");
	expect_model_error("[1, 2]", "1:1", "must be a JSON object");
	expect_model_error("{\"waits\": []}", "1:1", "non-empty string 'model'");
	expect_model_error("{\"model\": 3}", "1:11", "non-empty string 'model'");
	expect_model_error("{\"model\": \"x\",\n\"wait\": []}", "2:9", "unknown key 'wait'");
	expect_model_error("{\"model\": \"x\", \"waits\": {}}", "1:25", "'waits' must be an array");
	expect_model_error("{\"model\": \"x\", \"waits\": [3]}", "1:26", "must be an object");
	expect_model_error("{\"model\": \"x\",\n \"submit\": [\n  {\"function\": \"s\", \"work_arg\": -1}]}", "3:33",
			   "'work_arg' must be an argument index");
	expect_model_error("{\"model\": \"x\", \"submit\": [{\"function\": \"s\", \"work_arg\": 1.5}]}", "1:57",
			   "'work_arg' must be an argument index");
	expect_model_error("{\"model\": \"x\", \"submit\": [{\"function\": \"s\"}]}", "1:27",
			   "needs \"work_arg\", \"handle_arg\" or \"waits\"");
	expect_model_error("{\"model\": \"x\", \"waits\": [{\"function\": \"w\", \"bounded\": \"yes\"}]}", "1:55",
			   "'bounded' must be true or false");
	expect_model_error("{\"model\": \"x\", \"executors\": [{\"function\": \"e\", \"kind\": \"queue\"}]}", "1:56",
			   "'kind' must be \"pool\", \"serial\" or \"loop\"");
	expect_model_error("{\"model\": \"x\", \"waits\": [{\"function\": \"\"}]}", "1:39", "'function' must be a non-empty");
	expect_model_error("{\"model\": \"x\", \"waits\": [{\"function\": \"w\", \"futur_arg\": 0}]}", "1:57",
			   "unknown key 'futur_arg'");
	expect_model_error("{\"model\": \"x\", \"waits\": [{\"function\": \"w\",\n \"function\": \"v\"}]}", "2:14",
			   "'function' is given twice");
	expect_model_error("{\"model\": \"x\", \"waits\": [],\n\"waits\": []}", "2:10", "'waits' is given twice");
	expect_model_error("{\"model\": \"x\", \"future_types\": [\"a\", 7]}", "1:38", "'future_types' entries");
	expect_model_error("{\"model\": \"x\", \"waits\": [{\"function\": \"w\", \"future_arg\": 0, \"implicit_executor\": \"q\"}]}",
			   "1:26", "either \"future_arg\" or \"implicit_executor\"");
	expect_model_error("{\"model\": \"x\", \"submit\": [{\"function\": \"s\", \"work_arg\": 0, \"implicit_kind\": \"pool\"}]}",
			   "1:27", "'implicit_kind' needs \"implicit_executor\"");
	expect_model_error("{\"model\": \"x\", \"completions\": [{\"function\": \"c\"}]}", "1:32",
			   "lacks required key 'promise_arg'");
	char err[512];
	CHECK(load_model_text("{\"model\": \"ok\", \"description\": \"d\", \"future_types\": [\"t\"]}", err, sizeof(err)) == 0);
	CHECK(load_model_text("{\"model\": \"ok\", \"waits\": [{\"function\": \"flush\", \"implicit_executor\": \"q\", "
			      "\"drains\": true}]}",
			      err, sizeof(err)) == 0);
	struct sova_models m;
	sova_models_init(&m);
	CHECK(sova_models_load_file(&m, "/nonexistent/model.json", 1, err, sizeof(err)) == -1);
	CHECK(strstr(err, "/nonexistent/model.json: cannot read model") == err);
	CHECK(sova_models_load_dir(&m, "/nonexistent", err, sizeof(err)) == -1);
	sova_models_free(&m);
}

static void test_json_positions(void)
{
	const char *text = "{\n  \"a\": [1, {\"b\": \"x\\\"}\"}],\n  \"c\": {\"d\": [[], 2]}\n}";
	size_t len = strlen(text);
	unsigned line, col;
	struct sova_json_step p1[] = { { "a", 0 }, { NULL, 1 }, { "b", 0 } };
	sova_json_linecol(text, len, sova_json_locate(text, len, p1, 3), &line, &col);
	CHECK(line == 2 && col == 18);
	struct sova_json_step p2[] = { { "c", 0 }, { "d", 0 }, { NULL, 1 } };
	sova_json_linecol(text, len, sova_json_locate(text, len, p2, 3), &line, &col);
	CHECK(line == 3 && col == 19);
	struct sova_json_step p3[] = { { "zz", 0 } };
	CHECK(sova_json_locate(text, len, p3, 1) == 0);
	/* Deep nesting is skipped by counting, not recursion. */
	size_t deep = 200000;
	char *big = sova_xmalloc(2 * deep + 32);
	size_t n = (size_t)sprintf(big, "{\"x\": ");
	memset(big + n, '[', deep);
	memset(big + n + deep, ']', deep);
	strcpy(big + n + 2 * deep, ", \"y\": 1}");
	struct sova_json_step p4[] = { { "y", 0 } };
	CHECK(sova_json_locate(big, strlen(big), p4, 1) == strlen(big) - 2);
	free(big);
}

/* Integer constants of any size survive the cache and extract/link exactly. */
static void test_facts_large_constants(void)
{
	static const long nums[] = { LONG_MAX, LONG_MIN, 9007199254740993L, -9007199254740992L, 0, -1 };
	const size_t n = sizeof(nums) / sizeof(nums[0]);
	struct sova_val args[sizeof(nums) / sizeof(nums[0])] = { 0 };
	for (size_t i = 0; i < n; i++)
		args[i] = (struct sova_val){ .kind = SOVA_VAL_INT, .num = nums[i] };
	const char *file = "/src/a.c";
	struct sova_call call = { .loc = { 0, 1, 1, 1, 2 }, .callee_usr = "c:@F@f", .callee_name = "f",
				  .args = args, .nargs = n };
	struct sova_func fn = { .usr = "c:@F@g", .name = "g", .loc = { 0, 1, 1, 1, 2 }, .calls = &call, .ncalls = 1 };
	struct sova_tu_facts facts = { .main_file = file, .files = &file, .nfiles = 1, .funcs = &fn, .nfuncs = 1 };
	cJSON *json = sova_facts_to_json(&facts);
	struct sova_tu_facts back;
	memset(&back, 0, sizeof(back));
	CHECK(json && sova_facts_from_json(json, &back) == 0);
	CHECK(back.nfuncs == 1 && back.funcs[0].ncalls == 1 && back.funcs[0].calls[0].nargs == n);
	for (size_t i = 0; back.nfuncs == 1 && back.funcs[0].ncalls == 1 && i < back.funcs[0].calls[0].nargs; i++)
		CHECK(back.funcs[0].calls[0].args[i].num == nums[i]);
	cJSON_Delete(json);
	sova_tu_facts_free(&back);

	/* And through the cache's binary entries. */
	struct sova_bin_writer w;
	sova_bin_writer_init(&w);
	sova_bin_put_uint(&w, 0); /* no dependencies */
	sova_bin_put_uint(&w, 0); /* no paths searched before a header */
	sova_bin_put_facts(&w, &facts);
	size_t len;
	unsigned char *entry = sova_bin_writer_finish(&w, &len);
	CHECK(sova_cache_decode_entry(NULL, entry, len, &back) == 1);
	CHECK(back.nfuncs == 1 && back.funcs[0].ncalls == 1 && back.funcs[0].calls[0].nargs == n);
	for (size_t i = 0; back.nfuncs == 1 && back.funcs[0].ncalls == 1 && i < back.funcs[0].calls[0].nargs; i++)
		CHECK(back.funcs[0].calls[0].args[i].num == nums[i]);
	CHECK(back.nfuncs == 1 && strcmp(back.funcs[0].calls[0].callee_usr, "c:@F@f") == 0);
	sova_tu_facts_free(&back);
	/* Every proper prefix of an entry is rejected, never half read. */
	for (size_t cut = 0; cut < len; cut++)
		CHECK(sova_cache_decode_entry(NULL, entry, cut, &back) == 0 && back.nfuncs == 0);
	free(entry);
}

static void test_shell_split(void)
{
	char **argv;
	size_t argc;
	CHECK(sova_shell_split("cc -DX=\"a b\" 'c d' e\\ f -I/x", &argv, &argc) == 0);
	CHECK(argc == 5 && strcmp(argv[1], "-DX=a b") == 0 && strcmp(argv[2], "c d") == 0 &&
	      strcmp(argv[3], "e f") == 0 && strcmp(argv[4], "-I/x") == 0);
	for (size_t i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	CHECK(sova_shell_split("cc 'open", &argv, &argc) == -1);
	CHECK(sova_shell_split("cc \"open", &argv, &argc) == -1);
}

static void expect_compdb_error(const char *text, const char *where, const char *what)
{
	struct sova_compdb db;
	char err[1024];
	sova_compdb_init(&db);
	char *path = write_tmp("compile_commands.json", text);
	CHECK(sova_compdb_load(&db, tmpdir, err, sizeof(err)) == -1);
	char *prefix = sova_xasprintf("%s:%s: ", path, where);
	int ok = strncmp(err, prefix, strlen(prefix)) == 0 && strstr(err, what);
	if (!ok)
		fprintf(stderr, "  got: %s\n  want: %s...%s\n", err, prefix, what);
	CHECK(ok);
	free(prefix);
	free(path);
	sova_compdb_free(&db);
}

static void test_compdb(void)
{
	char *src = write_tmp("a.c", "int x;\n");
	char *text = sova_xasprintf(
		"[{\"directory\": \"%s\", \"file\": \"a.c\", \"command\": \"cc -c -o a.o -DA=1 -Iinc a.c "
		"-fplugin=/tmp/evil.so -Xclang -load -Xclang /tmp/evil.so -MD -MF a.d\"},\n"
		" {\"directory\": \"%s\", \"file\": \"%s\", \"arguments\": [\"cc\", \"-DB\", \"-c\", \"a.c\"]}]",
		tmpdir, tmpdir, src);
	free(write_tmp("compile_commands.json", text));
	struct sova_compdb db;
	char err[1024];
	sova_compdb_init(&db);
	CHECK(sova_compdb_load(&db, tmpdir, err, sizeof(err)) == 0);
	CHECK(db.ntus == 1); /* the same file twice is analysed once */
	char *inc = sova_xasprintf("-I%s/inc", tmpdir);
	CHECK(db.ntus == 1 && db.tus[0].nargs == 2 && strcmp(db.tus[0].args[0], "-DA=1") == 0 &&
	      strcmp(db.tus[0].args[1], inc) == 0); /* relative to the compile's directory, made absolute */
	free(inc);
	CHECK(db.nnotes == 2 && strstr(db.notes[0], "-fplugin=/tmp/evil.so") && strstr(db.notes[1], "evil.so"));
	sova_compdb_free(&db);
	free(text);

	expect_compdb_error("{\"not\": \"an array\"}", "1:1", "must be a JSON array");
	expect_compdb_error("[\n  {\"directory\": \"/\", \"command\": \"cc a.c\"}]", "2:3", "lacks the \"file\" field");
	expect_compdb_error("[{\"directory\": 7, \"file\": \"a.c\", \"command\": \"cc\"}]", "1:16", "\"directory\" must be a string");
	expect_compdb_error("[{\"directory\": \"/nonexistent/dir\", \"file\": \"a.c\", \"command\": \"cc\"}]", "1:16",
			    "not an existing absolute directory");
	expect_compdb_error("[{\"directory\": \"/\", \"file\": \"a.c\", \"arguments\": [\"cc\", 3]}]", "1:56",
			    "must hold only strings");
	expect_compdb_error("[{\"directory\": \"/\", \"file\": \"a.c\"}]", "1:2", "neither \"arguments\" nor \"command\"");
	expect_compdb_error("[{\"directory\": \"/\", \"file\": \"a.c\", \"command\": \"cc 'a.c\"}]", "1:47", "unterminated quote");
	expect_compdb_error("[{\"directory\": \"/\",", "1:20", "not valid JSON");
	CHECK(sova_compdb_load(&db, "/nonexistent", err, sizeof(err)) == -1 && strstr(err, "cannot read compile database"));
	sova_compdb_free(&db);

	char *files[] = { tmpdir };
	CHECK(sova_compdb_add_files(&db, files, 1, err, sizeof(err)) == -1 && strstr(err, "is a directory"));
	char *missing[] = { "/nonexistent.c" };
	CHECK(sova_compdb_add_files(&db, missing, 1, err, sizeof(err)) == -1 && strstr(err, "no such file"));
	sova_compdb_free(&db);
	free(src);
}

/* Paths reach the same file through a folder link, a file link and "./..":
 * each is what realpath() gives, so the file is one TU. A missing file
 * stays as written. */
static void test_compdb_paths(void)
{
	char *real = sova_xasprintf("%s/real", tmpdir), *srcdir = sova_xasprintf("%s/real/src", tmpdir);
	char *link = sova_xasprintf("%s/link", tmpdir), *alias = sova_xasprintf("%s/real/src/b.c", tmpdir);
	CHECK(mkdir(real, 0777) == 0 && mkdir(srcdir, 0777) == 0 && symlink("real", link) == 0 &&
	      symlink("a.c", alias) == 0);
	free(write_tmp("real/src/a.c", "int a;\n"));
	char *text = sova_xasprintf(
		"[{\"directory\": \"%s/src\", \"file\": \"a.c\", \"arguments\": [\"cc\", \"-c\", \"a.c\"]},\n"
		" {\"directory\": \"%s\", \"file\": \"src/b.c\", \"arguments\": [\"cc\", \"-c\", \"src/b.c\"]},\n"
		" {\"directory\": \"%s/src/\", \"file\": \"../src/./a.c\", \"arguments\": [\"cc\", \"../src/./a.c\"]},\n"
		" {\"directory\": \"%s\", \"file\": \"gone.c\", \"arguments\": [\"cc\", \"gone.c\"]}]",
		link, link, link, link);
	char *db_dir = sova_xasprintf("%s/real", tmpdir);
	free(write_tmp("real/compile_commands.json", text));
	struct sova_compdb db;
	char err[1024];
	sova_compdb_init(&db);
	CHECK(sova_compdb_load(&db, db_dir, err, sizeof(err)) == 0);
	char resolved[PATH_MAX];
	char *expected = sova_xasprintf("%s/src/a.c", realpath(real, resolved) ? resolved : real);
	char *gone = sova_xasprintf("%s/gone.c", link);
	CHECK(db.ntus == 2 && strcmp(db.tus[0].file, expected) == 0 && strcmp(db.tus[1].file, gone) == 0);
	sova_compdb_free(&db);
	free(gone);
	free(expected);
	free(db_dir);
	free(text);
	free(real);
	free(srcdir);
	free(link);
	free(alias);
}

static int parse_line(const char *line, struct sova_suppression *s, char *err, size_t errlen)
{
	return sova_parse_suppression(line, strlen(line), s, err, errlen);
}

/* Opens the table, hashes path once, and tells whether the hash was reused. */
static uint64_t hash_once(const char *table, const char *path, int *reused)
{
	struct sova_filehashes fh;
	sova_filehashes_open(&fh, table);
	uint64_t h = sova_filehash(&fh, path);
	CHECK(sova_filehash(&fh, path) == h); /* checked once per run */
	*reused = !fh.changed;
	sova_filehashes_close(&fh);
	return h;
}

/* Moves the table's write time into the future: its entries are no longer racy. */
static void table_written_later(const char *table)
{
	struct timespec times[2] = { { time(NULL) + 60, 0 }, { time(NULL) + 60, 0 } };
	CHECK(utimensat(AT_FDCWD, table, times, 0) == 0);
}

/* File hashes are kept by stat data, re-read when the data changes, and
 * always re-read within two seconds of the table's writing. */
static void test_file_hashes(void)
{
	char *file = write_tmp("hashed.h", "int a;\n");
	char *table = sova_xasprintf("%s/file-hashes", tmpdir);
	int reused;
	uint64_t first = hash_once(table, file, &reused);
	CHECK(first != 0 && !reused);
	uint64_t racy = hash_once(table, file, &reused);
	CHECK(racy == first && !reused);
	table_written_later(table);
	CHECK(hash_once(table, file, &reused) == first && reused);
	free(write_tmp("hashed.h", "int b;\n")); /* same size, new content */
	table_written_later(table);
	uint64_t edited = hash_once(table, file, &reused);
	CHECK(edited != first && !reused);
	table_written_later(table);
	CHECK(hash_once(table, file, &reused) == edited && reused);
	unlink(file);
	CHECK(hash_once(table, file, &reused) == 0 && !reused);
	free(write_tmp("file-hashes", "not a table"));
	free(write_tmp("hashed.h", "int a;\n"));
	CHECK(hash_once(table, file, &reused) == first && !reused);
	free(table);
	free(file);
}

/* Hashes preloaded on threads are the ones a single thread finds. */
static void test_file_hash_preload(void)
{
	enum { N = 40 };
	char *paths[N];
	uint64_t alone[N];
	struct sova_filehashes fh;
	sova_filehashes_open(&fh, NULL);
	for (int i = 0; i < N; i++) {
		char name[32], text[32];
		snprintf(name, sizeof(name), "preload%d.h", i);
		snprintf(text, sizeof(text), "int v%d;\n", i);
		paths[i] = write_tmp(name, text);
		alone[i] = sova_filehash(&fh, paths[i]);
	}
	sova_filehashes_close(&fh);
	sova_filehashes_open(&fh, NULL);
	sova_filehash_preload(&fh, (const char *const *)paths, N, 3);
	CHECK(fh.count == N);
	for (int i = 0; i < N; i++) {
		CHECK(alone[i] != 0 && sova_filehash(&fh, paths[i]) == alone[i]);
		unlink(paths[i]);
		free(paths[i]);
	}
	sova_filehashes_close(&fh);
}

/* Sets path's modification time seconds ago. */
static void made_ago(const char *path, time_t seconds)
{
	struct timespec times[2] = { { time(NULL) - seconds, 0 }, { time(NULL) - seconds, 0 } };
	CHECK(utimensat(AT_FDCWD, path, times, 0) == 0);
}

/* An offered content stands for the file only while its stat data show the
 * file unchanged since the parser read it, and settled before the run. To
 * tell which was hashed, the offers below are of other bytes of the same
 * size: a real offer is the file's own content. */
/* A file hashed in pieces has the hash of its whole contents (what the
 * parser's copy is hashed to), across piece boundaries and for nothing;
 * a folder or a FIFO is refused, never read. */
static void test_hash_file(void)
{
	size_t len = 200001; /* three pieces and a bit */
	char *text = sova_xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		text[i] = (char)('a' + (i * 7919) % 26);
	text[len] = '\0';
	char *path = write_tmp("large.h", text), *empty = write_tmp("empty.h", "");
	uint64_t h = 0;
	const char *why = NULL;
	CHECK(sova_hash_file(path, 0, &h, &why) && h == sova_hash(text, len, 0));
	CHECK(sova_hash_file(empty, 5, &h, &why) && h == sova_hash("", 0, 5));
	CHECK(!sova_hash_file(tmpdir, 0, &h, &why) && strcmp(why, "is a directory") == 0);
	char *fifo = sova_xasprintf("%s/fifo", tmpdir);
	CHECK(mkfifo(fifo, 0600) == 0);
	CHECK(!sova_hash_file(fifo, 0, &h, &why) && strcmp(why, "not a regular file") == 0);
	unlink(fifo);
	unlink(path);
	unlink(empty);
	free(fifo);
	free(path);
	free(empty);
	free(text);
}

static void test_file_hash_offer(void)
{
	char *path = write_tmp("offered.h", "int a;\n");
	struct stat st;
	struct sova_filehashes fh;
	uint64_t file = sova_hash("int a;\n", 7, 0) | 1, other = sova_hash("int b;\n", 7, 0) | 1;
	/* Changed just now (after the run began: racy): the file is read. */
	CHECK(stat(path, &st) == 0);
	sova_filehashes_open(&fh, NULL);
	sova_filehash_offer(&fh, path, "int b;\n", 7, st.st_mtime);
	CHECK(sova_filehash(&fh, path) == file);
	sova_filehashes_close(&fh);
	/* Settled: the offer stands for the file. */
	made_ago(path, 60);
	CHECK(stat(path, &st) == 0);
	sova_filehashes_open(&fh, NULL);
	sova_filehash_offer(&fh, path, "int b;\n", 7, st.st_mtime);
	CHECK(sova_filehash(&fh, path) == other);
	sova_filehash_offer(&fh, path, "int c;\n", 7, st.st_mtime); /* checked once per run */
	CHECK(sova_filehash(&fh, path) == other);
	sova_filehashes_close(&fh);
	/* Another time or size than the parser saw: the file is read. */
	sova_filehashes_open(&fh, NULL);
	sova_filehash_offer(&fh, path, "int b;\n", 7, st.st_mtime - 1);
	sova_filehash_offer(&fh, path, "int bb;\n", 8, st.st_mtime);
	CHECK(sova_filehash(&fh, path) == file);
	sova_filehashes_close(&fh);
	unlink(path);
	sova_filehashes_open(&fh, NULL);
	sova_filehash_offer(&fh, path, "int b;\n", 7, st.st_mtime); /* gone: nothing to stand for */
	CHECK(sova_filehash(&fh, path) == 0);
	sova_filehashes_close(&fh);
	free(path);
}

/* Sealed facts keep their contents, now in the pool. */
static void test_seal(void)
{
	struct sova_tu_facts facts = { 0 };
	facts.main_file = sova_strpool_add(&facts.strings, "/src/a.c");
	SOVA_PUSH(facts.files, facts.nfiles, facts.capfiles, facts.main_file);
	struct sova_func fn = { 0 };
	fn.usr = sova_strpool_add(&facts.strings, "c:@F@f");
	fn.name = sova_strpool_add(&facts.strings, "f");
	struct sova_call call = { 0 };
	call.callee_usr = sova_strpool_add(&facts.strings, "c:@F@g");
	call.nargs = 2;
	call.args = sova_xcalloc(2, sizeof(*call.args));
	call.args[1].kind = SOVA_VAL_INT;
	call.args[1].num = 7;
	SOVA_PUSH(fn.calls, fn.ncalls, fn.capcalls, call);
	SOVA_PUSH(facts.funcs, facts.nfuncs, facts.capfuncs, fn);
	sova_tu_facts_seal(&facts);
	CHECK(facts.sealed && facts.nfuncs == 1 && facts.capfuncs == 1 && facts.funcs[0].ncalls == 1);
	const struct sova_call *c = &facts.funcs[0].calls[0];
	CHECK(strcmp(c->callee_usr, "c:@F@g") == 0 && c->nargs == 2 && c->args[1].kind == SOVA_VAL_INT &&
	      c->args[1].num == 7 && c->guards == NULL);
	CHECK((uintptr_t)facts.funcs % _Alignof(struct sova_func) == 0 && (uintptr_t)c->args % _Alignof(struct sova_val) == 0);
	sova_tu_facts_seal(&facts); /* once sealed, sealing again changes nothing */
	CHECK(facts.funcs[0].calls[0].args[1].num == 7);
	sova_tu_facts_free(&facts);
}

/* The one pack file in dir, or NULL when there is not exactly one. */
static char *only_pack(const char *dir)
{
	DIR *d = opendir(dir);
	char *found = NULL;
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		n++;
		free(found);
		found = strncmp(e->d_name, "pack-", 5) == 0 && strlen(e->d_name) == 26 && !strchr(e->d_name + 5, '-')
				? sova_xasprintf("%s/%s", dir, e->d_name)
				: NULL;
	}
	if (d)
		closedir(d);
	if (n != 1) {
		free(found);
		return NULL;
	}
	return found;
}

/* Opens the packs in dir, as the cache does with those it finds. */
static void open_packs(struct sova_packs *packs, const char *dir)
{
	DIR *d = opendir(dir);
	char **paths = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		if (strncmp(e->d_name, "pack-", 5) == 0 && !strstr(e->d_name, ".tmp."))
			SOVA_PUSH(paths, n, cap, sova_xasprintf("%s/%s", dir, e->d_name));
	if (d)
		closedir(d);
	sova_packs_open(packs, dir, 512ULL << 20, paths, n);
	free(paths);
}

/* The entry under key whose bytes are text, read through the packs. */
static int pack_holds(struct sova_packs *packs, uint64_t key, const char *text)
{
	size_t cursor = 0;
	for (const struct sova_pack_entry *e; (e = sova_packs_find(packs, key, &cursor));) {
		unsigned char *data = sova_packs_read(packs, e);
		int same = data && e->len == strlen(text) && memcmp(data, text, e->len) == 0;
		free(data);
		if (same)
			return 1;
	}
	return 0;
}

static unsigned char *read_whole(const char *path, size_t *len)
{
	const char *why;
	return (unsigned char *)sova_read_file(path, len, &why);
}

static void write_whole(const char *path, const unsigned char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && sova_write_all(fd, data, len) == 0);
	if (fd >= 0)
		close(fd);
}

/* Reads pack bytes' index the way sova_packs_open does; returns the entries found, or -1. */
static long long index_entries(const unsigned char *data, size_t len)
{
	long long index_bytes = len >= SOVA_PACK_TRAILER_BYTES
					? sova_pack_index_bytes(data + len - SOVA_PACK_TRAILER_BYTES, len)
					: -1;
	if (index_bytes < 0)
		return -1;
	size_t tail = (size_t)index_bytes + SOVA_PACK_TRAILER_BYTES, n = 0, cap = 0;
	struct sova_pack_entry *entries = NULL;
	int rc = sova_pack_index_read(data + len - tail, tail, len, 1, &entries, &n, &cap);
	free(entries);
	return rc == 0 ? (long long)n : -1;
}

/* Edits one index record's 32-bit field at `at` and seals the index again
 * with its hash, as a hostile writer could. */
static void forge_record(unsigned char *data, size_t len, size_t record, size_t at, uint32_t value)
{
	size_t index_bytes = (size_t)sova_pack_index_bytes(data + len - SOVA_PACK_TRAILER_BYTES, len);
	unsigned char *index = data + len - SOVA_PACK_TRAILER_BYTES - index_bytes;
	for (int i = 0; i < 4; i++)
		index[record * SOVA_PACK_RECORD_BYTES + at + (size_t)i] = (unsigned char)(value >> (8 * i));
	uint64_t hash = sova_hash(index, index_bytes, 0);
	for (int i = 0; i < 8; i++)
		data[len - 8 + (size_t)i] = (unsigned char)(hash >> (8 * i));
}

/* A well-formed pack's index with one thing wrong is refused whole. */
static void test_pack_index_bounds(const unsigned char *pack, size_t len)
{
	unsigned char *copy = sova_xmalloc(len);
	CHECK(index_entries(pack, len) == 3);
	memcpy(copy, pack, len);
	forge_record(copy, len, 1, 12, 0); /* an empty entry */
	CHECK(index_entries(copy, len) == -1);
	memcpy(copy, pack, len);
	forge_record(copy, len, 2, 8, (uint32_t)len); /* past the entries, into the index */
	CHECK(index_entries(copy, len) == -1);
	memcpy(copy, pack, len);
	forge_record(copy, len, 0, 12, UINT32_MAX); /* offset + length overflow 32 bits */
	CHECK(index_entries(copy, len) == -1);
	memcpy(copy, pack, len);
	copy[len - 30] ^= 1; /* the index, not resealed */
	CHECK(index_entries(copy, len) == -1);
	memcpy(copy, pack, len);
	copy[len - 16] = 0xff; /* a count beyond the file */
	CHECK(index_entries(copy, len) == -1);
	memcpy(copy, pack, len);
	copy[0 + len - SOVA_PACK_TRAILER_BYTES] = 'S'; /* not the magic */
	CHECK(index_entries(copy, len) == -1);
	CHECK(index_entries(pack, SOVA_PACK_TRAILER_BYTES - 1) == -1);
	free(copy);
}

struct pack_adder {
	struct sova_packs *packs;
	int first;
};

static void *add_many(void *arg)
{
	struct pack_adder *a = arg;
	for (int i = a->first; i < a->first + 200; i++) {
		char text[32];
		snprintf(text, sizeof(text), "entry %d", i);
		if (sova_packs_add(a->packs, (uint64_t)i * 0x9e3779b97f4a7c15ULL, text, strlen(text)) != strlen(text))
			return a;
	}
	return NULL;
}

/* Entries go in whole from several threads, come out checked, and a pack
 * that does not check out is never read. */
static void test_packs(void)
{
	char *dir = sova_xasprintf("%s/packs", tmpdir);
	CHECK(mkdir(dir, 0777) == 0);
	struct sova_packs packs;
	open_packs(&packs, dir);
	CHECK(packs.nentries == 0 && sova_packs_add(&packs, 1, "one", 3) == 3 && sova_packs_add(&packs, 2, "two", 3) == 3);
	CHECK(sova_packs_add(&packs, 1, "uno", 3) == 3 && sova_packs_add(&packs, 3, "", 0) == 0);
	CHECK(sova_packs_finish(&packs) == 3 * SOVA_PACK_RECORD_BYTES + SOVA_PACK_TRAILER_BYTES);
	sova_packs_close(&packs);
	char *path = only_pack(dir);
	CHECK(path != NULL);
	if (!path)
		return;
	open_packs(&packs, dir);
	size_t cursor = 0;
	CHECK(packs.nentries == 3 && pack_holds(&packs, 1, "one") && pack_holds(&packs, 1, "uno") &&
	      pack_holds(&packs, 2, "two") && !sova_packs_find(&packs, 4, &cursor));
	sova_packs_close(&packs);

	size_t len;
	unsigned char *bytes = read_whole(path, &len);
	test_pack_index_bounds(bytes, len);
	bytes[4] ^= 1; /* "two"'s bytes: no longer what their hash says */
	write_whole(path, bytes, len);
	open_packs(&packs, dir);
	CHECK(pack_holds(&packs, 1, "one") && !pack_holds(&packs, 2, "two") && !pack_holds(&packs, 2, "tvo"));
	sova_packs_close(&packs);
	write_whole(path, bytes, len - 1); /* truncated: the pack goes */
	open_packs(&packs, dir);
	CHECK(packs.nentries == 0 && packs.nfiles == 0 && access(path, F_OK) != 0);
	sova_packs_close(&packs);
	free(bytes);
	free(path);

	open_packs(&packs, dir);
	struct pack_adder adders[4];
	pthread_t threads[4];
	for (int t = 0; t < 4; t++) {
		adders[t] = (struct pack_adder){ &packs, t * 200 };
		CHECK(pthread_create(&threads[t], NULL, add_many, &adders[t]) == 0);
	}
	for (int t = 0; t < 4; t++) {
		void *failed_adder;
		pthread_join(threads[t], &failed_adder);
		CHECK(failed_adder == NULL);
	}
	sova_packs_close(&packs);
	open_packs(&packs, dir);
	int all = packs.nentries == 800;
	for (int i = 0; i < 800 && all; i++) {
		char text[32];
		snprintf(text, sizeof(text), "entry %d", i);
		all = pack_holds(&packs, (uint64_t)i * 0x9e3779b97f4a7c15ULL, text);
	}
	CHECK(all);
	sova_packs_close(&packs);
	/* Under a bound of 512 KB a pack is finished at 64 KB: 100 entries of
	 * 1 KB make two packs. An entry over 8 MB is not packed at all. */
	char *small = sova_xasprintf("%s/small", tmpdir);
	CHECK(mkdir(small, 0777) == 0);
	static char kilobyte[1024];
	memset(kilobyte, 'k', sizeof(kilobyte));
	sova_packs_open(&packs, small, 512 << 10, NULL, 0);
	size_t added = 0;
	for (uint64_t k = 0; k < 100; k++)
		added += sova_packs_add(&packs, k, kilobyte, sizeof(kilobyte));
	CHECK(added == 64 * (sizeof(kilobyte) + SOVA_PACK_RECORD_BYTES) + SOVA_PACK_TRAILER_BYTES + 36 * sizeof(kilobyte));
	char *big = sova_xmalloc(SOVA_PACK_MAX_ENTRY + 1);
	CHECK(sova_packs_add(&packs, 100, big, SOVA_PACK_MAX_ENTRY + 1) == 0);
	free(big);
	sova_packs_close(&packs);
	open_packs(&packs, small);
	all = packs.nfiles == 2 && packs.nentries == 100;
	for (uint64_t k = 0; k < 100 && all; k++) {
		size_t at = 0;
		const struct sova_pack_entry *e = sova_packs_find(&packs, k, &at);
		unsigned char *data = e ? sova_packs_read(&packs, e) : NULL;
		all = data && e->len == sizeof(kilobyte) && memcmp(data, kilobyte, sizeof(kilobyte)) == 0;
		free(data);
	}
	CHECK(all);
	sova_packs_close(&packs);
	free(small);
	/* No cache folder: nothing is written or found. */
	sova_packs_open(&packs, NULL, 512ULL << 20, NULL, 0);
	CHECK(sova_packs_add(&packs, 1, "one", 3) == 0 && sova_packs_finish(&packs) == 0);
	sova_packs_close(&packs);
	free(dir);
}

static void test_suppressions(void)
{
	struct sova_suppression s;
	char err[256];
	CHECK(parse_line("    fut_get(f); // sova-ignore SOVA001: drained first", &s, err, sizeof(err)) == 1);
	CHECK(!s.all && s.nrules == 1 && strcmp(s.rules[0], "SOVA001") == 0 && strcmp(s.reason, "drained first") == 0 &&
	      s.col == 20);
	CHECK(parse_line("x(); /* sova-ignore SOVA001, block-in-event-loop: both */", &s, err, sizeof(err)) == 1);
	CHECK(s.nrules == 2 && strcmp(s.rules[1], "block-in-event-loop") == 0 && strcmp(s.reason, "both") == 0);
	CHECK(parse_line("// sova-ignore-all", &s, err, sizeof(err)) == 1 && s.all && s.reason[0] == '\0');
	/* A reason ends before a comment's close, wherever the comment opened. */
	CHECK(parse_line("// sova-ignore-all: generated code */", &s, err, sizeof(err)) == 1 && s.all &&
	      strcmp(s.reason, "generated code") == 0);
	CHECK(parse_line("/* sova-ignore-all: generated */", &s, err, sizeof(err)) == 1 && strcmp(s.reason, "generated") == 0);
	CHECK(parse_line("const char *m = \"sova-ignore SOVA001\";", &s, err, sizeof(err)) == 0);
	CHECK(parse_line("// see no-sova-ignore-here", &s, err, sizeof(err)) == 0);
	CHECK(parse_line("// sova-ignore: no rule", &s, err, sizeof(err)) == -1 && strstr(err, "names no rule"));
	CHECK(parse_line("// sova-ignore", &s, err, sizeof(err)) == -1);
	char long_name[128];
	snprintf(long_name, sizeof(long_name), "// sova-ignore %0100d", 0);
	CHECK(parse_line(long_name, &s, err, sizeof(err)) == -1 && strstr(err, "too long"));
	char many[512] = "// sova-ignore";
	for (int i = 0; i < 20; i++)
		strcat(many, " SOVA001");
	CHECK(parse_line(many, &s, err, sizeof(err)) == -1 && strstr(err, "at most"));
	CHECK(sova_parse_suppression("// sova-ignore SOVA001", 5, &s, err, sizeof(err)) == 0);
}

/* Options are judged whole: dropping one never pairs the rest anew. */
static void test_flag_judging(void)
{
	char *args[] = { "-Xclang", "-c", "-load", "-Xclang", "/x/evil.so", "-DX", "-MF", "-fplugin=y.so",
			 "-Xclang", "-fno-pch-timestamp", "-Xclang", "-target-feature", "-Xclang", "+avx", "-o" };
	size_t n;
	struct sova_flag *opts = sova_flags_judge(args, sizeof(args) / sizeof(args[0]), "/", &n);
	/* -Xclang -c | -load | -Xclang /x/evil.so | -DX | -MF -fplugin=y.so | -Xclang -fno-pch-timestamp |
	 * -Xclang -target-feature | -Xclang +avx | -o */
	CHECK(n == 9);
	if (n == 9) {
		CHECK(opts[0].count == 2 && opts[0].verdict == SOVA_FLAG_DROP);
		CHECK(opts[1].count == 1 && opts[1].verdict == SOVA_FLAG_KEEP); /* the driver rejects it */
		CHECK(opts[2].count == 2 && opts[2].verdict == SOVA_FLAG_DROP);
		CHECK(opts[3].verdict == SOVA_FLAG_KEEP);
		CHECK(opts[4].count == 2 && opts[4].verdict == SOVA_FLAG_OMIT); /* -MF's operand, not a plugin */
		CHECK(opts[5].verdict == SOVA_FLAG_KEEP);
		CHECK(opts[6].verdict == SOVA_FLAG_KEEP && opts[7].verdict == SOVA_FLAG_KEEP);
		CHECK(opts[8].verdict == SOVA_FLAG_OMIT);
	}
	free(opts);
	char *pair[] = { "-Xclang", "-load", "-DY", "-Xclang", "lib.so" };
	opts = sova_flags_judge(pair, 5, "/", &n);
	CHECK(n == 3 && opts[0].verdict == SOVA_FLAG_DROP && opts[1].verdict == SOVA_FLAG_KEEP &&
	      opts[2].verdict == SOVA_FLAG_DROP && opts[2].group == 0);
	free(opts);
}

/* The test's absent_fn: a lasting copy from the map ctx, as the cache's. */
static const char *nothing_there(void *ctx, const char *path)
{
	struct stat st;
	int value;
	if (stat(path, &st) == 0)
		return NULL;
	sova_strmap_put(ctx, path, 1);
	return sova_strmap_key(ctx, path, &value);
}

/* What an #include names, and the paths searched before a header is found. */
static int temporaries_in(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	int found = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		found += strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strstr(e->d_name, ".tmp.") != NULL;
	if (d)
		closedir(d);
	return found;
}

/* A signal that arrives while the temporary report exists takes effect
 * once it is renamed into place (or removed): never a temporary left. */
static void test_output_signal(void)
{
	char *target = sova_xasprintf("%s/signalled.txt", tmpdir);
	for (int ok = 1; ok >= 0; ok--) {
		pid_t pid = fork();
		if (pid == 0) {
			struct sova_output out;
			if (sova_output_open(&out, target) != 0)
				_exit(10);
			raise(SIGTERM);
			fputs(ok ? "whole\n" : "never\n", out.file);
			sova_output_close(&out, ok ? 0 : -1);
			_exit(11);
		}
		int status = 0;
		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
		CHECK(temporaries_in(tmpdir, "signalled.txt") == 0);
		size_t len = 0;
		const char *why;
		char *text = sova_read_file(target, &len, &why);
		CHECK(text && strcmp(text, "whole\n") == 0); /* a failed output leaves the last one */
		free(text);
	}
	free(target);
}

/* A file the database lacks takes the flags of the entry in the nearest
 * folder, then of the longest shared start of name, then the first. */
static void test_compdb_interpolate(void)
{
	struct sova_compdb db;
	sova_compdb_init(&db);
	static const char *const files[] = { "/p/src/a.c", "/p/src/sub/b.c", "/p/lib/c.c", "/p/src/net_io.c" };
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct sova_tu_cmd tu = { .file = sova_xstrdup(files[i]), .directory = sova_xstrdup("/p") };
		SOVA_PUSH(tu.args, tu.nargs, tu.capargs, sova_xasprintf("-DFROM=%zu", i));
		SOVA_PUSH(db.tus, db.ntus, db.captus, tu);
	}
	CHECK(sova_compdb_interpolate(&db, "/p/src/zz.c") == 0);
	CHECK(db.ntus == 5 && strcmp(db.tus[4].file, "/p/src/zz.c") == 0 && db.tus[4].nargs == 1 &&
	      strcmp(db.tus[4].args[0], "-DFROM=0") == 0 && strcmp(db.tus[4].directory, "/p") == 0);
	CHECK(sova_compdb_interpolate(&db, "/p/src/sub/deeper/x.c") == 1);
	CHECK(sova_compdb_interpolate(&db, "/p/lib/x.c") == 2);
	CHECK(sova_compdb_interpolate(&db, "/p/lib2/q.c") == 0); /* /p/lib is no folder of /p/lib2 */
	CHECK(sova_compdb_interpolate(&db, "/p/src/net_tls.c") == 3);
	sova_compdb_free(&db);
	struct sova_compdb none;
	sova_compdb_init(&none);
	CHECK(sova_compdb_interpolate(&none, "/p/a.c") == -1 && none.ntus == 0);
	sova_compdb_free(&none);
}

/* A file's include lines are found once a run: the line an offset falls
 * in, its name and form; a second put of the same path keeps the first. */
static void test_include_memo(void)
{
	struct sova_include_memo memo;
	sova_include_memo_init(&memo);
	const char *text = "/* x */\n#include \"a.h\"\nint y;\n  # include <sys/b.h>\n#include CONF\n";
	CHECK(sova_include_memo_get(&memo, "/src/x.c") == NULL);
	const struct sova_include_lines *file = sova_include_memo_put(&memo, "/src/x.c", text, strlen(text));
	CHECK(file->n == 2 && file->dir && strcmp(file->dir, "/src") == 0);
	const char *at = strstr(text, "\"a.h\"");
	const struct sova_include_line *line = sova_include_line_at(file, (size_t)(at - text));
	CHECK(line && line->quoted && line->len == 3 && strncmp(line->name, "a.h", 3) == 0);
	line = sova_include_line_at(file, (size_t)(strstr(text, "sys/b.h") - text));
	CHECK(line && !line->quoted && line->len == 7 && strncmp(line->name, "sys/b.h", 7) == 0);
	CHECK(sova_include_line_at(file, 0) == NULL);
	CHECK(sova_include_line_at(file, (size_t)(strstr(text, "int y") - text)) == NULL);
	CHECK(sova_include_line_at(file, (size_t)(strstr(text, "CONF") - text)) == NULL);
	const char *other = "#include \"c.h\"\n";
	CHECK(sova_include_memo_put(&memo, "/src/x.c", other, strlen(other)) == file);
	CHECK(sova_include_memo_get(&memo, "/src/x.c") == file);
	const struct sova_include_lines *empty = sova_include_memo_put(&memo, "noslash", "", 0);
	CHECK(empty->n == 0 && empty->dir == NULL);
	sova_include_memo_free(&memo);
}

static void test_include_search(void)
{
	const char *name;
	int quoted;
	const char *line = "  #  include \"conf.h\" // x\n";
	CHECK(sova_include_spelled(line, line + strlen(line), &name, &quoted) == 6 && quoted &&
	      strncmp(name, "conf.h", 6) == 0);
	line = "#include_next <sys/types.h>";
	CHECK(sova_include_spelled(line, line + strlen(line), &name, &quoted) == 11 && !quoted);
	line = "#import<a.h>";
	CHECK(sova_include_spelled(line, line + strlen(line), &name, &quoted) == 3 && !quoted);
	static const char *const computed[] = { "#include CONFIG_H", "#include \"unterminated", "#includes \"a.h\"",
						"int x; #include \"a.h\"", "#include \"\"" };
	for (size_t i = 0; i < sizeof(computed) / sizeof(computed[0]); i++)
		CHECK(sova_include_spelled(computed[i], computed[i] + strlen(computed[i]), &name, &quoted) == 0);

	char dir[] = "/tmp/sova-includes-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *inc = sova_xasprintf("%s/inc", dir), *sys = sova_xasprintf("%s/sys", dir);
	char *src = sova_xasprintf("%s/src", dir), *found = sova_xasprintf("%s/conf.h", inc);
	CHECK(mkdir(inc, 0777) == 0 && mkdir(sys, 0777) == 0 && mkdir(src, 0777) == 0);
	int fd = open(found, O_WRONLY | O_CREAT, 0666);
	CHECK(fd >= 0 && close(fd) == 0);
	char *quote_flag = sova_xasprintf("-iquote%s", src), *inc_flag = sova_xasprintf("-I%s", inc);
	const char *args[] = { "-isystem", sys, "-DX=1", quote_flag, inc_flag, "-Irelative", "-I=/sysroot" };
	unsetenv("CPATH");
	unsetenv("C_INCLUDE_PATH");
	struct sova_include_dirs dirs;
	sova_include_dirs_init(&dirs, args, sizeof(args) / sizeof(args[0]));
	CHECK(dirs.nquoted == 1 && strcmp(dirs.quoted[0], src) == 0);
	CHECK(dirs.nangled == 2 && strcmp(dirs.angled[0], inc) == 0 && strcmp(dirs.angled[1], sys) == 0);
	struct sova_absent_paths absent = { 0 };
	struct sova_strmap kept;
	sova_strmap_init(&kept);
	/* Quoted from dir/a.c: beside it, then -iquote, then found in -I. */
	sova_include_absent(&dirs, dir, "conf.h", 6, 1, nothing_there, &kept, &absent);
	CHECK(absent.n == 2);
	char *beside = sova_xasprintf("%s/conf.h", dir), *in_src = sova_xasprintf("%s/conf.h", src);
	CHECK(absent.n == 2 && strcmp(absent.paths[0], beside) == 0 && strcmp(absent.paths[1], in_src) == 0);
	/* Angled: found in the first -I; nothing before it. */
	sova_include_absent(&dirs, dir, "conf.h", 6, 0, nothing_there, &kept, &absent);
	CHECK(absent.n == 2);
	/* Found nowhere here (a system header): every directory is searched. */
	sova_include_absent(&dirs, NULL, "stdio.h", 7, 0, nothing_there, &kept, &absent);
	CHECK(absent.n == 4);
	sova_include_absent(&dirs, NULL, "/abs/x.h", 8, 1, nothing_there, &kept, &absent);
	CHECK(absent.n == 4);
	sova_absent_paths_free(&absent);
	sova_strmap_free(&kept);
	sova_include_dirs_free(&dirs);
	unlink(found);
	rmdir(inc);
	rmdir(sys);
	rmdir(src);
	rmdir(dir);
	free(inc);
	free(sys);
	free(src);
	free(found);
	free(quote_flag);
	free(inc_flag);
	free(beside);
	free(in_src);
}

/* The search's keys: numbers written as snprintf would, and a map of
 * number pairs that finds every pair put, through growth, and no other. */
static void test_number_keys(void)
{
	static const long values[] = { 0, 7, -1, 10, 99, 12345, -2147483648L, 9223372036854775807L, -9223372036854775807L - 1 };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		char mine[32], theirs[32];
		*sova_put_decimal(mine, values[i]) = '\0';
		snprintf(theirs, sizeof(theirs), "%ld", values[i]);
		CHECK(strcmp(mine, theirs) == 0);
	}
	struct sova_pairmap map;
	sova_pairmap_init(&map);
	CHECK(sova_pairmap_get(&map, 1, 2) == -1);
	for (uint64_t a = 0; a < 300; a++)
		sova_pairmap_put(&map, a, a * 7 + 1, (int)a);
	sova_pairmap_put(&map, 5, 36, 1000); /* replaces (5, 36) */
	int all = 1;
	for (uint64_t a = 0; a < 300; a++)
		all &= sova_pairmap_get(&map, a, a * 7 + 1) == (a == 5 ? 1000 : (int)a);
	CHECK(all);
	CHECK(map.count == 300);
	CHECK(sova_pairmap_get(&map, 36, 5) == -1 && sova_pairmap_get(&map, 300, 2101) == -1);
	sova_pairmap_put(&map, UINT64_MAX, 0, 3);
	CHECK(sova_pairmap_get(&map, UINT64_MAX, 0) == 3);
	sova_pairmap_free(&map);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_units BUNDLED_MODELS_DIR\n");
		return 2;
	}
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 2;
	}
	test_bundled_models(argv[1]);
	test_user_model_overrides();
	test_malformed_models();
	test_json_positions();
	test_facts_large_constants();
	test_shell_split();
	test_compdb();
	test_compdb_paths();
	test_suppressions();
	test_file_hashes();
	test_include_search();
	test_include_memo();
	test_compdb_interpolate();
	test_output_signal();
	test_flag_judging();
	test_file_hash_preload();
	test_file_hash_offer();
	test_hash_file();
	test_number_keys();
	test_seal();
	test_packs();
	char *cmd = sova_xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "warning: could not remove %s\n", tmpdir);
	free(cmd);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
