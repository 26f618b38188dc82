/* extract.h - stage 3: walks one libclang AST and fills its per-TU summary. */
#ifndef SOVA_EXTRACT_H
#define SOVA_EXTRACT_H

#include <clang-c/Index.h>

#include "facts.h"

/* Fills facts (already zeroed, with main_file set) from tu. The walk is
 * iterative: deeply nested expressions cannot overflow the stack. */
void sova_extract(CXTranslationUnit tu, const char *directory, struct sova_tu_facts *facts);

#endif /* SOVA_EXTRACT_H */
