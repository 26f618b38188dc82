/* fuzz_input.c - hands a fuzzer's bytes to loaders that read files. */
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int fuzz_input_file(const uint8_t *data, size_t size, char *path, size_t len)
{
	if (snprintf(path, len, "/tmp/sova-fuzz-XXXXXX") >= (int)len)
		return -1;
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0) {
			fuzz_input_done(fd, path);
			return -1;
		}
		done += (size_t)n;
	}
	return fd;
}

void fuzz_input_done(int fd, const char *path)
{
	close(fd);
	unlink(path);
}
