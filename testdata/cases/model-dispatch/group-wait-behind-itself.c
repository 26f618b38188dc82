/* A block on a serial queue waits for a group whose work was added to that same queue. Why: the group's work is
 * queued behind the waiting block and the queue runs one block at a time, so the group never empties: certain
 * deadlock (SOVA004). Waiting from a block on another queue for the same group only blocks that queue's thread
 * (SOVA001), and waiting on a group whose work goes elsewhere is no self-wait either (SOVA001). */
#include <dispatch/dispatch.h>
#include <stdio.h>

static dispatch_queue_t db_queue;
static dispatch_queue_t ui_queue;
static dispatch_queue_t net_queue;
static dispatch_group_t pending_writes;
static dispatch_group_t pending_fetches;

struct row {
    int id;
    const char *value;
};

void store_row(struct row *r)
{
    dispatch_group_async(pending_writes, db_queue, ^{
        printf("write %d=%s\n", r->id, r->value);
    });
}

void fetch_row(int id)
{
    dispatch_group_async(pending_fetches, net_queue, ^{
        printf("fetch %d\n", id);
    });
}

void read_consistent(int id)
{
    dispatch_async(db_queue, ^{
        dispatch_group_wait(pending_writes, DISPATCH_TIME_FOREVER); // expect: SOVA004
        printf("read %d\n", id);
    });
}

void refresh_view(int id)
{
    dispatch_async(ui_queue, ^{
        dispatch_group_wait(pending_writes, DISPATCH_TIME_FOREVER); // expect: SOVA001
        printf("show %d\n", id);
    });
}

void read_remote(int id)
{
    dispatch_async(db_queue, ^{
        dispatch_group_wait(pending_fetches, DISPATCH_TIME_FOREVER); // expect: SOVA001
        printf("merge %d\n", id);
    });
}

int main(void)
{
    db_queue = dispatch_queue_create("db", NULL);
    ui_queue = dispatch_queue_create("ui", NULL);
    net_queue = dispatch_queue_create("net", DISPATCH_QUEUE_CONCURRENT);
    pending_writes = dispatch_group_create();
    pending_fetches = dispatch_group_create();
    static struct row r = { 1, "x" };
    store_row(&r);
    fetch_row(2);
    read_consistent(1);
    refresh_view(1);
    read_remote(2);
    dispatch_main();
}
