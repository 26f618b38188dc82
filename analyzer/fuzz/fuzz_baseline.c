/* fuzz_baseline.c - fuzz target: the baseline (SARIF) reader and matcher. */

#include "baseline.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[1024];
	int fd = fuzz_input_file(data, size, path, sizeof(path));
	if (fd < 0)
		return 0;
	struct sova_baseline baseline;
	if (sova_baseline_load(&baseline, path, err, sizeof(err)) == 0)
		sova_baseline_match(&baseline, "SOVA001", "0000000000000000:1", "0000000000000000:1");
	sova_baseline_free(&baseline);
	fuzz_input_done(fd, path);
	return 0;
}
