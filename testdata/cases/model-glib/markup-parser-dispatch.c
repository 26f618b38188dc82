/* GLib's own markup parser dispatches through the parser its context was made with
 * (gmarkup.c:1064, context->parser->start_element): by field that call would reach the
 * start_element of every GMarkupParser in the program, and glib's D-Bus introspection
 * parser would run GBookmarkFile's, which loads time zone files (a false chain on
 * glib's tests, gtimezone.c:553). Why silent: the glib model names
 * _GMarkupParseContext.parser as a field holding an object chosen at run time, so the
 * call is unresolved and a chain through it is not reported. This file plays gmarkup.c. */
#include <glib.h>
#include <unistd.h>

struct _GMarkupParseContext {
    const GMarkupParser *parser;
    gpointer user_data;
};

static void emit_start_element(GMarkupParseContext *context, const gchar *name)
{
    const gchar *none[] = { NULL };
    context->parser->start_element(context, name, none, none, context->user_data, NULL);
}

static void bookmark_start(GMarkupParseContext *context, const gchar *element_name, const gchar **attribute_names,
                           const gchar **attribute_values, gpointer user_data, GError **error)
{
    (void)context; (void)element_name; (void)attribute_names; (void)attribute_values; (void)user_data; (void)error;
    gchar *zone = NULL;
    g_file_get_contents("/etc/timezone", &zone, NULL, NULL);
    g_free(zone);
}

static void introspection_start(GMarkupParseContext *context, const gchar *element_name, const gchar **attribute_names,
                                const gchar **attribute_values, gpointer user_data, GError **error)
{
    (void)context; (void)element_name; (void)attribute_names; (void)attribute_values; (void)user_data; (void)error;
}

static const GMarkupParser bookmark_parser = { .start_element = bookmark_start };
static const GMarkupParser introspection_parser = { .start_element = introspection_start };

static gboolean on_bus_acquired(gpointer user_data)
{
    struct _GMarkupParseContext context = { &introspection_parser, user_data };
    emit_start_element(&context, "node");
    return G_SOURCE_REMOVE;
}

int main(void)
{
    struct _GMarkupParseContext context = { &bookmark_parser, NULL };
    emit_start_element(&context, "bookmark");
    g_idle_add(on_bus_acquired, NULL);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
