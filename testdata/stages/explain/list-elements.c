/* --explain shows the chain into the sync-only wait pruned: the idle callback runs
 * items taken out of a list that a g_queue_foreach visitor filled only with async ones
 * (elements.c), so the wait's test of item->async is bound on that chain. */
#include <gio/gio.h>

typedef struct {
    gboolean async;
    int priority;
} Item;

static GQueue queue = G_QUEUE_INIT;
static GMutex mutex;
static GCond cond;

static void get_connection(Item *item)
{
    if (item->async)
        return;
    g_mutex_lock(&mutex);
    g_cond_wait(&cond, &mutex); // explain
    g_mutex_unlock(&mutex);
}

static void collect_item(Item *item, GList **items)
{
    if (!item->async)
        return;
    *items = g_list_prepend(*items, item);
}

static void run_queue(void)
{
    GList *items = NULL, *i;
    g_queue_foreach(&queue, (GFunc)collect_item, &items);
    items = g_list_reverse(items);
    for (i = items; i != NULL; i = g_list_next(i)) {
        Item *item = i->data;
        get_connection(item);
    }
    g_list_free(items);
}

static gboolean on_idle(gpointer data)
{
    (void)data;
    run_queue();
    return G_SOURCE_REMOVE;
}

int main(void)
{
    static Item sync_item = { FALSE, 0 };
    GMainLoop *loop = g_main_loop_new(NULL, FALSE);
    g_queue_push_tail(&queue, &sync_item);
    g_idle_add(on_idle, NULL);
    g_main_loop_run(loop);
    return 0;
}
