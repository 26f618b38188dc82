/* extract_conds.c - what holds whenever a call runs: tests of the function's
 * parameters against constants, and earlier calls whose result is true.
 *
 * Both come from the code around the call: the if-condition of the branch
 * it is in or the condition of the while loop, the left side of the && or
 * || it is the right side of, the
 * condition of the ?: branch, and every earlier `if (E) return;` (or break,
 * continue) of the blocks it is in, which leaves E false for the rest of
 * the block. Only what a condition implies is kept: `a && b` true implies
 * both, `a || b` true implies neither. A bit test (`test & FLAG`, or
 * `(test & FLAG) == 0`) is a test of those bits; a parameter that only
 * loses bits (`test &= ~K`) keeps its "some bit set" tests, which still
 * hold of its value on entry. The engine prunes a call whose tests
 * the caller's constant arguments contradict (`if (sync)` entered with
 * false), and a completion check asserted true proves that a wait on it
 * cannot block. */
#include "extract_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONDITION_DEPTH 64

/* Paths are interned in the TU's pool: equal paths are one pointer. */
static void add_test(struct held *h, const struct sova_cond *cond)
{
	for (size_t i = 0; i < h->nconds; i++)
		if (h->conds[i].param == cond->param && h->conds[i].path == cond->path &&
		    h->conds[i].equal == cond->equal && h->conds[i].value == cond->value &&
		    h->conds[i].mask == cond->mask && h->conds[i].rel == cond->rel)
			return;
	SOVA_PUSH(h->conds, h->nconds, h->capconds, *cond);
}

static void add_cond(struct held *h, int param, const char *path, int equal, long value, long mask)
{
	struct sova_cond cond = { param, path, equal, value, mask, SOVA_COND_EQUALS };
	add_test(h, &cond);
}

static void add_either(struct held *h, const struct sova_either *either)
{
	for (size_t i = 0; i < h->neithers; i++)
		if (sova_cond_same(&h->eithers[i].a, &either->a) && sova_cond_same(&h->eithers[i].b, &either->b))
			return;
	SOVA_PUSH(h->eithers, h->neithers, h->capeithers, *either);
}

/* A call's result known to be true (call), or false (-call - 1): a guard. */
static void add_truth(struct held *h, int call)
{
	for (size_t i = 0; i < h->ntruths; i++)
		if (h->truths[i] == call)
			return;
	SOVA_PUSH(h->truths, h->ntruths, h->captruths, call);
}

/* The index of the current function's parameter that a reference names, or -1. */
static int param_named(struct extractor *ex, CXCursor c)
{
	if (!ext_is_kind(c, CXCursor_DeclRefExpr))
		return -1;
	CXCursor decl = clang_getCursorReferenced(c);
	if (!ext_is_kind(decl, CXCursor_ParmDecl))
		return -1;
	struct sova_val v = ext_value_of_decl(ex, decl);
	const struct sova_func *fn = ext_func(ex);
	if (v.kind != SOVA_VAL_PARAM || !fn || strcmp(v.usr, fn->usr) != 0)
		return -1;
	return (int)v.num;
}

/* The parameter c reads, itself (*path NULL) or through members only
 * (p->a.b: *path the members' field USRs); -1 when c reads none. */
static int param_read(struct extractor *ex, CXCursor c, const char **path)
{
	CXCursor base;
	char *fields = ext_member_path(ex, c, &base);
	int param = param_named(ex, base);
	*path = param >= 0 && fields ? ext_str(ex, fields) : NULL;
	free(fields);
	return param;
}

/* The local variable c reads, itself (*path NULL) or through members;
 * NULL when c reads none. */
static const char *local_read(struct extractor *ex, CXCursor c, const char **path)
{
	CXCursor base;
	char *fields = ext_member_path(ex, c, &base);
	const char *local = ext_local_named(ex, base);
	*path = local && fields ? ext_str(ex, fields) : NULL;
	free(fields);
	return local;
}

/* The parameter a local's one write so far reads, with the test's own
 * members on the local after the value's (`struct item *it = data;`
 * makes it->state data's state; `wme = TAILQ_FIRST(&wp->modes)` makes
 * wme wp's modes.tqh_first); -1 when it reads none. */
static int param_through_local(struct extractor *ex, const char *local, const char *local_path, const char **path)
{
	CXCursor value;
	const char *value_path;
	int param = ext_local_value(ex, local, &value) ? param_read(ex, ext_peeled(ex, value), &value_path) : -1;
	if (param < 0)
		return -1;
	if (!local_path || !value_path) {
		*path = local_path ? local_path : value_path;
		return param;
	}
	size_t a = strlen(value_path), b = strlen(local_path);
	char *joined = sova_xmalloc(a + b + 1);
	memcpy(joined, value_path, a);
	memcpy(joined + a, local_path, b + 1);
	*path = ext_str(ex, joined);
	free(joined);
	return param;
}

/* Where the condition being read ends, found once per condition. */
static unsigned condition_end(struct extractor *ex)
{
	if (!ex->condition_end_known) {
		ex->condition_end = ext_offset_of(clang_getRangeEnd(clang_getCursorExtent(ex->condition)));
		ex->condition_end_known = 1;
	}
	return ex->condition_end;
}

/* A test of a local, or of a field reached from one: kept as that (it
 * holds at a later call that passes the local, while nothing writes the
 * local), and, when the local holds what a parameter held, as a test of
 * the parameter (provisional: see extract_locals.c). */
static void add_local_test(struct extractor *ex, struct held *h, const char *local, const char *path, int equal,
			   long value)
{
	int seen = 0;
	for (size_t i = 0; i < h->nlocal_conds && !seen; i++) {
		const struct local_cond *lc = &h->local_conds[i];
		seen = lc->local == local && lc->cond.path == path && lc->cond.equal == equal && lc->cond.value == value;
	}
	if (!seen) {
		struct local_cond lc = { local, { 0, path, equal, value, 0, SOVA_COND_EQUALS }, condition_end(ex) };
		SOVA_PUSH(h->local_conds, h->nlocal_conds, h->caplocal_conds, lc);
	}
	const char *param_path;
	int param = param_through_local(ex, local, path, &param_path);
	if (param < 0)
		return;
	add_cond(h, param, param_path, equal, value, 0);
	struct sova_cond cond = { param, param_path, equal, value, 0, SOVA_COND_EQUALS };
	ext_locals_provisional(ex, local, &cond);
}

/* call != 0 holds: the call's result is true. */
static void call_comparison(struct extractor *ex, CXCursor lhs, CXCursor rhs, int equal, struct held *out)
{
	CXCursor call = ext_is_kind(lhs, CXCursor_CallExpr) ? lhs : rhs;
	CXCursor constant = ext_is_kind(lhs, CXCursor_CallExpr) ? rhs : lhs;
	int index = ext_node_table_get(&ex->calls, call);
	struct sova_val v = ext_int_value(constant);
	if (index >= 0 && !equal && v.kind == SOVA_VAL_INT && v.num == 0)
		add_truth(out, index);
}

static int bits_comparison(struct extractor *ex, CXCursor bits, CXCursor constant, int equal, struct held *out);

static int same_variable(const struct local_equal *a, const struct local_equal *b)
{
	return a->local == b->local && (a->local || a->param == b->param);
}

static void add_local_equal(struct held *h, const struct local_equal *le)
{
	for (size_t i = 0; i < h->nlocal_equals; i++)
		if (same_variable(&h->local_equals[i], le) && h->local_equals[i].test == le->test &&
		    sova_val_same(&h->local_equals[i].value, &le->value))
			return;
	SOVA_PUSH(h->local_equals, h->nlocal_equals, h->caplocal_equals, *le);
}

/* var == other, var a local or parameter as a whole, other not a
 * constant: the variable holds what other does. */
static void local_equals_value(struct extractor *ex, CXCursor var, CXCursor other, struct held *out)
{
	const char *path;
	struct local_equal le = { local_read(ex, var, &path), -1, { 0 }, 0, 0 };
	if (!le.local && !path)
		le.param = param_read(ex, var, &path);
	if ((!le.local && le.param < 0) || path)
		return;
	le.value = ext_value_of(ex, other);
	le.at = condition_end(ex);
	le.test = ex->equality_tests++;
	if (le.value.kind != SOVA_VAL_UNKNOWN && le.value.kind != SOVA_VAL_INT && !le.value.address)
		add_local_equal(out, &le);
}

/* lhs == rhs holds and neither is a constant: what each local side equals. */
static void equality(struct extractor *ex, CXCursor lhs, CXCursor rhs, struct held *out)
{
	local_equals_value(ex, lhs, rhs, out);
	local_equals_value(ex, rhs, lhs, out);
}

/* param == constant, or constant == param: the test, when c is one; and
 * call != 0, a call asserted true. */
static void comparison(struct extractor *ex, CXCursor lhs, CXCursor rhs, int equal, struct held *out)
{
	lhs = ext_peeled(ex, lhs);
	rhs = ext_peeled(ex, rhs);
	if (bits_comparison(ex, lhs, rhs, equal, out) || bits_comparison(ex, rhs, lhs, equal, out))
		return;
	if (ext_is_kind(lhs, CXCursor_CallExpr) != ext_is_kind(rhs, CXCursor_CallExpr)) {
		call_comparison(ex, lhs, rhs, equal, out);
		return;
	}
	const char *path;
	int param = param_read(ex, lhs, &path);
	CXCursor constant = rhs;
	if (param < 0) {
		param = param_read(ex, rhs, &path);
		constant = lhs;
	}
	if (param >= 0) {
		struct sova_val v = ext_int_value(constant);
		if (v.kind == SOVA_VAL_INT)
			add_cond(out, param, path, equal, v.num, 0);
		else if (equal)
			equality(ex, lhs, rhs, out);
		return;
	}
	const char *local = local_read(ex, lhs, &path);
	constant = rhs;
	if (!local) {
		local = local_read(ex, rhs, &path);
		constant = lhs;
	}
	struct sova_val v = local ? ext_int_value(constant) : (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
	if (v.kind == SOVA_VAL_INT)
		add_local_test(ex, out, local, path, equal, v.num);
	else if (equal)
		equality(ex, lhs, rhs, out);
}

/* The operands of c, an a & b: the parameter (or a field of it) whose
 * bits K are read, and K; -1 when they are not a parameter and a constant. */
static int bits_operands(struct extractor *ex, CXCursor c, const char **path, long *mask)
{
	CXCursor lhs = ext_peeled(ex, ext_child_at(ex, c, 0)), rhs = ext_peeled(ex, ext_child_at(ex, c, 1));
	int param = param_read(ex, lhs, path);
	struct sova_val k = ext_int_value(param >= 0 ? rhs : lhs);
	if (param < 0)
		param = param_read(ex, rhs, path);
	if (param < 0 || k.kind != SOVA_VAL_INT || k.num == 0)
		return -1;
	*mask = k.num;
	return param;
}

/* param & K, a test of bits, as bits_operands; -1 when c is not one. */
static int bits_read(struct extractor *ex, CXCursor c, const char **path, long *mask)
{
	char op[8];
	if (!ext_is_kind(c, CXCursor_BinaryOperator))
		return -1;
	ext_binary_operator(ex, c, op, sizeof(op));
	return strcmp(op, "&") == 0 ? bits_operands(ex, c, path, mask) : -1;
}

/* c, an a & b, is true (sense 1) or false. */
static void bits_truth(struct extractor *ex, CXCursor c, int sense, struct held *out)
{
	const char *path;
	long mask;
	int param = bits_operands(ex, c, &path, &mask);
	if (param >= 0)
		add_cond(out, param, path, !sense, 0, mask);
}

/* (param & K) == constant (equal) or != constant; returns 0 when bits is
 * no bit test. */
static int bits_comparison(struct extractor *ex, CXCursor bits, CXCursor constant, int equal, struct held *out)
{
	const char *path;
	long mask;
	int param = bits_read(ex, ext_peeled(ex, bits), &path, &mask);
	if (param < 0)
		return 0;
	struct sova_val v = ext_int_value(constant);
	if (v.kind == SOVA_VAL_INT)
		add_cond(out, param, path, equal, v.num, mask);
	return 1;
}

static void implied(struct extractor *ex, CXCursor c, int sense, struct held *out, int depth);

/* c is of a signed integer type: its order against a constant is the
 * order of the numbers (an unsigned one would wrap a negative constant). */
static int signed_integer(CXCursor c)
{
	switch (clang_getCanonicalType(clang_getCursorType(c)).kind) {
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_Short:
	case CXType_Int:
	case CXType_Long:
	case CXType_LongLong:
		return 1;
	default:
		return 0;
	}
}

/* param OP constant or constant OP param, OP one of < <= > >=, true
 * (sense 1) or false: kept as param < K or param >= K (see sova_cond). */
static void order_comparison(struct extractor *ex, CXCursor lhs, CXCursor rhs, const char *op, int sense,
			     struct held *out)
{
	lhs = ext_peeled(ex, lhs);
	rhs = ext_peeled(ex, rhs);
	const char *path;
	int param = param_read(ex, lhs, &path);
	CXCursor var = lhs, constant = rhs;
	int less = op[0] == '<', or_equal = op[1] == '=';
	if (param < 0) { /* K < p is p > K */
		param = param_read(ex, rhs, &path);
		var = rhs;
		constant = lhs;
		less = !less;
	}
	struct sova_val k = param >= 0 ? ext_int_value(constant) : (struct sova_val){ .kind = SOVA_VAL_UNKNOWN };
	int plus_one = less == or_equal; /* p <= K is p < K + 1; p > K is p >= K + 1 */
	if (k.kind != SOVA_VAL_INT || !signed_integer(var) || (plus_one && k.num == LONG_MAX))
		return;
	long bound = plus_one ? k.num + 1 : k.num;
	int holds = less; /* p < bound, or else p >= bound */
	struct sova_cond cond = { param, path, holds == sense, bound, 0, SOVA_COND_LESS };
	add_test(out, &cond);
}

static int equals_variable(const struct held *h, const struct local_equal *of)
{
	for (size_t i = 0; i < h->nlocal_equals; i++)
		if (same_variable(&h->local_equals[i], of))
			return 1;
	return 0;
}

/* Pairs of tests at most, from one if: the sides' tests multiply. */
#define MAX_EITHERS 16

/* `a || b` true, or `a && b` false (a and b then each as sense says):
 * one side's tests or the other's hold. Each test of one side with each
 * of the other is an either (sova_call's entry_conds; ext_call_conditions
 * also reads them against the tests of the branch the call is in). A
 * local that each side equals to some value equals one of the values of
 * both sides. Nothing else of either side is kept. */
static void either_equality(struct extractor *ex, CXCursor a, CXCursor b, int sense, struct held *out, int depth)
{
	struct held left = { 0 }, right = { 0 };
	implied(ex, a, sense, &left, depth + 1);
	if (left.nconds || left.nlocal_equals) /* else nothing pairs with b's */
		implied(ex, b, sense, &right, depth + 1);
	for (size_t i = 0; i < left.nconds && out->neithers < MAX_EITHERS; i++)
		for (size_t k = 0; k < right.nconds && out->neithers < MAX_EITHERS; k++) {
			struct sova_either either = { left.conds[i], right.conds[k] };
			add_either(out, &either);
		}
	unsigned test = ex->equality_tests++; /* one test: the values of both sides */
	for (size_t i = 0; i < left.nlocal_equals; i++)
		if (equals_variable(&right, &left.local_equals[i])) {
			struct local_equal le = left.local_equals[i];
			le.test = test;
			add_local_equal(out, &le);
		}
	for (size_t i = 0; i < right.nlocal_equals; i++)
		if (equals_variable(&left, &right.local_equals[i])) {
			struct local_equal le = right.local_equals[i];
			le.test = test;
			add_local_equal(out, &le);
		}
	ext_held_free(&left);
	ext_held_free(&right);
}

static void implied_binary(struct extractor *ex, CXCursor c, CXCursor paren, int sense, struct held *out, int depth)
{
	char op[8];
	ext_binary_operator_in(ex, c, paren, op, sizeof(op));
	CXCursor lhs = ext_child_at(ex, c, 0), rhs = ext_child_at(ex, c, 1);
	if ((strcmp(op, "&&") == 0 && sense) || (strcmp(op, "||") == 0 && !sense)) {
		implied(ex, lhs, sense, out, depth + 1);
		implied(ex, rhs, sense, out, depth + 1);
	} else if ((strcmp(op, "||") == 0 && sense) || (strcmp(op, "&&") == 0 && !sense)) {
		either_equality(ex, lhs, rhs, sense, out, depth);
	} else if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
		comparison(ex, lhs, rhs, (strcmp(op, "==") == 0) == sense, out);
	} else if (strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">") == 0 || strcmp(op, ">=") == 0) {
		order_comparison(ex, lhs, rhs, op, sense, out);
	} else if (strcmp(op, "&") == 0) {
		bits_truth(ex, c, sense, out);
	}
}

/* The initializer of the const local that c names (`const bool sized =
 * mapsize;`), or a null cursor: such a local always holds what its
 * initializer computed on the way in, so a test of it is a test of that. */
static CXCursor const_local_init(struct extractor *ex, CXCursor c)
{
	if (!ext_is_kind(c, CXCursor_DeclRefExpr))
		return clang_getNullCursor();
	CXCursor decl = clang_getCursorReferenced(c);
	if (!ext_is_kind(decl, CXCursor_VarDecl) || !clang_isConstQualifiedType(clang_getCursorType(decl)) ||
	    clang_getCursorLinkage(decl) != CXLinkage_NoLinkage || clang_Cursor_getStorageClass(decl) == CX_SC_Static)
		return clang_getNullCursor();
	struct child_list kids;
	ext_children(ex, decl, &kids);
	CXCursor init = kids.last_expr >= 0 ? kids.items[kids.last_expr] : clang_getNullCursor();
	ext_children_free(&kids);
	return init;
}

/* Adds to out what c being true (sense 1) or false (sense 0) implies. */
static void implied(struct extractor *ex, CXCursor c, int sense, struct held *out, int depth)
{
	if (depth > MAX_CONDITION_DEPTH)
		return;
	CXCursor paren = clang_getNullCursor(); /* peeled as ext_peeled does, keeping the innermost ( ) */
	for (int i = 0; i < MAX_CONDITION_DEPTH; i++) {
		enum CXCursorKind wrapper = clang_getCursorKind(c);
		CXCursor inside;
		if ((wrapper != CXCursor_ParenExpr && wrapper != CXCursor_UnexposedExpr &&
		     wrapper != CXCursor_CStyleCastExpr) ||
		    !ext_wrapped_expr(ex, c, &inside))
			break;
		if (wrapper == CXCursor_ParenExpr)
			paren = c;
		c = inside;
	}
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor inner;
	if (kind == CXCursor_UnaryOperator && ext_first_char(ex, c) == '!' && ext_wrapped_expr(ex, c, &inner)) {
		implied(ex, inner, !sense, out, depth + 1);
	} else if (kind == CXCursor_BinaryOperator) {
		implied_binary(ex, c, paren, sense, out, depth);
	} else if (kind == CXCursor_CallExpr) {
		int call = ext_node_table_get(&ex->calls, c);
		if (call >= 0)
			add_truth(out, sense ? call : -call - 1);
	} else {
		CXCursor init = const_local_init(ex, c);
		const char *path;
		int param = clang_Cursor_isNull(init) ? param_read(ex, c, &path) : -1;
		const char *local = NULL;
		if (!clang_Cursor_isNull(init))
			implied(ex, init, sense, out, depth + 1);
		else if (param >= 0)
			add_cond(out, param, path, !sense, 0, 0);
		else if ((local = local_read(ex, c, &path)))
			add_local_test(ex, out, local, path, !sense, 0);
	}
}

/* The test of a parameter that c computes exactly, as a value: its truth
 * (`!(flags & K)`, `p != 0`, `(flags & K) == K`, `!p`), or with *keep_bits
 * the bits themselves (`flags & K`); 0 when c is no such test. Unlike
 * implied(), nothing is dropped: the argument's value is the test's. */
static int exact_test(struct extractor *ex, CXCursor c, struct sova_cond *out, int *keep_bits, int depth)
{
	if (depth > MAX_CONDITION_DEPTH)
		return 0;
	c = ext_peeled(ex, c);
	CXCursor inner;
	const char *path;
	long mask;
	if (ext_is_kind(c, CXCursor_UnaryOperator) && ext_first_char(ex, c) == '!' && ext_wrapped_expr(ex, c, &inner)) {
		int bits = 0;
		if (!exact_test(ex, inner, out, &bits, depth + 1))
			return 0;
		if (bits) /* !(p & K): the bits are all clear */
			*out = (struct sova_cond){ out->param, out->path, 1, 0, out->mask, SOVA_COND_EQUALS };
		else
			out->equal = !out->equal;
		*keep_bits = 0;
		return 1;
	}
	if (!ext_is_kind(c, CXCursor_BinaryOperator)) {
		int param = param_read(ex, c, &path);
		if (param < 0)
			return 0;
		*out = (struct sova_cond){ param, path, 0, 0, 0, SOVA_COND_EQUALS }; /* used as a truth: p != 0 */
		*keep_bits = 0;
		return depth > 0; /* a bare parameter is an argument of its own kind */
	}
	char op[8];
	ext_binary_operator(ex, c, op, sizeof(op));
	if (strcmp(op, "&") == 0) {
		int param = bits_operands(ex, c, &path, &mask);
		if (param < 0 || path)
			return 0;
		*out = (struct sova_cond){ param, NULL, 0, 0, mask, SOVA_COND_EQUALS };
		*keep_bits = 1;
		return 1;
	}
	if (strcmp(op, "==") != 0 && strcmp(op, "!=") != 0)
		return 0;
	CXCursor lhs = ext_peeled(ex, ext_child_at(ex, c, 0)), rhs = ext_peeled(ex, ext_child_at(ex, c, 1));
	struct sova_val k = ext_int_value(rhs);
	CXCursor tested = lhs;
	if (k.kind != SOVA_VAL_INT) {
		k = ext_int_value(lhs);
		tested = rhs;
	}
	int param = bits_read(ex, tested, &path, &mask);
	if (param < 0) {
		mask = 0;
		param = param_read(ex, tested, &path);
	}
	if (k.kind != SOVA_VAL_INT || param < 0 || (path && mask))
		return 0;
	*out = (struct sova_cond){ param, path, strcmp(op, "==") == 0, k.num, mask, SOVA_COND_EQUALS };
	*keep_bits = 0;
	return 1;
}

void ext_derived_arg(struct extractor *ex, CXCursor arg, int index, struct sova_call *call)
{
	struct sova_derived_arg t = { index, 0, { 0 } };
	if (!exact_test(ex, arg, &t.cond, &t.keep_bits, 0))
		return;
	if (t.keep_bits && clang_getCursorType(arg).kind == CXType_Bool)
		t.keep_bits = 0; /* `flags & K` converted to a bool parameter is 1, not K: (flags & K) != 0 */
	size_t cap = call->nderived_args;
	SOVA_PUSH(call->derived_args, call->nderived_args, cap, t);
}

void ext_condition_implies(struct extractor *ex, CXCursor condition, int sense, struct held *out)
{
	CXCursor around = ex->condition;
	int known = ex->condition_end_known;
	unsigned end = ex->condition_end;
	ex->condition = condition;
	ex->condition_end_known = 0;
	implied(ex, condition, sense, out, 0);
	ex->condition = around; /* a loop's test read while closing, say */
	ex->condition_end_known = known;
	ex->condition_end = end;
}

void ext_held_add(struct held *dst, const struct held *src)
{
	for (size_t i = 0; i < src->nconds; i++)
		add_test(dst, &src->conds[i]);
	for (size_t i = 0; i < src->nlocal_conds; i++)
		SOVA_PUSH(dst->local_conds, dst->nlocal_conds, dst->caplocal_conds, src->local_conds[i]);
	for (size_t i = 0; i < src->nlocal_equals; i++)
		SOVA_PUSH(dst->local_equals, dst->nlocal_equals, dst->caplocal_equals, src->local_equals[i]);
	for (size_t i = 0; i < src->ntruths; i++)
		add_truth(dst, src->truths[i]);
	for (size_t i = 0; i < src->neithers; i++)
		add_either(dst, &src->eithers[i]);
}

void ext_held_free(struct held *h)
{
	free(h->eithers);
	free(h->conds);
	free(h->local_conds);
	free(h->local_equals);
	free(h->truths);
	memset(h, 0, sizeof(*h));
}

/* The if statement a branch is, alone or as the one statement of a block. */
static CXCursor lone_if(struct extractor *ex, CXCursor stmt)
{
	struct child_list kids;
	if (ext_is_kind(stmt, CXCursor_CompoundStmt)) {
		ext_children(ex, stmt, &kids);
		CXCursor only = kids.count == 1 ? kids.items[0] : clang_getNullCursor();
		ext_children_free(&kids);
		stmt = only;
	}
	return ext_is_kind(stmt, CXCursor_IfStmt) ? stmt : clang_getNullCursor();
}

/* `if (E) { if (C) T; else leave; }` (or `if (C) leave; else T;`, with T
 * not leaving): after it, E is false or C was as T needs. Each test !E
 * implies, paired with each C implies, is an either. */
static void leave_unless(struct extractor *ex, struct frame *f, struct frame *block)
{
	CXCursor inner = lone_if(ex, f->second);
	struct child_list kids;
	if (clang_Cursor_isNull(inner))
		return;
	ext_children(ex, inner, &kids);
	if (kids.count == 3) {
		int then_leaves = ext_stmt_leaves(ex, kids.items[1], 1), else_leaves = ext_stmt_leaves(ex, kids.items[2], 1);
		if (then_leaves != else_leaves) {
			struct held not_e = { 0 }, c = { 0 };
			ext_condition_implies(ex, f->first, 0, &not_e);
			ext_condition_implies(ex, kids.items[0], else_leaves, &c);
			for (size_t i = 0; i < not_e.nconds && block->after.neithers < MAX_EITHERS; i++)
				for (size_t k = 0; k < c.nconds && block->after.neithers < MAX_EITHERS; k++) {
					struct sova_either either = { not_e.conds[i], c.conds[k] };
					add_either(&block->after, &either);
				}
			ext_held_free(&not_e);
			ext_held_free(&c);
		}
	}
	ext_children_free(&kids);
}

void ext_leave_if(struct extractor *ex, struct frame *f)
{
	/* `case K: if (E) break;`: the if's block is the one the label is in. */
	size_t at = ex->depth >= 2 ? ex->depth - 2 : 0;
	while (at > 0 && (ex->stack[at].kind == CXCursor_CaseStmt || ex->stack[at].kind == CXCursor_DefaultStmt))
		at--;
	struct frame *block = at > 0 ? &ex->stack[at] : NULL;
	if (f->children != 2 || !block || block->kind != CXCursor_CompoundStmt || !ext_func(ex))
		return;
	if (!ext_stmt_leaves(ex, f->second, 1)) {
		leave_unless(ex, f, block);
		return;
	}
	/* `if (E) goto out;` leaves E false too: at `out:`, and at any label
	 * a goto may reach, what the blocks around held is dropped
	 * (extract_labels.c), so it holds only up to there. */
	ext_condition_implies(ex, f->first, 0, &block->after);
}

static int has_value(const long *values, size_t n, long v)
{
	for (size_t i = 0; i < n; i++)
		if (values[i] == v)
			return 1;
	return 0;
}

/* What the labels of switch sw that reach the statement of its body being
 * walked say of the parameter it tests: one case label gives param == K;
 * several, or a default among them, param != every other label, which is
 * all that tests joined by "and" can say of "K1 or K2". */
static void switch_implies(struct extractor *ex, struct frame *sw, struct frame *body, struct held *out)
{
	struct switch_labels reach = { 0 };
	const char *path;
	CXCursor tested = ext_peeled(ex, ext_child_at(ex, sw->cursor, 0));
	int param = param_read(ex, tested, &path);
	const char *local = param < 0 ? local_read(ex, tested, &path) : NULL;
	if ((param >= 0 || local) && ext_switch_reach(ex, sw, body, &reach)) {
		const struct switch_labels *all = &sw->labels;
		ex->condition = tested;
		ex->condition_end_known = 0;
		for (size_t i = 0; i < all->nvalues; i++) {
			int one = reach.nvalues == 1 && !reach.has_default;
			if (one ? all->values[i] != reach.values[0] : has_value(reach.values, reach.nvalues, all->values[i]))
				continue;
			if (param >= 0)
				add_cond(out, param, path, one, all->values[i], 0);
			else
				add_local_test(ex, out, local, path, one, all->values[i]);
		}
	}
	free(reach.values);
}

/* What frame i says of the child being walked: the branch of an if or a
 * ?: taken, the right side of && or ||, the labels of a switch that reach
 * a statement of its body; NULL when it says nothing. */
static const struct held *frame_held(struct extractor *ex, size_t i)
{
	struct frame *f = &ex->stack[i];
	if (f->entered_sideways)
		return NULL;
	if (f->kind == CXCursor_CompoundStmt && ex->stack[i - 1].kind == CXCursor_SwitchStmt) {
		if (f->held_for != f->children) {
			ext_held_free(&f->held);
			switch_implies(ex, &ex->stack[i - 1], f, &f->held);
			f->held_for = f->children;
		}
		return &f->held;
	}
	int sense;
	if (f->kind == CXCursor_IfStmt && (f->children == 2 || f->children == 3)) {
		sense = f->children == 2;
	} else if (f->kind == CXCursor_WhileStmt && f->children == 2) {
		sense = 1; /* the body runs while the condition holds */
	} else if (f->kind == CXCursor_ConditionalOperator && (f->children == 2 || f->children == 3)) {
		/* The GNU c ?: b has two children, and b runs when c is false. */
		sense = f->children == 2 && clang_Cursor_isNull(ext_child_at(ex, f->cursor, 2)) ? 0 : f->children == 2;
	} else if (f->kind == CXCursor_BinaryOperator && f->children == 2) {
		const char *op = ext_frame_operator(ex, f);
		if (strcmp(op, "&&") != 0 && strcmp(op, "||") != 0)
			return NULL;
		sense = op[0] == '&';
	} else {
		return NULL;
	}
	if (f->held_for != f->children) {
		ext_held_free(&f->held);
		ext_condition_implies(ex, f->first, sense, &f->held);
		f->held_for = f->children;
	}
	return &f->held;
}

/* ---- tests kept for extract_entry.c ---- */

static void span_of(struct frame *f)
{
	if (f->span_known)
		return;
	CXSourceRange extent = clang_getCursorExtent(f->cursor);
	f->span_from = ext_offset_of(clang_getRangeStart(extent));
	f->span_to = ext_offset_of(clang_getRangeEnd(extent));
	f->span_known = 1;
}

/* The test frame i makes: a switch body's is its switch's. */
static CXCursor test_of(const struct extractor *ex, size_t i)
{
	const struct frame *f = &ex->stack[i];
	if (f->kind == CXCursor_CompoundStmt && i > 0 && ex->stack[i - 1].kind == CXCursor_SwitchStmt)
		return ex->stack[i - 1].first;
	return f->first;
}

static struct frame *function_frame_at(struct extractor *ex, size_t *at)
{
	for (size_t i = ex->depth; i-- > 0;)
		if (ex->stack[i].opens_func) {
			*at = i;
			return &ex->stack[i];
		}
	return NULL;
}

/* Keeps a test of a field that frame i makes around the call being left,
 * in case the function stores the field later (extract_entry.c). */
static void note_entry_test(struct extractor *ex, size_t i, const struct sova_cond *cond)
{
	size_t start;
	struct frame *fn = function_frame_at(ex, &start);
	const struct sova_func *func = ext_func(ex);
	if (!fn || !func || !cond->path)
		return;
	struct entry_test t = { .call = func->ncalls, .cond = *cond };
	for (size_t k = fn->nentry_tests; k-- > 0 && fn->entry_tests[k].call == t.call;)
		if (sova_cond_same(&fn->entry_tests[k].cond, cond))
			return;
	t.test_end = ext_offset_of(clang_getRangeEnd(clang_getCursorExtent(test_of(ex, i))));
	for (size_t j = start + 1; j <= i && t.nloops >= 0; j++) {
		struct frame *f = &ex->stack[j];
		if (!ext_is_loop(f->kind))
			continue;
		if (t.nloops == ENTRY_MAX_LOOPS) {
			t.nloops = -1;
			break;
		}
		span_of(f);
		t.loops[t.nloops++] = (struct entry_loop){ f->cursor, f->span_from, f->span_to };
	}
	SOVA_PUSH(fn->entry_tests, fn->nentry_tests, fn->capentry_tests, t);
}

/* Whether a field on a test's path was stored into between the test and the call. */
static int path_stored_between(const struct frame *fn, const char *path, unsigned from, unsigned to)
{
	for (size_t k = 0; path && k < fn->nwritten_fields; k++)
		if (fn->written_at[k] >= from && fn->written_at[k] < to && sova_path_has_field(path, fn->written_fields[k]))
			return 1;
	return 0;
}

/* The tests of locals that the call passes: arg_conds. A test holds at the
 * call when no loop lies between it and the call (a later pass may have
 * changed the local after the test), and nothing wrote the local, or a
 * field on the test's path, in between. */
static void add_local_arg_conds(struct extractor *ex, struct sova_call *call, const struct local_cond *tests, size_t n)
{
	size_t start;
	const struct frame *fn = function_frame_at(ex, &start);
	unsigned call_at = 0;
	int call_at_known = 0;
	for (size_t k = 0; fn && k < n; k++) {
		const struct local_cond *t = &tests[k];
		for (size_t a = 0; a < call->nargs; a++) {
			const struct sova_val *v = &call->args[a];
			if (v->kind != SOVA_VAL_LOCAL || v->element || v->address || v->path || strcmp(v->usr, t->local) != 0)
				continue;
			if (!call_at_known) {
				call_at = ext_offset_of(clang_getCursorLocation(ex->stack[ex->depth - 1].cursor));
				call_at_known = 1;
			}
			if (!ext_local_unchanged(ex, t->local, t->at, call_at) ||
			    path_stored_between(fn, t->cond.path, t->at, call_at))
				continue;
			struct sova_cond known = t->cond;
			known.param = (int)a;
			ext_arg_cond_add(call, &known);
		}
	}
}

/* The values the locals the call passes were found equal to: arg_equals,
 * under add_local_arg_conds's terms. */
static void add_local_arg_equals(struct extractor *ex, struct sova_call *call, const struct local_equal *equals,
				 size_t n)
{
	unsigned call_at = ext_offset_of(clang_getCursorLocation(ex->stack[ex->depth - 1].cursor));
	size_t cap = call->narg_equals;
	unsigned *tests = sova_xcalloc(n + 1, sizeof(*tests)); /* the TU's test numbers, in the order met */
	size_t ntests = 0;
	for (size_t k = 0; k < n; k++) {
		const struct local_equal *le = &equals[k];
		for (size_t a = 0; a < call->nargs; a++) {
			const struct sova_val *v = &call->args[a];
			if (v->element || v->address || v->path)
				continue;
			if (le->local ? v->kind != SOVA_VAL_LOCAL || strcmp(v->usr, le->local) != 0 ||
					       !ext_local_unchanged(ex, le->local, le->at, call_at)
				      : v->kind != SOVA_VAL_PARAM || v->num != le->param)
				continue; /* a parameter written anywhere loses them at the close */
			size_t t = 0;
			while (t < ntests && tests[t] != le->test)
				t++;
			if (t == ntests)
				tests[ntests++] = le->test;
			int seen = 0;
			for (size_t i = 0; i < call->narg_equals && !seen; i++)
				seen = call->arg_equals[i].arg == (int)a && call->arg_equals[i].test == (int)t &&
				       sova_val_same(&call->arg_equals[i].value, &le->value);
			struct sova_arg_equal known = { (int)a, (int)t, le->value };
			if (!seen)
				SOVA_PUSH(call->arg_equals, call->narg_equals, cap, known);
		}
	}
	free(tests);
}

/* The tests and equalities of locals from the frames around the call with
 * no loop between them and it (a later pass may have changed the local). */
struct local_facts {
	struct local_cond *tests;
	size_t ntests, captests;
	struct local_equal *equals;
	size_t nequals, capequals;
};

static void gather_local_facts(struct extractor *ex, struct local_facts *out)
{
	/* The top frame is the call itself. */
	for (size_t i = ex->depth - 1; i-- > 1;) {
		struct frame *f = &ex->stack[i];
		if (f->opens_func)
			break;
		const struct held *h = frame_held(ex, i);
		for (size_t k = 0; k < f->after.nlocal_conds; k++)
			SOVA_PUSH(out->tests, out->ntests, out->captests, f->after.local_conds[k]);
		for (size_t k = 0; h && k < h->nlocal_conds; k++)
			SOVA_PUSH(out->tests, out->ntests, out->captests, h->local_conds[k]);
		for (size_t k = 0; k < f->after.nlocal_equals; k++)
			SOVA_PUSH(out->equals, out->nequals, out->capequals, f->after.local_equals[k]);
		for (size_t k = 0; h && k < h->nlocal_equals; k++)
			SOVA_PUSH(out->equals, out->nequals, out->capequals, h->local_equals[k]);
		if (ext_is_loop(f->kind))
			break;
	}
}

/* The test held contradicts side: the same storage tested the other
 * way (`fm == NULL` against `fm != NULL`), or for another constant. */
static int cond_opposes(const struct sova_cond *held, const struct sova_cond *side)
{
	if (held->param != side->param || held->mask != side->mask || held->rel != side->rel ||
	    !(held->path && side->path ? strcmp(held->path, side->path) == 0 : held->path == side->path))
		return 0;
	if (held->value == side->value)
		return held->equal != side->equal;
	return held->rel == SOVA_COND_EQUALS && !held->mask && held->equal && side->equal;
}

/* An either one of whose sides a test around the call contradicts leaves
 * the other side: after `if (fm == NULL && !create) return; else if (fm ==
 * NULL) watch();`, watch runs only with create set. */
static void settle_eithers(struct held *all)
{
	size_t n = all->neithers;
	for (size_t i = 0; i < n; i++) {
		const struct sova_either *either = &all->eithers[i];
		int a_out = 0, b_out = 0;
		for (size_t k = 0; k < all->nconds && !a_out && !b_out; k++) {
			a_out = cond_opposes(&all->conds[k], &either->a);
			b_out = cond_opposes(&all->conds[k], &either->b);
		}
		if (a_out != b_out)
			add_test(all, a_out ? &either->b : &either->a);
	}
}

void ext_call_conditions(struct extractor *ex, struct sova_call *call)
{
	struct held all = { 0 };
	struct local_facts locals = { 0 };
	gather_local_facts(ex, &locals);
	for (size_t i = 1; i + 1 < ex->depth; i++) {
		struct frame *f = &ex->stack[i];
		if (f->opens_func) {
			ext_held_free(&all); /* nothing outside a function or block holds inside it */
			continue;
		}
		ext_held_add(&all, &f->after);
		const struct held *h = frame_held(ex, i);
		if (h)
			ext_held_add(&all, h);
		for (size_t k = 0; h && k < h->nconds; k++)
			if (h->conds[k].path) /* kept in case the function stores the field later */
				note_entry_test(ex, i, &h->conds[k]);
	}
	settle_eithers(&all);
	size_t start;
	struct frame *func = function_frame_at(ex, &start);
	for (size_t i = 0; func && ext_func(ex) && i < all.neithers; i++) {
		struct pending_either p = { ext_func(ex)->ncalls, all.eithers[i] };
		SOVA_PUSH(func->pending_eithers, func->npending_eithers, func->cappending_eithers, p);
	}
	free(all.eithers);
	if (locals.ntests && call->nargs)
		add_local_arg_conds(ex, call, locals.tests, locals.ntests);
	if (locals.nequals && call->nargs)
		add_local_arg_equals(ex, call, locals.equals, locals.nequals);
	free(locals.tests);
	free(locals.equals);
	free(all.local_conds);
	free(all.local_equals);
	call->guards = all.truths;
	call->nguards = all.ntruths;
	call->conds = all.conds;
	call->nconds = all.nconds;
}

static struct frame *function_frame(struct extractor *ex)
{
	for (size_t i = ex->depth; i-- > 0;)
		if (ex->stack[i].opens_func)
			return &ex->stack[i];
	return NULL;
}

/* x &= K, with K a constant: bits are taken from x, none added. A test
 * that some bits of x are set still holds of x's value on entry. */
static int clears_bits(struct extractor *ex, const struct frame *up)
{
	if (up->kind != CXCursor_CompoundAssignOperator || up->children != 1)
		return 0;
	char op[8];
	ext_binary_operator(ex, up->cursor, op, sizeof(op));
	return strcmp(op, "&=") == 0 && ext_int_value(ext_peeled(ex, ext_child_at(ex, up->cursor, 1))).kind == SOVA_VAL_INT;
}

/* A parameter, or a field of any object, that the function changes or
 * lets others change: its tests on entry say nothing of the later calls.
 * ref is a DeclRefExpr or MemberRefExpr; an lvalue directly under an
 * operator is stored into, incremented or has its address taken (a read
 * would sit under an implicit cast). */
static void note_field_written(struct frame *fn, const char *field, unsigned at)
{
	SOVA_PUSH(fn->written_fields, fn->nwritten_fields, fn->capwritten_fields, field);
	if (fn->capwritten_at < fn->capwritten_fields) {
		fn->capwritten_at = fn->capwritten_fields;
		fn->written_at = sova_xrealloc(fn->written_at, fn->capwritten_at, sizeof(*fn->written_at));
	}
	fn->written_at[fn->nwritten_fields - 1] = at;
}

/* &x->m as the base of a member access, (&x->m)->f, as TAILQ_FIRST and
 * TAILQ_EMPTY write it: it reads through m and lets no one change it. */
static int address_read_through(struct extractor *ex, const struct frame *up)
{
	if (up->kind != CXCursor_UnaryOperator)
		return 0;
	for (size_t i = (size_t)(up - ex->stack); i-- > 0;) { /* the frames first: reading '&' costs more */
		enum CXCursorKind kind = ex->stack[i].kind;
		if (kind != CXCursor_ParenExpr && kind != CXCursor_UnexposedExpr)
			return kind == CXCursor_MemberRefExpr && ext_first_char(ex, up->cursor) == '&';
	}
	return 0;
}

/* A store to (&x->m)->f changes m as well (TAILQ_INSERT_TAIL stores to
 * (head)->tqh_last, and through it to the list's first element). */
static void note_members_under(struct extractor *ex, struct frame *fn, CXCursor member, unsigned at)
{
	CXCursor base = ext_peeled(ex, ext_child_at(ex, member, 0)), operand;
	for (int depth = 0; depth < MAX_CONDITION_DEPTH; depth++) {
		if (ext_is_kind(base, CXCursor_UnaryOperator) && ext_first_char(ex, base) == '&' &&
		    ext_wrapped_expr(ex, base, &operand))
			base = ext_peeled(ex, operand);
		if (!ext_is_kind(base, CXCursor_MemberRefExpr))
			return;
		note_field_written(fn, ext_usr(ex, clang_getCursorReferenced(base)), at);
		base = ext_peeled(ex, ext_child_at(ex, base, 0));
	}
}

int ext_note_write(struct extractor *ex, CXCursor ref, const struct frame *up)
{
	int lvalue_use = up->kind == CXCursor_UnaryOperator || up->kind == CXCursor_CompoundAssignOperator ||
			 (up->kind == CXCursor_BinaryOperator && up->children == 1);
	struct frame *fn = lvalue_use ? function_frame(ex) : NULL;
	if (!fn || address_read_through(ex, up))
		return 0;
	if (ext_is_kind(ref, CXCursor_MemberRefExpr)) {
		unsigned at = ext_offset_of(clang_getCursorLocation(ref));
		note_field_written(fn, ext_usr(ex, clang_getCursorReferenced(ref)), at);
		note_members_under(ex, fn, ref, at);
		return 1;
	}
	int param = param_named(ex, ref);
	if (param < 0)
		return 1;
	if (clears_bits(ex, up))
		SOVA_PUSH(fn->cleared, fn->ncleared, fn->capcleared, param);
	else
		SOVA_PUSH(fn->written, fn->nwritten, fn->capwritten, param);
	return 1;
}

/* Whether a path names a field the function writes. */
static int path_written(const char *path, const struct frame *f)
{
	for (size_t k = 0; path && k < f->nwritten_fields; k++)
		if (sova_path_has_field(path, f->written_fields[k]))
			return 1;
	return 0;
}

static int param_written(const struct frame *f, long param)
{
	for (size_t k = 0; k < f->nwritten; k++)
		if (f->written[k] == param)
			return 1;
	return 0;
}

int ext_cond_written(const struct sova_cond *cond, const struct frame *f)
{
	if (param_written(f, cond->param))
		return 1;
	/* (x & M) != 0 now implies it on entry when x only lost bits since. */
	int some_bits_set = cond->mask && !cond->equal && cond->value == 0 && !cond->path;
	for (size_t k = 0; k < f->ncleared && !some_bits_set; k++)
		if (f->cleared[k] == cond->param)
			return 1;
	return path_written(cond->path, f);
}

/* Whether an argument's test of a parameter may not be of its value on
 * entry: the parameter was assigned, or lost bits, somewhere. */
static int derived_arg_written(const struct sova_derived_arg *t, const struct frame *f)
{
	for (size_t k = 0; k < f->ncleared; k++)
		if (f->cleared[k] == t->cond.param)
			return 1;
	return ext_cond_written(&t->cond, f);
}

/* An argument equal to a value because the parameter it passes was: not
 * when the function writes that parameter anywhere. */
static void drop_written_equals(struct sova_call *call, const struct frame *f)
{
	size_t kept = 0;
	for (size_t i = 0; i < call->narg_equals; i++) {
		const struct sova_val *arg = &call->args[call->arg_equals[i].arg];
		if (arg->kind != SOVA_VAL_PARAM || !param_written(f, arg->num))
			call->arg_equals[kept++] = call->arg_equals[i];
	}
	call->narg_equals = kept;
}

void ext_drop_written_params(struct sova_func *fn, const struct frame *f)
{
	if (!f->nwritten && !f->ncleared && !f->nwritten_fields)
		return;
	for (size_t c = 0; c < fn->ncalls; c++) {
		struct sova_call *call = &fn->calls[c];
		drop_written_equals(call, f);
		size_t kept = 0;
		for (size_t i = 0; i < call->nconds; i++)
			if (!ext_cond_written(&call->conds[i], f))
				call->conds[kept++] = call->conds[i];
		call->nconds = kept;
		kept = 0;
		for (size_t i = 0; i < call->nderived_args; i++)
			if (!derived_arg_written(&call->derived_args[i], f))
				call->derived_args[kept++] = call->derived_args[i];
		call->nderived_args = kept;
	}
}
