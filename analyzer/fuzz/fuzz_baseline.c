/* fuzz_baseline.c - fuzz target: the baseline (SARIF) reader and matcher, and
 * the SARIF writer that copies its unmatched results out as absent. */
#include "baseline.h"
#include "fuzz_input.h"
#include "fuzz_pipeline.h"

void fuzz_load(const char *path)
{
	char err[1024];
	struct sova_baseline baseline;
	if (sova_baseline_load(&baseline, path, err, sizeof(err)) == 0) {
		sova_baseline_match(&baseline, "SOVA001", "0000000000000000:1", "0000000000000000:1");
		fuzz_pipeline(NULL, 0, &baseline); /* no TU: every other result is absent */
	}
	sova_baseline_free(&baseline);
}
