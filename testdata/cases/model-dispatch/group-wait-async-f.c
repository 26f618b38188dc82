/* An upload job submitted with dispatch_async_f() fans its parts out with dispatch_group_async_f() to another queue
 * and waits for the group. Why: the job's pool thread sleeps until other threads finish the parts (SOVA001); the job
 * is not itself in the group, so this is no self-wait. */
#include <dispatch/dispatch.h>
#include <stdio.h>

#define NPARTS 4

struct part {
    const char *path;
    int index;
};

struct upload_job {
    dispatch_group_t parts_done;
    dispatch_queue_t net_queue;
    const char *path;
    struct part parts[NPARTS];
};

static void upload_part(void *ctx)
{
    struct part *p = ctx;
    printf("upload %s part %d\n", p->path, p->index);
}

static void upload_file(void *ctx)
{
    struct upload_job *job = ctx;
    for (int i = 0; i < NPARTS; i++) {
        job->parts[i].path = job->path;
        job->parts[i].index = i;
        dispatch_group_async_f(job->parts_done, job->net_queue, &job->parts[i], upload_part);
    }
    dispatch_group_wait(job->parts_done, DISPATCH_TIME_FOREVER); // expect: SOVA001
    printf("%s uploaded\n", job->path);
}

int main(void)
{
    static struct upload_job job;
    job.parts_done = dispatch_group_create();
    job.net_queue = dispatch_queue_create("org.example.net", DISPATCH_QUEUE_CONCURRENT);
    job.path = "/var/backups/db.tar";
    dispatch_async_f(dispatch_get_global_queue(DISPATCH_QUEUE_PRIORITY_DEFAULT, 0), &job, upload_file);
    dispatch_main();
}
