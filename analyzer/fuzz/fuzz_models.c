/* fuzz_models.c - fuzz target: the API model loader. */

#include "fuzz_input.h"
#include "models.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], err[1024];
	int fd = fuzz_input_file(data, size, path, sizeof(path));
	if (fd < 0)
		return 0;
	struct sova_models models;
	sova_models_init(&models);
	sova_models_load_file(&models, path, 0, err, sizeof(err));
	sova_models_free(&models);
	fuzz_input_done(fd, path);
	return 0;
}
