/* The shape of list-filtered-by-visitor.c, but the idle callback also prepends the
 * queue's head, unfiltered, through a pointer to the list it keeps (`GList **tail =
 * &items`). Why reported: what is stored through the list's address is not seen, so
 * nothing is known of the elements, and the sync item may be run and wait. */
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
    g_cond_wait(&cond, &mutex); // expect: SOVA005
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
    GList **tail = &items;
    g_queue_foreach(&queue, (GFunc)collect_item, &items);
    *tail = g_list_prepend(*tail, g_queue_peek_head(&queue));
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
