/* The same daemon done right, beside look-alikes. Why each is silent: the method handler
 * asks logind with sd_bus_call_method_async and answers from the reply callback; the
 * timer only polls the loop (sd_event_run with a zero timeout); the io handler reaps
 * with WNOHANG; the synchronous calls run in main before the loop starts and in a
 * pthread worker on a bus of its own; and a struct of the program's own with a field
 * named 'handler' holds a function that sleeps but is only called from main. */
#include <pthread.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/wait.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>
#include <unistd.h>

struct daemon {
    sd_bus *bus;
    sd_event *event;
    pid_t helper;
};

struct command {
    const char *name;
    int (*handler)(void);
};

static int settle(void)
{
    return (int)sleep(1);
}

static struct command commands[] = { { "settle", settle } };

static int on_inhibited(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    (void)m;
    (void)userdata;
    (void)ret_error;
    return 0;
}

static int method_inhibit(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    struct daemon *d = userdata;
    (void)ret_error;
    sd_bus_call_method_async(d->bus, NULL, "org.freedesktop.login1", "/org/freedesktop/login1",
                             "org.freedesktop.login1.Manager", "Inhibit", on_inhibited, d, "ssss", "idle", "me",
                             "busy", "block");
    return sd_bus_reply_method_return(m, "");
}

static const sd_bus_vtable daemon_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Inhibit", "", "", method_inhibit, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_VTABLE_END
};

static int on_child_fd(sd_event_source *s, int fd, uint32_t revents, void *userdata)
{
    struct daemon *d = userdata;
    (void)s;
    (void)fd;
    (void)revents;
    waitpid(d->helper, NULL, WNOHANG);
    return 0;
}

static int on_timer(sd_event_source *s, uint64_t usec, void *userdata)
{
    struct daemon *d = userdata;
    (void)s;
    (void)usec;
    sd_event_run(d->event, 0);
    return 0;
}

static void *worker(void *arg)
{
    sd_bus *own = NULL;
    sd_bus_message *reply = NULL;
    (void)arg;
    sd_bus_open_system(&own);
    sd_bus_call_method(own, "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                       "ListSessions", NULL, &reply, "");
    sd_bus_message_unref(reply);
    sd_bus_unref(own);
    return NULL;
}

int main(void)
{
    static struct daemon d;
    pthread_t t;
    sd_event_default(&d.event);
    sd_bus_open_user(&d.bus);
    sd_bus_request_name(d.bus, "com.example.Daemon", 0);
    commands[0].handler();
    pthread_create(&t, NULL, worker, NULL);
    sd_bus_attach_event(d.bus, d.event, 0);
    sd_bus_add_object_vtable(d.bus, NULL, "/com/example/Daemon", "com.example.Daemon", daemon_vtable, &d);
    sd_event_add_io(d.event, NULL, 3, EPOLLIN, on_child_fd, &d);
    sd_event_add_time_relative(d.event, NULL, CLOCK_MONOTONIC, 1000000, 0, on_timer, &d);
    int r = sd_event_loop(d.event);
    pthread_join(t, NULL);
    return r;
}
