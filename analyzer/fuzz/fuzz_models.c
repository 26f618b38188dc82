/* fuzz_models.c - fuzz target: the API model loader. */
#include "fuzz_input.h"
#include "models.h"

void fuzz_load(const char *path)
{
	char err[1024];
	struct sova_models models;
	sova_models_init(&models);
	sova_models_load_file(&models, path, 0, err, sizeof(err));
	sova_models_free(&models);
}
