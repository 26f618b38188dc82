/* The library twin of stdio-opened-stream.c's write_record: the one program here gives
 * write_record only stderr, but this file defines no main and is linked as a library is,
 * so code outside the database may call it with any stream. Why reported: its callers
 * are not all known, and fwrite on a stream from fopen goes to the file system. */
#include <stdio.h>

void write_record(FILE *stream, const char *line)
{
    fwrite(line, 1, 3, stream); // expect: SOVA005
}
