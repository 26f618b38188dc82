/* models.h - API models: what sova knows about real-world async APIs.
 *
 * Every API name sova reacts to comes from rules/models/<name>.json or a user's
 * --model file; the engine asks this module, never a hard-coded list. */
#ifndef SOVA_MODELS_H
#define SOVA_MODELS_H

#include <stddef.h>

#include "util.h"

enum sova_exec_kind {
	SOVA_EXEC_UNKNOWN = 0,
	SOVA_EXEC_POOL,   /* bounded pool: self-waits deadlock under load */
	SOVA_EXEC_SERIAL, /* one task at a time: self-waits always deadlock */
};

enum sova_api_role {
	SOVA_API_SUBMIT,       /* hands work to an executor */
	SOVA_API_CONTINUATION, /* runs work on an executor when a future completes */
	SOVA_API_WAIT,         /* blocks until a future completes */
	SOVA_API_READY_CHECK,  /* tells, without blocking, whether a future completed */
	SOVA_API_EXECUTOR,     /* creates an executor */
	SOVA_API_BLOCKING,     /* blocks for another reason */
};

/* One modelled function. Argument indexes are 0-based; -1 means "none". */
struct sova_api_fn {
	char *function;
	const char *model; /* name of the model that declared it */
	enum sova_api_role role;
	int executor_arg;
	int work_arg;
	int context_arg;
	int context_param; /* parameter of the work function that receives the context */
	int future_arg;
	int returns_future;
	int bounded;     /* waits: gives up after a timeout */
	int joins_array; /* waits: future_arg is an array of futures */
	enum sova_exec_kind kind;
};

struct sova_models {
	struct sova_api_fn *fns;
	size_t nfns, capfns;
	char **future_types;
	size_t nfuture_types, capfuture_types;
	char **names;
	size_t nnames, capnames;
	struct sova_strmap by_function;
};

void sova_models_init(struct sova_models *models);
void sova_models_free(struct sova_models *models);

/* Loads one model file. On error returns -1 and writes
 * "path:line:col: what is wrong" into err. A later file's entry for a
 * function replaces an earlier one, so user models override bundled ones. */
int sova_models_load_file(struct sova_models *models, const char *path, char *err, size_t errlen);

/* Loads every *.json in dir, in name order. Same error contract. */
int sova_models_load_dir(struct sova_models *models, const char *dir, char *err, size_t errlen);

/* Returns the model entry for a function name, or NULL. */
const struct sova_api_fn *sova_models_lookup(const struct sova_models *models, const char *function);

/* Returns 1 when type_name (a typedef or struct tag) names a future type. */
int sova_models_is_future_type(const struct sova_models *models, const char *type_name);

const char *sova_exec_kind_name(enum sova_exec_kind kind);

#endif /* SOVA_MODELS_H */
