/* The function-pointer typedef each argument is passed as (extract.c,
 * callback_param_type): what a model's callback_types match. A parameter
 * declared with the bare pointer type, a typedef of a non-function, or an
 * argument beyond a prototype's parameters has none. */
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
}
