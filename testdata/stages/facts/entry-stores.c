/* A test of a field the function stores later still says what the field
 * was on entry, on the first pass of the loops around it (entry_conds);
 * a constant stored into an argument's field just before a call is what
 * the callee sees there (arg_conds). */
enum state { ST_START, ST_READY, ST_RUNNING, ST_DONE };

struct item {
    enum state state;
    int async;
    int other;
};

void work(void);
void connect_to(struct item *it);
void process(struct item *it, int loop);
int ready(struct item *it);

/* The switch reads the entry value; each pass stores after it. The loop
 * runs again only while loop != 0: on entry ST_START, or loop != 0. */
void process(struct item *it, int loop)
{
    do {
        if (it->async)
            return;
        switch (it->state) {
        case ST_START:
            connect_to(it);
            it->state = ST_READY;
            break;
        case ST_READY:
            it->state = ST_RUNNING;
            work();
            break;
        case ST_DONE:
            return;
        default:
            it->state = ST_DONE;
        }
    } while (loop && it->state != ST_DONE);
}

/* No loop: the store after the test leaves the test of the entry value. */
void once(struct item *it)
{
    if (it->state == ST_READY) {
        it->state = ST_RUNNING;
        work();
    }
}

/* A store before the test: the test reads what the function stored. */
void stored_first(struct item *it, int k)
{
    if (k)
        it->state = ST_DONE;
    if (it->state == ST_READY)
        work();
}

/* A for loop, and an endless one, may run again whatever the parameters. */
void forever(struct item *it)
{
    for (;;) {
        if (it->state == ST_READY)
            work();
        it->state = ST_DONE;
    }
}

/* A store in the loop around the test and in the loop inside it. */
void two_loops(struct item *it, int loop, int inner)
{
    do {
        while (inner) {
            if (it->state == ST_READY)
                work();
            it->state = ST_DONE;
        }
        it->state = ST_START;
    } while (loop);
}

/* The stores a call sees: the latest, with no call or other store of the
 * field between; not across a call, a loop or a label. */
void callers(struct item *it, struct item *other, int k)
{
    it->state = ST_START;
    it->state = ST_DONE;
    process(it, 0);
    it->state = ST_READY;
    other->state = ST_RUNNING;
    process(it, 0);
    it->async = 1;
    work();
    process(it, 0);
    it->state = ST_READY;
    if (k)
        process(it, 1);
    it->state = ST_READY;
    while (k--)
        process(it, 1);
    it->state = ST_READY;
    process(it, ready(it));
    switch (k) {
    case 1:
        it->state = ST_DONE;
    case 2:
        process(it, 0);
    }
}

void locals(int k)
{
    struct item local = { ST_START, 0, 0 };
    struct item *p = &local;
    local.state = ST_DONE;
    process(&local, k);
    p->state = ST_READY;
    process(p, k);
    p->state = ST_RUNNING;
    p = 0;
    process(p, k);
}

/* A goto may jump past any store. */
void jumps(struct item *it, int k)
{
    if (k)
        goto call;
    it->state = ST_DONE;
call:
    process(it, 0);
}
