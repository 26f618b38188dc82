/* The same LMDB cache kept off the loop: it is opened in main before the loop runs and
 * committed by a uv_queue_work job on the thread pool, and the loop callback only reads
 * (mdb_get in a read-only transaction, then mdb_txn_abort), writes into the map
 * (mdb_put, no commit) and asks for an unforced sync of an environment opened with
 * MDB_WRITEMAP|MDB_MAPASYNC. Why: file I/O at start-up and on a pool thread is where it
 * belongs, reads, puts and aborts touch only the memory map, and an unforced sync of a
 * map-async environment only schedules the write-back: all silent. */
#include <lmdb.h>
#include <uv.h>

struct cache {
    MDB_env *env;
    MDB_dbi dbi;
    MDB_txn *pending;
};

static struct cache the_cache;

static int cache_lookup(struct cache *c, MDB_val *key, MDB_val *val)
{
    MDB_txn *txn;
    int ret = mdb_txn_begin(c->env, NULL, MDB_RDONLY, &txn);
    if (ret != MDB_SUCCESS)
        return ret;
    ret = mdb_get(txn, c->dbi, key, val);
    mdb_txn_abort(txn);
    return ret;
}

static void commit_job(uv_work_t *req)
{
    struct cache *c = req->data;
    mdb_txn_commit(c->pending);
    mdb_env_sync(c->env, 1);
    mdb_txn_begin(c->env, NULL, 0, &c->pending);
}

static void commit_done(uv_work_t *req, int status)
{
    (void)req;
    (void)status;
}

static uv_work_t commit_req;

static void on_query(uv_timer_t *t)
{
    MDB_val key = { 3, "www" }, val;
    if (cache_lookup(&the_cache, &key, &val) != MDB_SUCCESS) {
        MDB_val fresh = { 4, "1234" };
        mdb_put(the_cache.pending, the_cache.dbi, &key, &fresh, 0);
        commit_req.data = &the_cache;
        uv_queue_work(t->loop, &commit_req, commit_job, commit_done);
    }
    mdb_env_sync(the_cache.env, 0);
}

int main(void)
{
    if (mdb_env_create(&the_cache.env) != MDB_SUCCESS ||
        mdb_env_open(the_cache.env, "/var/cache/resolver", MDB_WRITEMAP | MDB_MAPASYNC, 0644) != MDB_SUCCESS ||
        mdb_txn_begin(the_cache.env, NULL, 0, &the_cache.pending) != MDB_SUCCESS ||
        mdb_dbi_open(the_cache.pending, NULL, 0, &the_cache.dbi) != MDB_SUCCESS)
        return 1;
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t query;
    uv_timer_init(loop, &query);
    uv_timer_start(&query, on_query, 10, 10);
    return uv_run(loop, UV_RUN_DEFAULT);
}
