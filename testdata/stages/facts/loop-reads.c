/* What the test of the loop around a call reads (loop_reads): a dereferenced
 * parameter, a member of a local, a local, a global through a call's argument,
 * in while and do loops; none for a call in a for loop, in the test itself, or
 * outside any loop; the innermost loop only. */
struct state {
    int done;
    void *result;
};

int step(void *ctx);
int flag_of(int *flag);
static int stopping;

void deref_param(void **result)
{
    while (!*result)
        step(0);
}

void member_of_local(void)
{
    struct state s = { 0, 0 };
    while (!s.done && s.result == 0) {
        if (stopping)
            break;
        step(&s);
    }
}

void pointer_member(struct state *st)
{
    do
        step(st);
    while (!st->done);
}

void global_through_call(void)
{
    while (!flag_of(&stopping))
        step(0);
}

void not_in_a_loop_body(int n)
{
    for (int i = 0; i < n; i++)
        step(0);
    while (step(0))
        ;
    step(0);
}

void innermost(void)
{
    int outer = 0, inner = 0;
    while (!outer) {
        while (!inner)
            step(&inner);
        step(&outer);
    }
}
