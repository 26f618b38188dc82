/* parse.c - stage 2: libclang parses every TU, in parallel, into per-TU facts. */
#define _GNU_SOURCE /* dladdr */
#include "parse.h"

#include <clang-c/Index.h>
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "extract.h"
#include "includes.h"
#include "util.h"

/* Parse threads get a deep stack: clang's parser recurses once per level of
 * nesting, and generated code nests deeply. The stack is reserved address
 * space; only what a parse touches is ever backed by memory. */
#define PARSE_STACK_SIZE ((size_t)1 << 30)
/* Where libclang's crash recovery runs its handler when a parse does
 * overflow even that stack: the overflowed stack cannot run it. */
#define SIGNAL_STACK_SIZE ((size_t)1 << 16)

/* A flag clang does not know (GCC's -fconserve-stack, say) makes the driver
 * refuse the whole TU. Such flags are learned as TUs meet them, dropped from
 * every later parse, and reported once each. */
#define MAX_FLAG_RETRIES 4
/* The flags sova passes before the compile's own (parse_args). */
#define PARSE_OWN_ARGS 5

/* Where each TU's parse stands. A parse over its time budget is given up
 * while libclang runs it (TU_IN_LIBCLANG -> TU_ABANDONED); its thread goes
 * on until libclang returns, then sees it was given up and leaves,
 * touching nothing but this board, which the threads share by count. */
enum tu_stage { TU_WAITING = 0, TU_IN_LIBCLANG, TU_OUTSIDE, TU_ABANDONED };

struct parse_board {
	atomic_int refs;
	_Atomic int *stage; /* per TU */
	double *started;    /* per TU: when libclang first took it, on the monotonic clock */
};

struct parse_job {
	const struct sova_compdb *db;
	struct parse_board *board;
	double tu_timeout; /* 0: no budget */
	pthread_mutex_t settle_lock; /* with settled_cond: */
	pthread_cond_t settled_cond;
	size_t settled;      /* TUs done or given up */
	size_t live_workers; /* threads that may still touch the job */
	size_t abandoned;
	struct sova_cache *cache;
	struct sova_tu_facts *facts;
	atomic_size_t next;
	atomic_size_t done;
	int progress;
	int extract; /* 0: parse and nothing else (the benchmark's floor) */
	/* 1: `#pragma clang __debug crash` crashes libclang, for the test of
	 * crash recovery (SOVA_TEST_DEBUG_PRAGMAS=1); never set otherwise. */
	int debug_pragmas;
	atomic_size_t from_cache;
	pthread_mutex_t progress_lock;
	struct sova_strmap unknown_flags;
	pthread_mutex_t flags_lock;
	struct sova_include_memo include_lines; /* with the cache: every includer's directives */
};

static int flag_unknown(struct parse_job *job, const char *flag)
{
	pthread_mutex_lock(&job->flags_lock);
	int unknown = sova_strmap_get(&job->unknown_flags, flag) >= 0;
	pthread_mutex_unlock(&job->flags_lock);
	return unknown;
}

/* Learns the flag a driver diagnostic rejects; returns 1 when it was new. */
static int learn_unknown_flag(struct parse_job *job, const char *message)
{
	static const char *const forms[] = { "unknown argument: '", "unsupported option '", NULL };
	for (size_t i = 0; forms[i]; i++) {
		const char *start = strstr(message, forms[i]);
		if (!start)
			continue;
		start += strlen(forms[i]);
		const char *end = strchr(start, '\'');
		if (!end)
			return 0;
		char *flag = sova_xstrndup(start, (size_t)(end - start));
		pthread_mutex_lock(&job->flags_lock);
		int fresh = sova_strmap_get(&job->unknown_flags, flag) < 0;
		if (fresh)
			sova_strmap_put(&job->unknown_flags, flag, 1);
		pthread_mutex_unlock(&job->flags_lock);
		free(flag);
		return fresh;
	}
	return 0;
}

static char *diag_text(CXDiagnostic d)
{
	CXString text = clang_getDiagnosticSpelling(d);
	char *copy = sova_xstrdup(clang_getCString(text));
	clang_disposeString(text);
	return copy;
}

/* Learns the flags the driver rejected; returns 1 when any is new. */
static int learn_flags(struct parse_job *job, CXTranslationUnit tu)
{
	int fresh = 0;
	for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		char *text = diag_text(d);
		fresh |= learn_unknown_flag(job, text);
		free(text);
		clang_disposeDiagnostic(d);
	}
	return fresh;
}

/* Records the parse's errors. One without a place is the driver refusing the
 * compile: nothing of the TU was parsed, so the TU failed. */
static void add_clang_diags(struct parse_job *job, CXTranslationUnit tu, struct sova_tu_facts *facts)
{
	unsigned n = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXFile file;
			unsigned line, col;
			clang_getFileLocation(clang_getDiagnosticLocation(d), &file, &line, &col, NULL);
			char *text = diag_text(d);
			if (file) {
				char *path = sova_xstrdup(clang_getCString(clang_getFileName(file)));
				CXString real = clang_File_tryGetRealPathName(file);
				if (clang_getCString(real) && clang_getCString(real)[0]) {
					free(path);
					path = sova_xstrdup(clang_getCString(real));
				}
				clang_disposeString(real);
				sova_tu_add_diag(facts, SOVA_DIAG_ERROR, path, line, col, text);
				free(path);
			} else if (!learn_unknown_flag(job, text) && !strstr(text, "unknown argument") &&
				   !strstr(text, "unsupported option")) {
				sova_tu_add_diag(facts, SOVA_DIAG_ERROR, facts->main_file, 0, 0, text);
				facts->failed = 1;
			}
			free(text);
		}
		clang_disposeDiagnostic(d);
	}
}

static const char *parse_error_text(enum CXErrorCode rc)
{
	switch (rc) {
	case CXError_Crashed:
		return "libclang crashed while parsing this file; it was not analysed";
	case CXError_InvalidArguments:
		return "libclang rejected the compile flags of this file; it was not analysed";
	default:
		return "libclang could not parse this file with its compile flags (try them with "
		       "'clang -fsyntax-only'); it was not analysed";
	}
}

struct inclusions {
	CXTranslationUnit tu;
	struct sova_tu_facts *facts;
	struct sova_cache *cache; /* NULL: none, and no search is repeated */
	struct sova_include_dirs dirs;
	struct sova_absent_paths *absent; /* where the search found nothing */
	struct sova_include_memo *memo; /* the run's */
	/* The includers met in this TU, searched from the end: the includers
	 * of consecutive inclusions are mostly the latest. */
	struct includer {
		CXFile file;
		const struct sova_include_lines *lines;
	} *includers;
	size_t nincluders, capincluders;
};

/* The cache hashes what libclang read, rather than read it once more:
 * once a run per file, as getting the text is not cheap either. */
static void offer_contents(struct sova_cache *cache, CXTranslationUnit tu, CXFile file, const char *path)
{
	size_t size = 0;
	const char *text = cache && file && sova_cache_wants(cache, path) ? clang_getFileContents(tu, file, &size) : NULL;
	if (text)
		sova_cache_offer(cache, path, text, size, clang_getFileTime(file));
}

/* The include directives of a file the TU includes from. */
static const struct sova_include_lines *includer_lines(struct inclusions *walk, CXFile file)
{
	for (size_t i = walk->nincluders; i-- > 0;)
		if (clang_File_isEqual(walk->includers[i].file, file))
			return walk->includers[i].lines;
	CXString name = clang_getFileName(file);
	const char *path = clang_getCString(name) ? clang_getCString(name) : "";
	const struct sova_include_lines *lines = sova_include_memo_get(walk->memo, path);
	if (!lines) {
		size_t size = 0;
		const char *text = clang_getFileContents(walk->tu, file, &size);
		lines = sova_include_memo_put(walk->memo, path, text ? text : "", text ? size : 0);
	}
	clang_disposeString(name);
	struct includer met = { file, lines };
	SOVA_PUSH(walk->includers, walk->nincluders, walk->capincluders, met);
	return lines;
}

/* Searches again for the header an #include directive at `at` named,
 * noting where nothing was found before it (includes.h). */
static void note_search(struct inclusions *walk, CXSourceLocation at)
{
	CXFile file;
	unsigned offset;
	clang_getFileLocation(at, &file, NULL, NULL, &offset);
	if (!file)
		return;
	const struct sova_include_lines *includer = includer_lines(walk, file);
	const struct sova_include_line *line = sova_include_line_at(includer, offset);
	if (line)
		sova_include_absent(&walk->dirs, line->quoted ? includer->dir : NULL, line->name, line->len,
				    line->quoted, sova_cache_absent, walk->cache, walk->absent);
}

static void collect_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
	if (depth == 0)
		return; /* the main file */
	struct inclusions *walk = data;
	if (walk->cache)
		note_search(walk, stack[0]);
	struct sova_tu_facts *facts = walk->facts;
	CXString real = clang_File_tryGetRealPathName(file);
	CXString name = clang_getFileName(file);
	const char *path = clang_getCString(real) && clang_getCString(real)[0] ? clang_getCString(real)
									    : clang_getCString(name);
	SOVA_PUSH(facts->includes, facts->nincludes, facts->capincludes, sova_strpool_add(&facts->strings, path ? path : ""));
	if (path && path[0] == '/')
		offer_contents(walk->cache, walk->tu, file, path);
	/* The path as written in the include directive, too: "nng/nng.h" under
	 * a symlinked tree is found by the name the model knows. */
	if (clang_getCString(name) && path && strcmp(clang_getCString(name), path) != 0)
		SOVA_PUSH(facts->includes, facts->nincludes, facts->capincludes,
			  sova_strpool_add(&facts->strings, clang_getCString(name)));
	clang_disposeString(real);
	clang_disposeString(name);
}

/* The flags libclang gets: sova's own, then the compile's, less the ones
 * clang has been found not to know. Returns the count. */
static size_t parse_args(struct parse_job *job, const struct sova_tu_cmd *cmd, const char **args)
{
	size_t n = 0;
	/* No -working-directory: clang would chdir the whole process. compdb.c
	 * made the compile's relative paths absolute instead. */
	args[n++] = "-Qunused-arguments";
	args[n++] = "-Wno-unknown-warning-option";
	/* sova reads only errors, and a warning is none of its business: under
	 * the compile's -Werror, one clang gives and gcc does not (an unused
	 * variable, a shadowed one) would make the run incomplete. -w drops
	 * every warning, -Werror=x ones too, and spares libclang the analyses
	 * behind -Wuninitialized and the other CFG-based warnings. */
	args[n++] = "-w";
	/* `#pragma clang __debug crash` or `overflow_stack` in a hostile
	 * source would kill the run or spin forever. */
	if (!job->debug_pragmas) {
		args[n++] = "-Xclang";
		args[n++] = "-disable-pragma-debug-crash";
	}
	for (size_t i = 0; i < cmd->nargs; i++)
		if (!flag_unknown(job, cmd->args[i]))
			args[n++] = cmd->args[i];
	return n;
}

static double monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct parse_board *board_new(size_t ntus)
{
	struct parse_board *board = sova_xcalloc(1, sizeof(*board));
	atomic_init(&board->refs, 1);
	board->stage = sova_xcalloc(ntus + 1, sizeof(*board->stage));
	board->started = sova_xcalloc(ntus + 1, sizeof(*board->started));
	for (size_t i = 0; i <= ntus; i++)
		atomic_init(&board->stage[i], TU_WAITING);
	return board;
}

static void board_ref(struct parse_board *board)
{
	atomic_fetch_add(&board->refs, 1);
}

static void board_unref(struct parse_board *board)
{
	if (atomic_fetch_sub(&board->refs, 1) != 1)
		return;
	free((void *)board->stage);
	free(board->started);
	free(board);
}

/* TU i goes into libclang; its budget runs from the first time. */
static void enter_libclang(struct parse_board *board, size_t i)
{
	if (atomic_load(&board->stage[i]) == TU_WAITING)
		board->started[i] = monotonic_seconds();
	atomic_store(&board->stage[i], TU_IN_LIBCLANG);
}

/* TU i is back from libclang; returns 0 when it was given up meanwhile,
 * and the caller may then touch nothing but its own memory. */
static int leave_libclang(struct parse_board *board, size_t i)
{
	int expected = TU_IN_LIBCLANG;
	return atomic_compare_exchange_strong(&board->stage[i], &expected, TU_OUTSIDE);
}

/* Parses TU `i` into facts, which only this thread sees; returns 0 when
 * the TU was given up at its budget while libclang had it. */
static int parse_fresh(struct parse_job *job, CXIndex index, size_t i, struct sova_tu_facts *facts,
		       struct sova_absent_paths *absent)
{
	const struct sova_tu_cmd *cmd = &job->db->tus[i];
	struct parse_board *board = job->board;
	const char **args = sova_xcalloc(cmd->nargs + PARSE_OWN_ARGS, sizeof(*args));
	unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode rc = CXError_Failure;
	facts->main_file = sova_strpool_add(&facts->strings, cmd->file);
	struct stat st;
	int found = stat(cmd->file, &st) == 0, missing = !found && errno == ENOENT;
	if (!found || !S_ISREG(st.st_mode)) {
		/* libclang would only say it could not parse the file. */
		free(args);
		facts->failed = 1;
		sova_tu_add_diag(facts, SOVA_DIAG_ERROR, cmd->file, 0, 0,
				 missing ? "no such file; the compile database lists it"
					 : found ? "not a regular file; the compile database lists it"
						 : "cannot be read; the compile database lists it");
		return 1;
	}
	for (int attempt = 0; attempt < MAX_FLAG_RETRIES; attempt++) {
		size_t nargs = parse_args(job, cmd, args);
		enter_libclang(board, i);
		rc = clang_parseTranslationUnit2(index, cmd->file, args, (int)nargs, NULL, 0, options, &tu);
		if (!leave_libclang(board, i)) {
			if (tu)
				clang_disposeTranslationUnit(tu);
			free(args);
			return 0;
		}
		if (rc != CXError_Success || !tu || !learn_flags(job, tu))
			break;
		clang_disposeTranslationUnit(tu);
		tu = NULL;
	}
	free(args);
	if (rc != CXError_Success || !tu) {
		facts->failed = 1;
		sova_tu_add_diag(facts, SOVA_DIAG_ERROR, cmd->file, 0, 0, parse_error_text(rc));
		return 1;
	}
	add_clang_diags(job, tu, facts);
	struct inclusions walk = { .tu = tu, .facts = facts, .cache = job->cache, .absent = absent,
				   .memo = &job->include_lines };
	sova_include_dirs_init(&walk.dirs, (const char *const *)cmd->args, cmd->nargs);
	clang_getInclusions(tu, collect_inclusion, &walk);
	sova_include_dirs_free(&walk.dirs);
	free(walk.includers);
	offer_contents(walk.cache, tu, clang_getFile(tu, cmd->file), cmd->file);
	if (!facts->failed && job->extract)
		sova_extract(tu, cmd->directory, facts);
	clang_disposeTranslationUnit(tu);
	return 1;
}

/* TU i from the cache when it holds a current entry, else parsed and kept;
 * returns 0 when it was given up at its budget (facts then hold nothing
 * to keep). */
static int parse_one(struct parse_job *job, CXIndex index, size_t i, struct sova_tu_facts *facts)
{
	const struct sova_tu_cmd *cmd = &job->db->tus[i];
	if (job->cache && sova_cache_lookup(job->cache, cmd, facts)) {
		atomic_fetch_add(&job->from_cache, 1);
	} else {
		struct sova_absent_paths absent = { 0 };
		int kept = parse_fresh(job, index, i, facts, &absent);
		if (kept && job->cache)
			sova_cache_store(job->cache, cmd, facts, absent.paths, absent.n);
		sova_absent_paths_free(&absent);
		if (!kept)
			return 0;
	}
	sova_tu_facts_seal(facts);
	return 1;
}

/* The width of the terminal on standard error; 80 when it tells none. */
static size_t terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The end of file that fits in room columns: all of it, or "..." and its
 * last bytes, starting at a character's first byte ("" when not even that
 * fits). Wide characters may take two columns each; a byte count never
 * undercounts them. */
static const char *file_tail(const char *file, size_t room, const char **ellipsis)
{
	size_t len = strlen(file);
	*ellipsis = "";
	if (len <= room)
		return file;
	if (room <= 3)
		return "";
	*ellipsis = "...";
	const char *tail = file + len - (room - 3);
	while (*tail && ((unsigned char)*tail & 0xC0) == 0x80)
		tail++;
	return tail;
}

/* "[ i/n] file" on one line that fits the terminal, redrawn in place; the
 * last one is erased, so the report that follows starts on a clean line. */
static void report_progress(struct parse_job *job, const char *file)
{
	if (!job->progress)
		return;
	size_t done = atomic_fetch_add(&job->done, 1) + 1;
	pthread_mutex_lock(&job->progress_lock);
	char counter[48];
	int n = snprintf(counter, sizeof(counter), "[%3zu/%zu] ", done, job->db->ntus);
	size_t width = terminal_width(), used = n > 0 ? (size_t)n : 0;
	fputs("\r\033[K", stderr);
	/* One column short of the width: a full line would wrap on some terminals. */
	if (used + 1 < width) {
		const char *ellipsis;
		const char *tail = file_tail(file, width - used - 1, &ellipsis);
		fprintf(stderr, "%s%s%s", counter, ellipsis, tail);
	}
	if (done == job->db->ntus)
		fputs("\r\033[K", stderr);
	fflush(stderr);
	pthread_mutex_unlock(&job->progress_lock);
}

/* Gives the calling thread an alternate signal stack; returns it for freeing. */
static void *install_signal_stack(void)
{
	stack_t ss = { .ss_sp = sova_xmalloc(SIGNAL_STACK_SIZE), .ss_size = SIGNAL_STACK_SIZE, .ss_flags = 0 };
	if (sigaltstack(&ss, NULL) != 0) {
		free(ss.ss_sp);
		return NULL;
	}
	return ss.ss_sp;
}

static void remove_signal_stack(void *stack)
{
	stack_t ss = { .ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE };
	sigaltstack(&ss, NULL);
	free(stack);
}

/* One more TU is settled (parsed, from the cache, or given up). */
static void settle(struct parse_job *job)
{
	pthread_mutex_lock(&job->settle_lock);
	job->settled++;
	pthread_cond_signal(&job->settled_cond);
	pthread_mutex_unlock(&job->settle_lock);
}

static void *parse_worker(void *arg)
{
	struct parse_job *job = arg;
	struct parse_board *board = job->board;
	board_ref(board);
	void *signal_stack = install_signal_stack();
	CXIndex index = clang_createIndex(0, 0);
	int given_up = 0;
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, 1);
		if (i >= job->db->ntus)
			break;
		struct sova_tu_facts mine;
		memset(&mine, 0, sizeof(mine));
		if (!parse_one(job, index, i, &mine)) {
			/* The watchdog settled this TU and started a thread in
			 * this one's place; the job may be gone. */
			sova_tu_facts_free(&mine);
			given_up = 1;
			break;
		}
		job->facts[i] = mine;
		report_progress(job, job->db->tus[i].file);
		settle(job);
	}
	clang_disposeIndex(index);
	remove_signal_stack(signal_stack);
	if (!given_up) {
		pthread_mutex_lock(&job->settle_lock);
		job->live_workers--;
		pthread_cond_signal(&job->settled_cond);
		pthread_mutex_unlock(&job->settle_lock);
	}
	board_unref(board);
	return NULL;
}

/* Starts a detached parse thread; returns 0 when none could be. */
static int start_worker(struct parse_job *job)
{
	pthread_attr_t attr;
	pthread_t thread;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, PARSE_STACK_SIZE);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_mutex_lock(&job->settle_lock);
	job->live_workers++;
	pthread_mutex_unlock(&job->settle_lock);
	int ok = pthread_create(&thread, &attr, parse_worker, job) == 0;
	pthread_attr_destroy(&attr);
	if (!ok) {
		pthread_mutex_lock(&job->settle_lock);
		job->live_workers--;
		pthread_mutex_unlock(&job->settle_lock);
	}
	return ok;
}

static void settle_as_failed(struct parse_job *job, size_t i, const char *message)
{
	struct sova_tu_facts *facts = &job->facts[i];
	facts->main_file = sova_strpool_add(&facts->strings, job->db->tus[i].file);
	facts->failed = 1;
	sova_tu_add_diag(facts, SOVA_DIAG_ERROR, job->db->tus[i].file, 0, 0, message);
	sova_tu_facts_seal(facts);
	report_progress(job, job->db->tus[i].file);
	settle(job);
}

/* Gives up each TU libclang has had longer than the budget, and starts a
 * thread in place of the one still inside libclang with it. */
static void give_up_overdue(struct parse_job *job)
{
	double now = monotonic_seconds();
	for (size_t i = 0; i < job->db->ntus; i++) {
		int expected = TU_IN_LIBCLANG;
		if (atomic_load(&job->board->stage[i]) != TU_IN_LIBCLANG || now - job->board->started[i] < job->tu_timeout ||
		    !atomic_compare_exchange_strong(&job->board->stage[i], &expected, TU_ABANDONED))
			continue;
		pthread_mutex_lock(&job->settle_lock);
		job->live_workers--; /* the stuck thread no longer counts */
		job->abandoned++;
		pthread_mutex_unlock(&job->settle_lock);
		char *message = sova_xasprintf("libclang spent longer than the time budget of %g s on this file "
					       "(--tu-timeout); it was given up",
					       job->tu_timeout);
		settle_as_failed(job, i, message);
		free(message);
		start_worker(job);
	}
}

/* Waits until every TU is settled and no thread but given-up ones runs;
 * once a second, and at the next deadline, it gives up overdue TUs. With
 * no thread left to take them, the TUs nobody started fail. */
static void watch_workers(struct parse_job *job)
{
	pthread_mutex_lock(&job->settle_lock);
	while (job->settled < job->db->ntus || job->live_workers > 0) {
		if (job->live_workers == 0) {
			pthread_mutex_unlock(&job->settle_lock);
			size_t i;
			while ((i = atomic_fetch_add(&job->next, 1)) < job->db->ntus)
				settle_as_failed(job, i, "not parsed: no thread could be started for it");
			pthread_mutex_lock(&job->settle_lock);
			continue;
		}
		struct timespec wake;
		clock_gettime(CLOCK_MONOTONIC, &wake);
		wake.tv_sec += 1;
		pthread_cond_timedwait(&job->settled_cond, &job->settle_lock, &wake);
		if (job->tu_timeout > 0) {
			pthread_mutex_unlock(&job->settle_lock);
			give_up_overdue(job);
			pthread_mutex_lock(&job->settle_lock);
		}
	}
	pthread_mutex_unlock(&job->settle_lock);
}

void sova_parse_setup(void)
{
	setenv("LIBCLANG_NOTHREADS", "1", 1);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The learned flags, sorted: what is reported must not depend on which
 * thread met a flag first. */
static void take_unknown_flags(struct parse_job *job, char ***flags, size_t *nflags)
{
	size_t n = 0, cap = 0;
	*flags = NULL;
	for (size_t i = 0; i < job->unknown_flags.cap; i++)
		if (job->unknown_flags.keys[i])
			SOVA_PUSH(*flags, n, cap, sova_xstrdup(job->unknown_flags.keys[i]));
	if (n)
		qsort(*flags, n, sizeof(**flags), compare_strings);
	*nflags = n;
}

static size_t run_job(struct parse_job *job, int jobs);

void sova_parse_all(const struct sova_compdb *db, struct sova_cache *cache, const struct sova_parse_options *options,
		    struct sova_tu_facts *facts, struct sova_parse_outcome *outcome)
{
	const char *test_pragmas = getenv("SOVA_TEST_DEBUG_PRAGMAS");
	struct parse_job job = { .db = db, .cache = cache && sova_cache_on(cache) ? cache : NULL,
				 .facts = facts, .progress = options->progress, .extract = 1,
				 .tu_timeout = options->tu_timeout > 0 ? options->tu_timeout : 0,
				 .debug_pragmas = test_pragmas && strcmp(test_pragmas, "1") == 0 };
	/* Whatever libclang prints goes to standard error, never into a report
	 * written to standard output. */
	fflush(stdout);
	int saved_stdout = dup(STDOUT_FILENO);
	if (saved_stdout >= 0 && dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		close(saved_stdout);
		saved_stdout = -1;
	}
	outcome->from_cache = run_job(&job, options->jobs);
	if (saved_stdout >= 0) {
		fflush(stdout);
		dup2(saved_stdout, STDOUT_FILENO);
		close(saved_stdout);
	}
	take_unknown_flags(&job, &outcome->dropped_flags, &outcome->ndropped);
	sova_strmap_free(&job.unknown_flags);
	outcome->abandoned = job.abandoned;
}

size_t sova_parse_floor(const struct sova_compdb *db, int jobs, struct sova_tu_facts *facts)
{
	struct parse_job job = { .db = db, .facts = facts };
	run_job(&job, jobs);
	sova_strmap_free(&job.unknown_flags);
	size_t failed = 0;
	for (size_t i = 0; i < db->ntus; i++)
		failed += facts[i].failed;
	return failed;
}

/* Runs the job's threads until every TU is settled; returns how many TUs
 * came from the cache. */
static size_t run_job(struct parse_job *job, int jobs)
{
	const struct sova_compdb *db = job->db;
	atomic_init(&job->next, 0);
	atomic_init(&job->done, 0);
	atomic_init(&job->from_cache, 0);
	job->board = board_new(db->ntus);
	job->settled = job->live_workers = job->abandoned = 0;
	pthread_mutex_init(&job->progress_lock, NULL);
	pthread_mutex_init(&job->flags_lock, NULL);
	pthread_mutex_init(&job->settle_lock, NULL);
	pthread_condattr_t cond_attr;
	pthread_condattr_init(&cond_attr);
	pthread_condattr_setclock(&cond_attr, CLOCK_MONOTONIC);
	pthread_cond_init(&job->settled_cond, &cond_attr);
	pthread_condattr_destroy(&cond_attr);
	sova_strmap_init(&job->unknown_flags);
	sova_include_memo_init(&job->include_lines);
	size_t nthreads = jobs < 1 ? 1 : (size_t)jobs;
	if (nthreads > db->ntus)
		nthreads = db->ntus ? db->ntus : 1;
	size_t started = 0;
	while (started < nthreads && start_worker(job))
		started++;
	if (started == 0) {
		/* No thread at all (an address-space limit below the parse
		 * stack, say): this thread parses, on its own smaller stack,
		 * and with no watchdog to keep the budget. */
		job->live_workers = 1;
		parse_worker(job);
	}
	watch_workers(job);
	board_unref(job->board);
	job->board = NULL;
	sova_include_memo_free(&job->include_lines);
	pthread_cond_destroy(&job->settled_cond);
	pthread_mutex_destroy(&job->settle_lock);
	pthread_mutex_destroy(&job->flags_lock);
	pthread_mutex_destroy(&job->progress_lock);
	return atomic_load(&job->from_cache);
}

/* The variables clang's driver and preprocessor read (clang's
 * Driver.cpp, InitHeaderSearch.cpp, InitPreprocessor.cpp). */
static const char *const parser_variables[] = {
	"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH", "OBJCPLUS_INCLUDE_PATH",
	"SOURCE_DATE_EPOCH", "CCC_OVERRIDE_OPTIONS", "COMPILER_PATH", "SDKROOT",
};

void sova_parser_identity(struct sova_parser_identity *id)
{
	CXString version = clang_getClangVersion();
	char *text = sova_xasprintf("%s\n", clang_getCString(version) ? clang_getCString(version) : "");
	clang_disposeString(version);
	for (size_t i = 0; i < sizeof(parser_variables) / sizeof(parser_variables[0]); i++) {
		const char *value = getenv(parser_variables[i]);
		char *more = value ? sova_xasprintf("%s%s=%s\n", text, parser_variables[i], value)
				   : sova_xasprintf("%s%s unset\n", text, parser_variables[i]);
		free(text);
		text = more;
	}
	id->text = text;
	Dl_info info;
	id->library = dladdr((void *)clang_getClangVersion, &info) && info.dli_fname && info.dli_fname[0] == '/'
			      ? sova_xstrdup(info.dli_fname)
			      : NULL;
}

void sova_parser_identity_free(struct sova_parser_identity *id)
{
	free(id->text);
	free(id->library);
	id->text = id->library = NULL;
}
