/* The last thumbnail task of a batch waits on the batch's own group, which it belongs to.
 * Why: the group cannot empty while one of its members waits for it: certain deadlock (SOVA004, the handle
 * rule of dispatch_group_async). Waiting on the group from main(), or dispatch_group_notify(), is fine. */
#include <dispatch/dispatch.h>
#include <stdio.h>

struct batch {
    dispatch_group_t group;
    dispatch_queue_t queue;
    int done;
};

static void render_thumbnail(struct batch *b, int i, int last)
{
    dispatch_group_async(b->group, b->queue, ^{
        printf("thumbnail %d\n", i);
        if (i == last) {
            dispatch_group_wait(b->group, DISPATCH_TIME_FOREVER); // expect: SOVA004
            printf("batch of %d done\n", last + 1);
        }
    });
}

int main(void)
{
    static struct batch b;
    b.group = dispatch_group_create();
    b.queue = dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_DEFAULT, 0);
    for (int i = 0; i < 8; i++)
        render_thumbnail(&b, i, 7);
    dispatch_group_notify(b.group, dispatch_get_main_queue(), ^{
        b.done = 1;
    });
    dispatch_group_wait(b.group, DISPATCH_TIME_FOREVER);
    return b.done ? 0 : 1;
}
