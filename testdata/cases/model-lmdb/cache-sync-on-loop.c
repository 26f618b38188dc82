/* A DNS cache on LMDB, run from a libuv loop, as knot-resolver's cdb_lmdb.c does: a
 * timer callback flushes and closes the cache (mdb_env_sync forced), a signal callback
 * reopens the environment and copies it for a backup. Why: these read or write the
 * database files and wait for the disk on the loop thread (SOVA005, local-file I/O); the
 * calls are behind helpers, as in real code. The commit in another callback is silent:
 * whether it waits for the disk depends on the flags the environment was opened with
 * (MDB_NOSYNC, MDB_WRITEMAP|MDB_MAPASYNC: knot-resolver's), which sova does not tie to
 * the transaction. */
#include <lmdb.h>
#include <uv.h>

struct cache {
    MDB_env *env;
    MDB_dbi dbi;
};

static struct cache the_cache;

static void cache_close(struct cache *c)
{
    mdb_env_sync(c->env, 1); // expect: SOVA005
    mdb_dbi_close(c->env, c->dbi);
    mdb_env_close(c->env);
}

static int cache_store(struct cache *c, MDB_val *key, MDB_val *val)
{
    MDB_txn *txn;
    int ret = mdb_txn_begin(c->env, NULL, 0, &txn);
    if (ret != MDB_SUCCESS)
        return ret;
    ret = mdb_put(txn, c->dbi, key, val, 0);
    if (ret != MDB_SUCCESS) {
        mdb_txn_abort(txn);
        return ret;
    }
    return mdb_txn_commit(txn);
}

static int cache_open(struct cache *c, const char *path)
{
    int ret = mdb_env_create(&c->env);
    if (ret != MDB_SUCCESS)
        return ret;
    mdb_env_set_mapsize(c->env, 100 << 20);
    ret = mdb_env_open(c->env, path, MDB_NOSUBDIR, 0644); // expect: SOVA005
    if (ret != MDB_SUCCESS)
        return ret;
    return mdb_env_copy2(c->env, "/var/backups/resolver.mdb", MDB_CP_COMPACT); // expect: SOVA005
}

static void on_shutdown_timer(uv_timer_t *t)
{
    cache_close(&the_cache);
    uv_close((uv_handle_t *)t, NULL);
}

static void on_answer(uv_timer_t *t)
{
    MDB_val key = { 3, "www" }, val = { 4, "1234" };
    (void)t;
    cache_store(&the_cache, &key, &val);
}

static void on_reconfigure(uv_signal_t *s, int signum)
{
    (void)s;
    (void)signum;
    cache_open(&the_cache, "/var/cache/resolver/data.mdb");
}

int main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t shutdown_timer, answer;
    uv_signal_t hup;
    uv_timer_init(loop, &shutdown_timer);
    uv_timer_init(loop, &answer);
    uv_signal_init(loop, &hup);
    uv_timer_start(&shutdown_timer, on_shutdown_timer, 60000, 0);
    uv_timer_start(&answer, on_answer, 10, 10);
    uv_signal_start(&hup, on_reconfigure, 1);
    return uv_run(loop, UV_RUN_DEFAULT);
}
