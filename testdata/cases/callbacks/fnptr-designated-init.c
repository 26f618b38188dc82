/* Plugin hooks are set with a designated initializer { .on_load = ..., .on_unload = ... }.
 * Why: .on_load is called from a pool task, so audit_load's blocking call starves the pool (SOVA001);
 * .on_unload is only called from main (no result). */
#include <stddef.h>
#include "fut.h"

void sql_exec_sync(const char *sql) __attribute__((annotate("sova:blocking")));

struct plugin {
    const char *name;
    void (*on_load)(struct plugin *p);
    void (*on_unload)(struct plugin *p);
};

static void audit_load(struct plugin *p)
{
    (void)p;
    sql_exec_sync("CREATE TABLE IF NOT EXISTS audit(ev TEXT)"); // expect: SOVA001
}

static void audit_unload(struct plugin *p)
{
    (void)p;
    sql_exec_sync("VACUUM");
}

static void *load_plugin(void *arg)
{
    struct plugin *p = arg;
    p->on_load(p);
    return p;
}

int main(void)
{
    static struct plugin audit = {
        .name = "audit",
        .on_load = audit_load,
        .on_unload = audit_unload,
    };
    fut_executor *pool = fut_pool_new(2);
    fut_future *f = fut_submit(pool, load_plugin, &audit);
    fut_free(f);
    audit.on_unload(&audit);
    return 0;
}
