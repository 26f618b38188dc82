/* parse.c - stage 2: libclang parses every TU, in parallel, into per-TU facts. */
#include "parse.h"

#include <clang-c/Index.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "util.h"

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

static void *parse_worker(void *arg)
{
	struct parse_job *job = arg;
	CXIndex index = clang_createIndex(0, 0);
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, 1);
		if (i >= job->db->ntus)
			break;
		parse_one(index, &job->db->tus[i], &job->facts[i]);
		report_progress(job, job->db->tus[i].file);
	}
	clang_disposeIndex(index);
	return NULL;
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
	size_t started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&threads[started], NULL, parse_worker, &job) != 0)
			break;
	if (started == 0)
		parse_worker(&job);
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_destroy(&job.progress_lock);
	return 0;
}
