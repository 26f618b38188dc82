/* The look-alike of markup-parser-dispatch.c that is reported: the idle callback calls
 * the bookmark parser's start_element through the named table itself, not through a
 * parse context, so the call reaches what that table holds, which reads a file on the
 * loop (SOVA005, a local file's I/O). */
#include <glib.h>

static void bookmark_start(GMarkupParseContext *context, const gchar *element_name, const gchar **attribute_names,
                           const gchar **attribute_values, gpointer user_data, GError **error)
{
    (void)context; (void)element_name; (void)attribute_names; (void)attribute_values; (void)user_data; (void)error;
    gchar *zone = NULL;
    g_file_get_contents("/etc/timezone", &zone, NULL, NULL); // expect: SOVA005
    g_free(zone);
}

static const GMarkupParser bookmark_parser = { .start_element = bookmark_start };

static gboolean on_bus_acquired(gpointer user_data)
{
    const gchar *none[] = { NULL };
    bookmark_parser.start_element(NULL, "bookmark", none, none, user_data, NULL);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    g_idle_add(on_bus_acquired, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
