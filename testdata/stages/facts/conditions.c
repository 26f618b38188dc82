/* What holds whenever each call runs, as extraction records it: tests of parameters
 * (and of fields reached from them) from if/else, &&, ||, ?:, early returns, breaks and
 * continues; calls asserted true or false; a const local computed from a parameter; and no
 * test of a parameter the function writes. */
#include <stdbool.h>
#include <stddef.h>

struct task {
    void (*cb)(void *);
    void *arg;
    int busy;
};

void work(void);
void other(void);
int ready(void *p);

void branches(int flag, void *p, int mode)
{
    if (flag)
        work();
    else
        other();
    if (!p)
        work();
    if (mode == 3 && flag)
        work();
    if (mode != 2 || !flag)
        other();
    else
        work();
    flag ? work() : other();
    flag && ready(p);
    flag || ready(p);
}

void early(void *packet, int len)
{
    if (len < 0 || !packet)
        return;
    work();
    if (!ready(packet))
        return;
    other();
}

void loop(int n, bool stop)
{
    for (int i = 0; i < n; i++) {
        if (stop)
            break;
        work();
        if (!n)
            continue;
        other();
    }
    work();
}

void fields(struct task *t)
{
    if (t->cb == NULL) {
        work();
        return;
    }
    t->cb(t->arg);
    if (t->busy)
        other();
}

void written(int sync, struct task *t)
{
    sync = sync || t->busy;
    t->busy = 1;
    if (sync)
        work();
    if (t->busy)
        other();
}

int init(void *m);

void retry(void *m)
{
    while (init(m) != 0 && init(m) != 0)
        work();
    if (init(m) == 0)
        other();
    else
        work();
}

enum test_flags { T_EXISTS = 1, T_EXEC = 2, T_LINK = 4 };

/* glib's g_file_test: a bit test of a parameter, kept through x &= ~K
 * (bits only taken away), dropped through any other write. */
void bits(int test, int mode)
{
    if (test & T_LINK)
        work();
    if ((test & T_EXEC) == 0)
        other();
    test &= ~T_EXEC;
    if (mode & T_EXISTS)
        work();
    mode = 0;
}

void spawn_child(int reap, int close_fds, int search, int keep, int same, int nonnull);

/* glib's gspawn.c: booleans computed from the flags, as arguments. A
 * parameter the function writes gives no such argument. */
void spawn(int flags, void *p, int mode, int later)
{
    spawn_child(!(flags & T_EXEC), (flags & T_LINK) != 0, !p, flags & T_EXISTS, mode == 2, later);
    spawn_child(!!p, (flags & T_LINK) == T_LINK, !(later & T_LINK), 0, 0, 0);
    later = 1;
}

void take_bool(_Bool keep);

/* flags & K passed to a _Bool parameter is its truth, not its bits. */
void to_bool(int flags)
{
    take_bool(flags & T_LINK);
}

/* Calls known false, as well as true: `if (ready(p)) return;` leaves
 * ready(p) false for the rest of the block (a context test's shape). */
void guarded(void *p)
{
    if (ready(p))
        return;
    work();
    if (!ready(p))
        other();
    else
        work();
}

/* knot-resolver's cdb_open_env: a const local computed from a parameter
 * is that test, and so is a local the function writes once; a local
 * written again is not, even where the test comes first. */
void const_local(unsigned long mapsize, int flags)
{
    const int sized = mapsize;
    const int linked = (flags & T_LINK) != 0;
    int later = flags;
    int once = flags;
    if (sized)
        work();
    if (!linked)
        other();
    if (later)
        work();
    if (once == 2)
        other();
    later = 0;
}

struct req {
    int attempt;
    int uuid;
};

/* Either-or exits: after the if, len >= 0 or len == -104 (the retry's
 * test of r->attempt is dropped: the function writes that field), and
 * an order test: n <= 2 is kept as n < 3. */
void retry_or_leave(int len, struct req *r, int n)
{
    if (len < 0) {
        if (len == -104 && r->attempt < 1)
            r->attempt++;
        else
            return;
    }
    work();
    if (n <= 2)
        other();
}

/* `if (!p && !create) return; else if (!p) work();`: the failed && leaves
 * p or create set, the else-if's own test says p is not, so work() runs
 * with create set (gvfsd-trash's get_file_monitor). */
void settle(void *p, int create)
{
    if (p == 0 && create == 0)
        return;
    else if (p == 0)
        work();
}
