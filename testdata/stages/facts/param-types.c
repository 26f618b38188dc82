/* The typedef each argument is passed as (extract.c, param_type_name): a
 * function-pointer typedef, what a model's callback_types match, or the
 * typedef a pointer parameter points to (job_t *), what blocking patterns
 * match. A parameter declared with a bare function-pointer type, a typedef
 * of a non-pointer (handle_t), or an argument beyond a prototype's
 * parameters has none. A string literal argument is kept with its
 * characters (what a model's base_property names), adjacent literals
 * joined; a wide or prefixed one (L"...") is not. */
typedef void (*ready_cb)(void *source, void *result, void *data);
typedef int handle_t;
typedef struct job job_t;

void start_async(job_t *job, handle_t h, ready_cb cb, void *data);
void start_plain(void (*cb)(void *, void *, void *), void *data);
void start_variadic(const char *fmt, ...);

static void on_ready(void *source, void *result, void *data)
{
    (void)source;
    (void)result;
    (void)data;
}

void run(job_t *job)
{
    ready_cb kept = on_ready;
    start_async(job, 1, on_ready, job);
    start_async(job, 2, kept, 0);
    start_plain(on_ready, job);
    start_variadic("%p", on_ready);
    start_variadic("base-stream", job, "two" " parts", L"wide", 0);
}
