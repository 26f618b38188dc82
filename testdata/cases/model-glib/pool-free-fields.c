/* An indexer with two GThreadPools held in a struct passed as the pools' user_data.
 * Why: a write task freeing (and waiting for) idx->write_pool waits for itself (SOVA004); a parse task waiting
 * for idx->write_pool blocks a parse thread on the other pool (SOVA001). */
#include <glib.h>

struct indexer {
    GThreadPool *parse_pool;
    GThreadPool *write_pool;
    GMutex lock;
    GHashTable *terms;
};

static void write_segment(gpointer data, gpointer user_data)
{
    struct indexer *idx = user_data;
    GPtrArray *segment = data;
    if (segment->len == 0) {
        /* an empty segment marks the end of input */
        g_thread_pool_free(idx->write_pool, FALSE, TRUE); // expect: SOVA004
        g_ptr_array_unref(segment);
        return;
    }
    g_mutex_lock(&idx->lock);
    for (guint i = 0; i < segment->len; i++)
        g_hash_table_add(idx->terms, g_strdup(g_ptr_array_index(segment, i)));
    g_mutex_unlock(&idx->lock);
    g_ptr_array_unref(segment);
}

static void parse_document(gpointer data, gpointer user_data)
{
    struct indexer *idx = user_data;
    char *text = data;
    char **words = g_strsplit_set(text, " \t\n", -1);
    GPtrArray *segment = g_ptr_array_new_with_free_func(g_free);
    for (char **w = words; *w; w++)
        if (**w)
            g_ptr_array_add(segment, g_strdup(*w));
    g_strfreev(words);
    if (segment->len == 0) {
        /* last document: flush the writers before returning */
        g_thread_pool_free(idx->write_pool, FALSE, TRUE); // expect: SOVA001
        g_ptr_array_unref(segment);
    } else {
        g_thread_pool_push(idx->write_pool, segment, NULL);
    }
    g_free(text);
}

int main(int argc, char **argv)
{
    static struct indexer idx;
    g_mutex_init(&idx.lock);
    idx.terms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    idx.parse_pool = g_thread_pool_new(parse_document, &idx, 8, FALSE, NULL);
    idx.write_pool = g_thread_pool_new(write_segment, &idx, 2, FALSE, NULL);
    for (int i = 1; i < argc; i++)
        g_thread_pool_push(idx.parse_pool, g_strdup(argv[i]), NULL);
    g_thread_pool_free(idx.parse_pool, FALSE, TRUE);
    g_print("%u terms\n", g_hash_table_size(idx.terms));
    return 0;
}
