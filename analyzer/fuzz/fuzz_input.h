/* fuzz_input.h - the one interface of a file-reading fuzz target.
 *
 * fuzz_input.c owns LLVMFuzzerTestOneInput: it writes the fuzzer's bytes to
 * a real temporary file (so that the loaders run exactly as they do on
 * users' files, realpath() included) and calls the target's fuzz_load(). */
#ifndef SOVA_FUZZ_INPUT_H
#define SOVA_FUZZ_INPUT_H

/* Loads, uses and frees whatever the file at path holds; errors are expected. */
void fuzz_load(const char *path);

#endif /* SOVA_FUZZ_INPUT_H */
