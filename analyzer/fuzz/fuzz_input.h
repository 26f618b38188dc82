/* fuzz_input.h - hands a fuzzer's bytes to loaders that read files.
 *
 * The bytes go to a real temporary file, so that the loaders run exactly as
 * they do on users' files, realpath() included (an anonymous memfd has no
 * path that realpath() resolves). */
#ifndef SOVA_FUZZ_INPUT_H
#define SOVA_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* Writes data to a new temporary file; returns its fd (path in path), or -1. */
int fuzz_input_file(const uint8_t *data, size_t size, char *path, size_t len);

/* Closes and removes a file made by fuzz_input_file(). */
void fuzz_input_done(int fd, const char *path);

#endif /* SOVA_FUZZ_INPUT_H */
