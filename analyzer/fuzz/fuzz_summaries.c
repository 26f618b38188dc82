/* fuzz_summaries.c - fuzz target: the summaries reader (sova link), and what
 * it accepts through the rest of sova link. */
#include "fuzz_input.h"
#include "fuzz_pipeline.h"
#include "summaries.h"

void fuzz_load(const char *path)
{
	char err[1024];
	struct sova_summaries set = { 0 };
	if (sova_summaries_read(&set, path, err, sizeof(err)) == 0 && sova_summaries_finish(&set, err, sizeof(err)) == 0)
		fuzz_pipeline(set.facts, set.count, NULL);
	sova_summaries_free(&set);
}
