/* What a switch's labels say of the calls under them: one label gives
 * param == K; stacked labels, fall-through and default give param != every
 * other label; a nested label (Duff's device), a goto label or a GNU case
 * range says nothing of the whole switch; an early exit before a label no
 * longer holds after it. */
enum state { ST_START, ST_READY, ST_RUNNING, ST_DONE };

struct item {
    enum state state;
    int async;
};

void work(void);
void other(void);
void wait_done(void);
int ready(void *p);

void plain(enum state s)
{
    switch (s) {
    case ST_START:
        work();
        break;
    case ST_READY:
    case ST_RUNNING:
        other();
        break;
    default:
        wait_done();
    }
}

void falls(struct item *it, int flag)
{
    switch (it->state) {
    case ST_START:
        work();
        /* fall through */
    case ST_READY:
        other();
        return;
    case ST_RUNNING:
        if (!flag)
            break;
        wait_done();
        break;
    case ST_DONE:
        work();
        break;
    }
    other();
}

void nested(int n)
{
    switch (n) {
    case 0:
        if (n) {
    case 1:
            work();
        }
        other();
        break;
    }
}

void range(int n)
{
    switch (n) {
    case 1 ... 3:
        work();
        break;
    case 4:
        other();
        break;
    }
}

void written(enum state s)
{
    switch (s) {
    case ST_DONE:
        work();
        break;
    default:
        s = ST_DONE;
        other();
    }
}

void not_param(void)
{
    extern int global_mode;
    switch (global_mode) {
    case 1:
        work();
        break;
    }
}

/* An early return before a label holds no longer after it: control comes
 * to the label from the switch, or from a goto. */
void exit_then_label(void *p, int n)
{
    switch (n) {
    case 0:
        if (!p)
            return;
        work();
        break;
    case 1:
        other();
    }
    if (n)
        goto out;
    if (!p)
        return;
    work();
out:
    other();
}

/* glib's fork_exec: a retry label inside a branch, every goto to it inside
 * too, keeps the branch's test and what the block's early returns left. */
void retry_label(int intermediate, void *p)
{
    if (!p)
        return;
    if (intermediate) {
    again:
        if (!ready(p))
            goto again;
        work();
    }
    if (intermediate) {
    elsewhere:
        other();
    } else {
        goto elsewhere;
    }
}

/* A retry loop whose way back passes another label, reached from before
 * the early return: the early return says nothing at either label. */
void two_labels(void *p, int n)
{
    if (n)
        goto second;
    if (!p)
        return;
first:
    work();
second:
    other();
    if (!ready(p))
        goto first;
}
