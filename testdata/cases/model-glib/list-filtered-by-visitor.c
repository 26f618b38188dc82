/* libsoup's shape (soup-session.c:1892-1926): an idle callback collects the queue's
 * async items with a g_queue_foreach visitor, then runs each; running an item waits on
 * the connection manager's condition only for a sync item
 * (soup-connection-manager.c:464-467). Why silent: the visitor adds an item to the list
 * only after `if (!item->async) return;`, the list is filled by nothing else, and each
 * item run comes from a cursor over that list, so the wait's `item->async == 0` cannot
 * hold there. */
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
    g_cond_wait(&cond, &mutex);
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
