/* fuzz_pipeline.h - the rest of sova, for fuzz targets that decode facts.
 *
 * A decoder that accepts its input hands the facts to every stage after it,
 * as `sova link` and a warm run do: link, the analysis with the bundled
 * models, the rules, the filters, and each reporter (text, SARIF, GitLab
 * Code Quality, the summary and the notifications). Whatever the decoder
 * accepts must go through all of them without a crash or a leak (SQLite's
 * dbsqlfuzz habit: the decoders' output is the rest's input). */
#ifndef SOVA_FUZZ_PIPELINE_H
#define SOVA_FUZZ_PIPELINE_H

#include <stddef.h>

#include "baseline.h"
#include "facts.h"

/* baseline: or NULL; its results that nothing matches are written as absent. */
void fuzz_pipeline(const struct sova_tu_facts *tus, size_t ntus, struct sova_baseline *baseline);

#endif /* SOVA_FUZZ_PIPELINE_H */
