/* cli.h - the command line: what the user asked for, parsed once at start-up. */
#ifndef SOVA_CLI_H
#define SOVA_CLI_H

#include <stddef.h>

enum sova_command {
	SOVA_CMD_CHECK,
	SOVA_CMD_BASELINE,
	SOVA_CMD_EXTRACT,
	SOVA_CMD_LINK,
	SOVA_CMD_RULES,
	SOVA_CMD_EXPLAIN,
	SOVA_CMD_HELP,
	SOVA_CMD_VERSION,
};
enum sova_format { SOVA_FORMAT_TEXT, SOVA_FORMAT_SARIF, SOVA_FORMAT_CODEQUALITY };

struct sova_cli {
	enum sova_command command;
	enum sova_format format;
	const char *compdb;  /* -p */
	const char *output;  /* -o; NULL or "-" for stdout */
	const char *srcroot; /* --srcroot */
	const char *config;   /* --config */
	int no_config;        /* --no-config */
	const char *fail_on;  /* --fail-on, as given */
	const char *baseline; /* --baseline */
	const char *explain;  /* the rule of "sova explain" */
	int report_unused;    /* --report-unused-suppressions */
	int summary;          /* --summary */
	const char *cache;    /* --cache */
	int no_cache;         /* --no-cache */
	unsigned long long cache_max_size; /* --cache-max-size, in bytes */
	int timings;          /* --timings */
	int shard, nshards;   /* --shard K/N: TUs whose index is K-1 modulo N; 0/0 for all */
	int jobs;            /* -j; 0 = number of cores */
	int quiet;
	int dump_facts;
	int dump_program;
	char *explain_file;    /* --explain FILE:LINE: FILE, or NULL */
	unsigned explain_line; /* and LINE */
	int show_unresolved; /* --show-unresolved */
	int entry_flows;     /* --entry-flows N: chains from up to N entry functions per result (1..5) */
	double tu_timeout;   /* --tu-timeout S: seconds libclang may take on one TU; 0: no limit */
	int default_models;
	char **models; /* --model, in order */
	size_t nmodels;
	char **accept_failures; /* --accept-failures: globs of TUs whose parse errors do not fail the run */
	size_t naccept_failures;
	char **files; /* sources on the command line */
	size_t nfiles;
	char **flags; /* after "--"; non-NULL when "--" was given, even with nothing after it */
	size_t nflags;
	char **extra_before; /* --extra-arg-before, in order */
	size_t nextra_before;
	char **extra_after; /* --extra-arg, in order, then the flags after "--" (main.c) */
	size_t nextra_after;
};

/* Parses argv into cli. On error returns -1 with the reason in err. */
int sova_cli_parse(int argc, char **argv, struct sova_cli *cli, char *err, size_t errlen);
void sova_cli_free(struct sova_cli *cli);
void sova_cli_usage(void);

#endif /* SOVA_CLI_H */
