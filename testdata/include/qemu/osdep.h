/* qemu/osdep.h - the first include of every QEMU source file, reduced to what
 * sova's QEMU-style test cases need (rules/models/qemu.json): the C library
 * and GLib, QEMU's common typedefs, and the coroutine annotations.
 *
 * coroutine_fn, coroutine_mixed_fn and no_coroutine_fn are defined as QEMU
 * defines them under clang (include/qemu/osdep.h; QEMU 8.2 spells them
 * QEMU_ANNOTATE("...") = __attribute__((annotate("..."))), the same
 * attribute). Needs GLib's include flags (pkg-config glib-2.0). */
#ifndef QEMU_OSDEP_H
#define QEMU_OSDEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "qemu/typedefs.h"

/**
 * Mark a function that executes in coroutine context
 *
 * Functions that execute in coroutine context cannot be called directly from
 * normal functions.
 */
#ifdef __clang__
#define coroutine_fn __attribute__((__annotate__("coroutine_fn")))
#else
#define coroutine_fn
#endif

/**
 * Mark a function that can suspend when executed in coroutine context,
 * but can handle running in non-coroutine context too.
 */
#ifdef __clang__
#define coroutine_mixed_fn __attribute__((__annotate__("coroutine_mixed_fn")))
#else
#define coroutine_mixed_fn
#endif

/**
 * Mark a function that should not be called from a coroutine context.
 * Usually there will be an analogous, coroutine_fn function that should
 * be used instead.
 *
 * When the function is also marked as coroutine_mixed_fn, the function should
 * only be called if the caller does not know whether it is in coroutine
 * context.
 *
 * Functions that are only no_coroutine_fn, on the other hand, should not
 * be called from within coroutines at all.  This for example includes
 * functions that block.
 */
#ifdef __clang__
#define no_coroutine_fn __attribute__((__annotate__("no_coroutine_fn")))
#else
#define no_coroutine_fn
#endif

#endif /* QEMU_OSDEP_H */
