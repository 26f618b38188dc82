/* fuzz_input.h - hands a fuzzer's bytes to loaders that read files.
 *
 * The bytes go to an anonymous in-memory file, named /proc/self/fd/N, so
 * that the loaders run exactly as they do on real files, without the disk. */
#ifndef SOVA_FUZZ_INPUT_H
#define SOVA_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* Writes data to a new in-memory file; returns its fd (path in path), or -1. */
int fuzz_input_file(const uint8_t *data, size_t size, char *path, size_t len);

#endif /* SOVA_FUZZ_INPUT_H */
