/* The true shape beside vfunc-other-class.c: the loaders are in a table the program fills
 * itself (a static array of ops), not in classes the type system hands out, so the idle
 * callback's call through ops->load reaches the sleeping one (SOVA005). */
#include <glib-object.h>

struct loader_ops {
    void (*load)(gpointer self);
};

static void quick_load(gpointer self)
{
    (void)self;
}

static void disk_load(gpointer self)
{
    (void)self;
    g_usleep(G_USEC_PER_SEC); // expect: SOVA005
}

static const struct loader_ops loaders[] = { { quick_load }, { disk_load } };

static gboolean on_idle(gpointer data)
{
    const struct loader_ops *ops = &loaders[GPOINTER_TO_INT(data)];
    ops->load(NULL);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(on_idle, GINT_TO_POINTER(1));
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
