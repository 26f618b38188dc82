/* facts_bin.c - the per-TU summary in a compact binary form, for the cache.
 *
 * Writing and reading mirror each other field by field, in the order of
 * facts.h. The reader trusts nothing: every length is checked against what
 * is left, and the facts it builds pass sova_tu_facts_check() or are
 * dropped whole. */
#include "facts_bin.h"

#include <stdlib.h>
#include <string.h>

static const unsigned char MAGIC[8] = { 'S', 'O', 'V', 'A', 'F', 'B', '0', '3' };

/* ---- writing ---- */

static void bytes_put(struct sova_bin_bytes *b, const void *data, size_t len)
{
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + len)
			cap *= 2;
		b->data = sova_xrealloc(b->data, cap, 1);
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

static void bytes_put_uint(struct sova_bin_bytes *b, uint64_t value)
{
	unsigned char out[10];
	size_t n = 0;
	do {
		unsigned char byte = value & 0x7f;
		value >>= 7;
		out[n++] = byte | (value ? 0x80 : 0);
	} while (value);
	bytes_put(b, out, n);
}

void sova_bin_writer_init(struct sova_bin_writer *w)
{
	memset(w, 0, sizeof(*w));
}

static size_t address_slot(const struct sova_bin_writer *w, const char *s)
{
	uintptr_t h = (uintptr_t)s;
	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ULL;
	size_t k = (size_t)(h >> 20) & (w->cap - 1);
	while (w->index[k].s && w->index[k].s != s)
		k = (k + 1) & (w->cap - 1);
	return k;
}

static void grow_index(struct sova_bin_writer *w)
{
	struct sova_bin_string *old = w->index;
	size_t oldcap = w->cap;
	w->cap = w->cap ? w->cap * 2 : 1024;
	w->index = sova_xcalloc(w->cap, sizeof(*w->index));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].s)
			w->index[address_slot(w, old[i].s)] = old[i];
	free(old);
}

void sova_bin_put_uint(struct sova_bin_writer *w, uint64_t value)
{
	bytes_put_uint(&w->body, value);
}

/* Signed values, zigzag-coded so that small negatives stay small. */
static void put_int(struct sova_bin_writer *w, long value)
{
	sova_bin_put_uint(w, ((uint64_t)value << 1) ^ (uint64_t)(value >> 63));
}

void sova_bin_put_str(struct sova_bin_writer *w, const char *s)
{
	if (!s) {
		sova_bin_put_uint(w, 0);
		return;
	}
	if ((w->nstrings + 1) * 2 > w->cap)
		grow_index(w);
	size_t k = address_slot(w, s);
	if (!w->index[k].s) {
		w->index[k].s = s;
		w->index[k].index = w->nstrings++;
		size_t len = strlen(s);
		bytes_put_uint(&w->table, len);
		bytes_put(&w->table, s, len);
	}
	sova_bin_put_uint(w, (uint64_t)w->index[k].index + 1);
}

static void put_strings(struct sova_bin_writer *w, const char *const *s, size_t n)
{
	sova_bin_put_uint(w, n);
	for (size_t i = 0; i < n; i++)
		sova_bin_put_str(w, s[i]);
}

static void put_loc(struct sova_bin_writer *w, const struct sova_loc *l)
{
	put_int(w, l->file);
	sova_bin_put_uint(w, l->line);
	sova_bin_put_uint(w, l->col);
	sova_bin_put_uint(w, l->end_line);
	sova_bin_put_uint(w, l->end_col);
}

static void put_val(struct sova_bin_writer *w, const struct sova_val *v)
{
	sova_bin_put_uint(w, (uint64_t)v->kind);
	sova_bin_put_str(w, v->usr);
	sova_bin_put_str(w, v->name);
	put_int(w, v->num);
	sova_bin_put_uint(w, (v->element ? 1u : 0u) | (v->address ? 2u : 0u));
	sova_bin_put_str(w, v->path);
	sova_bin_put_str(w, v->member);
	sova_bin_put_str(w, v->param_type);
}

static void put_cond(struct sova_bin_writer *w, const struct sova_cond *cond)
{
	put_int(w, cond->param);
	sova_bin_put_str(w, cond->path);
	put_int(w, cond->equal | (cond->rel << 1)); /* 0..3: see get_cond */
	put_int(w, cond->value);
	put_int(w, cond->mask);
}

static void put_assigns(struct sova_bin_writer *w, const struct sova_assign *a, size_t n)
{
	sova_bin_put_uint(w, n);
	for (size_t i = 0; i < n; i++) {
		put_val(w, &a[i].target);
		put_val(w, &a[i].value);
		put_val(w, &a[i].object);
		sova_bin_put_uint(w, a[i].seq);
		sova_bin_put_uint(w, (unsigned)a[i].or_bits);
	}
}

static void put_call(struct sova_bin_writer *w, const struct sova_call *c)
{
	put_loc(w, &c->loc);
	sova_bin_put_str(w, c->callee_usr);
	sova_bin_put_str(w, c->callee_name);
	put_val(w, &c->callee);
	put_val(w, &c->callee_object);
	sova_bin_put_str(w, c->returns);
	sova_bin_put_uint(w, c->nargs);
	for (size_t i = 0; i < c->nargs; i++)
		put_val(w, &c->args[i]);
	sova_bin_put_uint(w, c->nguards);
	for (size_t i = 0; i < c->nguards; i++)
		put_int(w, c->guards[i]);
	sova_bin_put_uint(w, c->nconds);
	for (size_t i = 0; i < c->nconds; i++)
		put_cond(w, &c->conds[i]);
	sova_bin_put_uint(w, c->nderived_args);
	for (size_t i = 0; i < c->nderived_args; i++) {
		put_int(w, c->derived_args[i].arg);
		put_int(w, c->derived_args[i].keep_bits);
		put_cond(w, &c->derived_args[i].cond);
	}
	sova_bin_put_uint(w, c->nentry_conds);
	for (size_t i = 0; i < c->nentry_conds; i++) {
		put_cond(w, &c->entry_conds[i].a);
		put_cond(w, &c->entry_conds[i].b);
	}
	sova_bin_put_uint(w, c->narg_conds);
	for (size_t i = 0; i < c->narg_conds; i++)
		put_cond(w, &c->arg_conds[i]);
	sova_bin_put_uint(w, c->narg_equals);
	for (size_t i = 0; i < c->narg_equals; i++) {
		put_int(w, c->arg_equals[i].arg);
		put_int(w, c->arg_equals[i].test);
		put_val(w, &c->arg_equals[i].value);
	}
	put_int(w, c->dies_at);
	sova_bin_put_uint(w, c->stmt);
	sova_bin_put_uint(w, c->unconditional ? 1 : 0);
	sova_bin_put_uint(w, c->nloop_reads);
	for (size_t i = 0; i < c->nloop_reads; i++)
		put_val(w, &c->loop_reads[i]);
}

static void put_func(struct sova_bin_writer *w, const struct sova_func *f)
{
	sova_bin_put_str(w, f->usr);
	sova_bin_put_str(w, f->name);
	put_loc(w, &f->loc);
	sova_bin_put_uint(w, f->external ? 1 : 0);
	put_strings(w, f->annotations, f->nannotations);
	sova_bin_put_uint(w, f->ncalls);
	for (size_t i = 0; i < f->ncalls; i++)
		put_call(w, &f->calls[i]);
	put_assigns(w, f->assigns, f->nassigns);
	sova_bin_put_uint(w, f->nreturns);
	for (size_t i = 0; i < f->nreturns; i++)
		put_val(w, &f->returns[i]);
	sova_bin_put_uint(w, f->ends_with);
	sova_bin_put_uint(w, f->plain_prefix);
	sova_bin_put_uint(w, f->jumps ? 1 : 0);
}

void sova_bin_put_facts(struct sova_bin_writer *w, const struct sova_tu_facts *facts)
{
	sova_bin_put_str(w, facts->main_file);
	sova_bin_put_uint(w, facts->failed ? 1 : 0);
	put_strings(w, facts->files, facts->nfiles);
	put_strings(w, facts->includes, facts->nincludes);
	sova_bin_put_uint(w, facts->nfuncs);
	for (size_t i = 0; i < facts->nfuncs; i++)
		put_func(w, &facts->funcs[i]);
	put_assigns(w, facts->globals, facts->nglobals);
	sova_bin_put_uint(w, facts->ndecls);
	for (size_t i = 0; i < facts->ndecls; i++) {
		sova_bin_put_str(w, facts->decls[i].usr);
		sova_bin_put_str(w, facts->decls[i].name);
		put_strings(w, facts->decls[i].annotations, facts->decls[i].nannotations);
	}
	sova_bin_put_uint(w, facts->ndiags);
	for (size_t i = 0; i < facts->ndiags; i++) {
		const struct sova_diag *d = &facts->diags[i];
		sova_bin_put_uint(w, (uint64_t)d->level);
		sova_bin_put_str(w, d->file);
		sova_bin_put_uint(w, d->line);
		sova_bin_put_uint(w, d->col);
		sova_bin_put_str(w, d->message);
	}
	sova_bin_put_uint(w, facts->nmarkers);
	for (size_t i = 0; i < facts->nmarkers; i++) {
		put_int(w, facts->markers[i].file);
		sova_bin_put_uint(w, facts->markers[i].line);
		sova_bin_put_str(w, facts->markers[i].text);
	}
}

unsigned char *sova_bin_writer_finish(struct sova_bin_writer *w, size_t *len)
{
	struct sova_bin_bytes out = { NULL, 0, 0 };
	bytes_put(&out, MAGIC, sizeof(MAGIC));
	bytes_put_uint(&out, w->nstrings);
	bytes_put(&out, w->table.data, w->table.len);
	bytes_put(&out, w->body.data, w->body.len);
	free(w->table.data);
	free(w->body.data);
	free(w->index);
	memset(w, 0, sizeof(*w));
	*len = out.len;
	return out.data;
}

/* ---- reading ---- */

uint64_t sova_bin_get_uint(struct sova_bin_reader *r)
{
	uint64_t value = 0;
	for (unsigned shift = 0; !r->bad; shift += 7) {
		if (r->at >= r->end || shift > 63) {
			r->bad = 1;
			break;
		}
		unsigned char byte = *r->at++;
		if (shift == 63 && (byte & 0x7e)) {
			r->bad = 1; /* more than 64 bits */
			break;
		}
		value |= (uint64_t)(byte & 0x7f) << shift;
		if (!(byte & 0x80))
			return value;
	}
	return 0;
}

size_t sova_bin_get_count(struct sova_bin_reader *r)
{
	uint64_t n = sova_bin_get_uint(r);
	if (n > (uint64_t)(r->end - r->at)) {
		r->bad = 1;
		return 0;
	}
	return (size_t)n;
}

/* A value that must fit `max`: anything larger is malformed, not wrapped. */
static uint64_t get_bounded(struct sova_bin_reader *r, uint64_t max)
{
	uint64_t v = sova_bin_get_uint(r);
	if (v > max) {
		r->bad = 1;
		return 0;
	}
	return v;
}

static long get_int(struct sova_bin_reader *r)
{
	uint64_t z = sova_bin_get_uint(r);
	return (long)(z >> 1) ^ -(long)(z & 1);
}

const char *sova_bin_get_str(struct sova_bin_reader *r)
{
	uint64_t ref = get_bounded(r, r->nstrings);
	return ref ? r->table[ref - 1] : NULL;
}


/* Steps over the string table once, checking it: returns the bytes its
 * strings take NUL-terminated. The reader is left where it began. */
static size_t table_bytes(struct sova_bin_reader *r, size_t n)
{
	const unsigned char *start = r->at;
	size_t total = 0;
	for (size_t i = 0; i < n && !r->bad; i++) {
		size_t slen = sova_bin_get_count(r);
		if (r->bad || memchr(r->at, '\0', slen)) {
			r->bad = 1;
			break;
		}
		r->at += slen;
		total += slen + 1;
	}
	r->at = start;
	return total;
}

int sova_bin_reader_open(struct sova_bin_reader *r, const unsigned char *data, size_t len, struct sova_strpool *strings)
{
	memset(r, 0, sizeof(*r));
	if (len < sizeof(MAGIC) || memcmp(data, MAGIC, sizeof(MAGIC)) != 0)
		return -1;
	r->at = data + sizeof(MAGIC);
	r->end = data + len;
	size_t n = sova_bin_get_count(r);
	size_t bytes = table_bytes(r, n);
	if (r->bad)
		return -1;
	char *out = sova_strpool_alloc(strings, bytes + 1);
	r->table = sova_xcalloc(n + 1, sizeof(*r->table));
	for (size_t i = 0; i < n; i++) {
		size_t slen = sova_bin_get_count(r);
		memcpy(out, r->at, slen);
		out[slen] = '\0';
		r->table[i] = out;
		out += slen + 1;
		r->at += slen;
	}
	r->nstrings = n;
	return 0;
}

void sova_bin_reader_close(struct sova_bin_reader *r)
{
	free(r->table);
	memset(r, 0, sizeof(*r));
}

/* The least bytes each kind of element takes: a count that needs more than
 * the entry has left is malformed, so an array sized by it is never more
 * than a few times the entry's size. */
#define MIN_STR 1
#define MIN_VAL 7
#define MIN_LOC 5
#define MIN_ASSIGN (3 * MIN_VAL + 1)
#define MIN_CALL (MIN_LOC + 3 + MIN_VAL + 2)
#define MIN_FUNC (2 + MIN_LOC + 1 + 4)
#define MIN_DECL 3
#define MIN_DIAG 5
#define MIN_MARKER 3

/* A count of elements that take at least min_bytes each. */
static size_t get_count_of(struct sova_bin_reader *r, size_t min_bytes)
{
	size_t n = sova_bin_get_count(r);
	if (n > (size_t)(r->end - r->at) / min_bytes) {
		r->bad = 1;
		return 0;
	}
	return n;
}

/* A count, then room for that many elements of size bytes in the facts'
 * pool: a decoded TU is sealed from the start. */
static void *get_array(struct sova_bin_reader *r, struct sova_tu_facts *facts, size_t min_bytes, size_t size,
		       size_t *count)
{
	*count = get_count_of(r, min_bytes);
	return sova_strpool_array(&facts->strings, *count, size);
}

static void get_strings(struct sova_bin_reader *r, struct sova_tu_facts *facts, const char ***out, size_t *n,
			size_t *cap)
{
	*out = get_array(r, facts, MIN_STR, sizeof(**out), cap);
	for (; *n < *cap && !r->bad; (*n)++) {
		const char *s = sova_bin_get_str(r);
		if (!s)
			r->bad = 1;
		(*out)[*n] = s;
	}
}

static struct sova_loc get_loc(struct sova_bin_reader *r)
{
	struct sova_loc l;
	long file = get_int(r);
	l.file = file >= -1 && file <= 0x7fffffffL ? (int)file : -2; /* -2: rejected by the check */
	l.line = (unsigned)get_bounded(r, 0xffffffffU);
	l.col = (unsigned)get_bounded(r, 0xffffffffU);
	l.end_line = (unsigned)get_bounded(r, 0xffffffffU);
	l.end_col = (unsigned)get_bounded(r, 0xffffffffU);
	return l;
}

/* The bytes a cond takes at least: five fields of one byte. */
#define MIN_COND 5

static void get_cond(struct sova_bin_reader *r, struct sova_cond *cond)
{
	long param = get_int(r);
	cond->path = sova_bin_get_str(r);
	long equal = get_int(r);
	cond->param = param >= 0 && param <= 0x7fffffffL ? (int)param : -1;
	cond->equal = equal >= 0 && equal <= 3 ? (int)(equal & 1) : -1;
	cond->rel = equal >= 0 && equal <= 3 ? (int)(equal >> 1) : SOVA_COND_EQUALS;
	cond->value = get_int(r);
	cond->mask = get_int(r);
}

static void get_val(struct sova_bin_reader *r, struct sova_val *v)
{
	v->kind = (enum sova_val_kind)get_bounded(r, SOVA_VAL_LAST);
	v->usr = sova_bin_get_str(r);
	v->name = sova_bin_get_str(r);
	v->num = get_int(r);
	unsigned flags = (unsigned)get_bounded(r, 3);
	v->element = flags & 1;
	v->address = (flags & 2) != 0;
	v->path = sova_bin_get_str(r);
	v->member = sova_bin_get_str(r);
	v->param_type = sova_bin_get_str(r);
}

static void get_assigns(struct sova_bin_reader *r, struct sova_tu_facts *facts, struct sova_assign **out, size_t *n,
			size_t *cap)
{
	*out = get_array(r, facts, MIN_ASSIGN, sizeof(**out), cap);
	for (; *n < *cap && !r->bad; (*n)++) {
		struct sova_assign *a = &(*out)[*n];
		get_val(r, &a->target);
		get_val(r, &a->value);
		get_val(r, &a->object);
		a->seq = (unsigned)get_bounded(r, 0x7fffffffU);
		a->or_bits = (int)get_bounded(r, 1);
	}
}

static void get_call(struct sova_bin_reader *r, struct sova_tu_facts *facts, struct sova_call *c)
{
	c->loc = get_loc(r);
	c->callee_usr = sova_bin_get_str(r);
	c->callee_name = sova_bin_get_str(r);
	get_val(r, &c->callee);
	get_val(r, &c->callee_object);
	c->returns = sova_bin_get_str(r);
	size_t nargs, nguards;
	c->args = get_array(r, facts, MIN_VAL, sizeof(*c->args), &nargs);
	for (; c->nargs < nargs && !r->bad; c->nargs++)
		get_val(r, &c->args[c->nargs]);
	c->guards = get_array(r, facts, 1, sizeof(*c->guards), &nguards);
	for (; c->nguards < nguards && !r->bad; c->nguards++) {
		long guard = get_int(r);
		c->guards[c->nguards] = guard >= -0x7fffffffL && guard <= 0x7fffffffL ? (int)guard : -0x7fffffff - 1;
	}
	size_t nconds, ntests;
	c->conds = get_array(r, facts, MIN_COND, sizeof(*c->conds), &nconds);
	for (; c->nconds < nconds && !r->bad; c->nconds++)
		get_cond(r, &c->conds[c->nconds]);
	c->derived_args = get_array(r, facts, MIN_COND + 2, sizeof(*c->derived_args), &ntests);
	for (; c->nderived_args < ntests && !r->bad; c->nderived_args++) {
		struct sova_derived_arg *t = &c->derived_args[c->nderived_args];
		long arg = get_int(r), keep_bits = get_int(r);
		t->arg = arg >= 0 && arg <= 0x7fffffffL ? (int)arg : -1; /* -1, 2: rejected by the check */
		t->keep_bits = keep_bits == 0 || keep_bits == 1 ? (int)keep_bits : 2;
		get_cond(r, &t->cond);
	}
	size_t neither, nfields;
	c->entry_conds = get_array(r, facts, 2 * MIN_COND, sizeof(*c->entry_conds), &neither);
	for (; c->nentry_conds < neither && !r->bad; c->nentry_conds++) {
		get_cond(r, &c->entry_conds[c->nentry_conds].a);
		get_cond(r, &c->entry_conds[c->nentry_conds].b);
	}
	c->arg_conds = get_array(r, facts, MIN_COND, sizeof(*c->arg_conds), &nfields);
	for (; c->narg_conds < nfields && !r->bad; c->narg_conds++)
		get_cond(r, &c->arg_conds[c->narg_conds]);
	size_t nequals;
	c->arg_equals = get_array(r, facts, 2 + MIN_VAL, sizeof(*c->arg_equals), &nequals);
	for (; c->narg_equals < nequals && !r->bad; c->narg_equals++) {
		struct sova_arg_equal *eq = &c->arg_equals[c->narg_equals];
		long arg = get_int(r), test = get_int(r);
		eq->arg = arg >= 0 && arg <= 0x7fffffffL ? (int)arg : -1; /* -1: rejected by the check */
		eq->test = test >= 0 && test <= 0x7fffffffL ? (int)test : -1;
		get_val(r, &eq->value);
	}
	long dies_at = get_int(r);
	c->dies_at = dies_at >= SOVA_DIES_SPINNING && dies_at <= 0x7fffffffL ? (int)dies_at : -2;
	c->stmt = (unsigned)get_bounded(r, 0x7fffffffU);
	c->unconditional = (int)get_bounded(r, 1);
	size_t nreads;
	c->loop_reads = get_array(r, facts, MIN_VAL, sizeof(*c->loop_reads), &nreads);
	for (; c->nloop_reads < nreads && !r->bad; c->nloop_reads++)
		get_val(r, &c->loop_reads[c->nloop_reads]);
}

static void get_func(struct sova_bin_reader *r, struct sova_tu_facts *facts, struct sova_func *f)
{
	f->usr = sova_bin_get_str(r);
	f->name = sova_bin_get_str(r);
	f->loc = get_loc(r);
	f->external = (int)get_bounded(r, 1);
	get_strings(r, facts, &f->annotations, &f->nannotations, &f->capannotations);
	f->calls = get_array(r, facts, MIN_CALL, sizeof(*f->calls), &f->capcalls);
	for (; f->ncalls < f->capcalls && !r->bad; f->ncalls++)
		get_call(r, facts, &f->calls[f->ncalls]);
	get_assigns(r, facts, &f->assigns, &f->nassigns, &f->capassigns);
	f->returns = get_array(r, facts, MIN_VAL, sizeof(*f->returns), &f->capreturns);
	for (; f->nreturns < f->capreturns && !r->bad; f->nreturns++)
		get_val(r, &f->returns[f->nreturns]);
	f->ends_with = (size_t)get_bounded(r, 0x7fffffffU);
	f->plain_prefix = (unsigned)get_bounded(r, 0x7fffffffU);
	f->jumps = (int)get_bounded(r, 1);
}

static void get_decls(struct sova_bin_reader *r, struct sova_tu_facts *facts)
{
	facts->decls = get_array(r, facts, MIN_DECL, sizeof(*facts->decls), &facts->capdecls);
	for (; facts->ndecls < facts->capdecls && !r->bad; facts->ndecls++) {
		struct sova_decl *d = &facts->decls[facts->ndecls];
		d->usr = sova_bin_get_str(r);
		d->name = sova_bin_get_str(r);
		get_strings(r, facts, &d->annotations, &d->nannotations, &d->capannotations);
	}
}

static void get_diags(struct sova_bin_reader *r, struct sova_tu_facts *facts)
{
	facts->diags = get_array(r, facts, MIN_DIAG, sizeof(*facts->diags), &facts->capdiags);
	for (; facts->ndiags < facts->capdiags && !r->bad; facts->ndiags++) {
		struct sova_diag *d = &facts->diags[facts->ndiags];
		d->level = (enum sova_diag_level)get_bounded(r, SOVA_DIAG_ERROR);
		d->file = sova_bin_get_str(r);
		d->line = (unsigned)get_bounded(r, 0xffffffffU);
		d->col = (unsigned)get_bounded(r, 0xffffffffU);
		d->message = sova_bin_get_str(r);
		if (!d->message)
			r->bad = 1;
	}
}

static void get_markers(struct sova_bin_reader *r, struct sova_tu_facts *facts)
{
	facts->markers = get_array(r, facts, MIN_MARKER, sizeof(*facts->markers), &facts->capmarkers);
	for (; facts->nmarkers < facts->capmarkers && !r->bad; facts->nmarkers++) {
		struct sova_marker *m = &facts->markers[facts->nmarkers];
		long file = get_int(r);
		m->file = file >= 0 && file <= 0x7fffffffL ? (int)file : -1; /* -1: rejected by the check */
		m->line = (unsigned)get_bounded(r, 0xffffffffU);
		m->text = sova_bin_get_str(r);
	}
}

int sova_bin_get_facts(struct sova_bin_reader *r, struct sova_tu_facts *facts)
{
	facts->sealed = 1;
	facts->main_file = sova_bin_get_str(r);
	facts->failed = (int)get_bounded(r, 1);
	get_strings(r, facts, &facts->files, &facts->nfiles, &facts->capfiles);
	get_strings(r, facts, &facts->includes, &facts->nincludes, &facts->capincludes);
	facts->funcs = get_array(r, facts, MIN_FUNC, sizeof(*facts->funcs), &facts->capfuncs);
	for (; facts->nfuncs < facts->capfuncs && !r->bad; facts->nfuncs++)
		get_func(r, facts, &facts->funcs[facts->nfuncs]);
	get_assigns(r, facts, &facts->globals, &facts->nglobals, &facts->capglobals);
	get_decls(r, facts);
	get_diags(r, facts);
	get_markers(r, facts);
	if (r->bad || sova_tu_facts_check(facts) != 0) {
		sova_tu_facts_free(facts);
		return -1;
	}
	return 0;
}
