/* fuzz_config.c - fuzz target: the .sova.json loader, and its exclude patterns. */
#include "config.h"
#include "fuzz_input.h"

void fuzz_load(const char *path)
{
	char err[1024];
	struct sova_config config;
	sova_config_init(&config);
	if (sova_config_load(&config, path, err, sizeof(err)) == 0)
		sova_config_excluded(&config, "/src/vendor/lib.c");
	sova_config_free(&config);
}
