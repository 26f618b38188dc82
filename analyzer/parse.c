/* parse.c - stage 2: libclang parses every TU, in parallel, into per-TU facts. */
#include "parse.h"

#include <clang-c/Index.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "util.h"

/* Parse threads get a deep stack: clang's parser recurses once per level of
 * nesting, and generated code nests deeply. The stack is reserved address
 * space; only what a parse touches is ever backed by memory. */
#define PARSE_STACK_SIZE ((size_t)1 << 30)
/* Where libclang's crash recovery runs its handler when a parse does
 * overflow even that stack: the overflowed stack cannot run it. */
#define SIGNAL_STACK_SIZE ((size_t)1 << 16)

struct parse_job {
	const struct sova_compdb *db;
	struct sova_tu_facts *facts;
	atomic_size_t next;
	atomic_size_t done;
	int progress;
	pthread_mutex_t progress_lock;
};

static void add_clang_diags(CXTranslationUnit tu, struct sova_tu_facts *facts)
{
	unsigned n = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev >= CXDiagnostic_Error) {
			CXFile file;
			unsigned line, col;
			clang_getFileLocation(clang_getDiagnosticLocation(d), &file, &line, &col, NULL);
			CXString name = clang_getFileName(file);
			CXString text = clang_getDiagnosticSpelling(d);
			sova_tu_add_diag(facts, SOVA_DIAG_ERROR, file ? clang_getCString(name) : facts->main_file,
					 file ? line : 0, file ? col : 0, clang_getCString(text));
			clang_disposeString(name);
			clang_disposeString(text);
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
	case CXError_ASTReadError:
		return "libclang could not read this file's AST; it was not analysed";
	default:
		return "libclang could not parse this file; it was not analysed";
	}
}

static void parse_one(CXIndex index, const struct sova_tu_cmd *cmd, struct sova_tu_facts *facts)
{
	size_t nargs = cmd->nargs + 4;
	const char **args = sova_xcalloc(nargs, sizeof(*args));
	args[0] = "-working-directory";
	args[1] = cmd->directory;
	args[2] = "-Qunused-arguments";
	args[3] = "-Wno-unknown-warning-option";
	for (size_t i = 0; i < cmd->nargs; i++)
		args[i + 4] = cmd->args[i];
	facts->main_file = sova_xstrdup(cmd->file);
	CXTranslationUnit tu = NULL;
	unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	enum CXErrorCode rc = clang_parseTranslationUnit2(index, cmd->file, args, (int)nargs, NULL, 0, options, &tu);
	free(args);
	if (rc != CXError_Success || !tu) {
		facts->failed = 1;
		sova_tu_add_diag(facts, SOVA_DIAG_ERROR, cmd->file, 0, 0, parse_error_text(rc));
		return;
	}
	add_clang_diags(tu, facts);
	sova_extract(tu, cmd->directory, facts);
	clang_disposeTranslationUnit(tu);
}

static void report_progress(struct parse_job *job, const char *file)
{
	if (!job->progress)
		return;
	size_t done = atomic_fetch_add(&job->done, 1) + 1;
	pthread_mutex_lock(&job->progress_lock);
	fprintf(stderr, "\r\033[K[%3zu/%zu] %s", done, job->db->ntus, file);
	if (done == job->db->ntus)
		fputc('\n', stderr);
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

static void *parse_worker(void *arg)
{
	struct parse_job *job = arg;
	void *signal_stack = install_signal_stack();
	CXIndex index = clang_createIndex(0, 0);
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, 1);
		if (i >= job->db->ntus)
			break;
		parse_one(index, &job->db->tus[i], &job->facts[i]);
		report_progress(job, job->db->tus[i].file);
	}
	clang_disposeIndex(index);
	remove_signal_stack(signal_stack);
	return NULL;
}

void sova_parse_setup(void)
{
	setenv("LIBCLANG_NOTHREADS", "1", 1);
}

int sova_parse_all(const struct sova_compdb *db, int jobs, int progress, struct sova_tu_facts *facts)
{
	struct parse_job job = { .db = db, .facts = facts, .progress = progress };
	atomic_init(&job.next, 0);
	atomic_init(&job.done, 0);
	pthread_mutex_init(&job.progress_lock, NULL);
	size_t nthreads = jobs < 1 ? 1 : (size_t)jobs;
	if (nthreads > db->ntus)
		nthreads = db->ntus ? db->ntus : 1;
	pthread_t *threads = sova_xcalloc(nthreads, sizeof(*threads));
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, PARSE_STACK_SIZE);
	size_t started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&threads[started], &attr, parse_worker, &job) != 0)
			break;
	pthread_attr_destroy(&attr);
	if (started == 0)
		parse_worker(&job);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_destroy(&job.progress_lock);
	return 0;
}
