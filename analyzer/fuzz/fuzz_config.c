/* fuzz_config.c - fuzz target: the .sova.json loader, and its exclude patterns. */

#include "config.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[1024];
	int fd = fuzz_input_file(data, size, path, sizeof(path));
	if (fd < 0)
		return 0;
	struct sova_config config;
	sova_config_init(&config);
	if (sova_config_load(&config, path, err, sizeof(err)) == 0)
		sova_config_excluded(&config, "/src/vendor/lib.c");
	sova_config_free(&config);
	fuzz_input_done(fd, path);
	return 0;
}
