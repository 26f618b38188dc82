/* A daemon on sd-event and sd-bus in gamemode's shape. Why each result: a D-Bus method
 * of the object's vtable asks logind synchronously (sd_bus_call_method) and a property
 * getter reads another service's property the same way; an io handler reaps a child
 * without WNOHANG; a timer sleeps; a match callback runs the event loop to completion;
 * an async call's reply callback requests a bus name synchronously; and the install
 * callback of sd_bus_add_match_async (its second callback) calls sd_bus_call. Each runs
 * on the thread that runs the loop and processes the bus, and holds both (SOVA005). */
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

static int method_inhibit(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    struct daemon *d = userdata;
    sd_bus_message *reply = NULL;
    sd_bus_call_method(d->bus, "org.freedesktop.login1", "/org/freedesktop/login1", // expect: SOVA005
                       "org.freedesktop.login1.Manager", "Inhibit", ret_error, &reply, "ssss", "idle", "me",
                       "busy", "block");
    sd_bus_message_unref(reply);
    return sd_bus_reply_method_return(m, "");
}

static int property_get_seat(sd_bus *bus, const char *path, const char *interface, const char *property,
                             sd_bus_message *reply, void *userdata, sd_bus_error *ret_error)
{
    char *seat = NULL;
    (void)path;
    (void)interface;
    (void)property;
    (void)userdata;
    sd_bus_get_property_string(bus, "org.freedesktop.login1", "/org/freedesktop/login1/seat/self", // expect: SOVA005
                               "org.freedesktop.login1.Seat", "Id", ret_error, &seat);
    return sd_bus_message_append(reply, "s", seat);
}

static const sd_bus_vtable daemon_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Inhibit", "", "", method_inhibit, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_PROPERTY("Seat", "s", property_get_seat, 0, 0),
    SD_BUS_VTABLE_END
};

static int on_child_fd(sd_event_source *s, int fd, uint32_t revents, void *userdata)
{
    struct daemon *d = userdata;
    (void)s;
    (void)fd;
    (void)revents;
    waitpid(d->helper, NULL, 0); // expect: SOVA005
    return 0;
}

static int on_timer(sd_event_source *s, uint64_t usec, void *userdata)
{
    (void)s;
    (void)usec;
    (void)userdata;
    sleep(1); // expect: SOVA005
    return 0;
}

static int on_name_owner_changed(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    struct daemon *d = userdata;
    (void)m;
    (void)ret_error;
    sd_event_run(d->event, UINT64_MAX); // expect: SOVA005
    return 0;
}

static int on_reply(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    struct daemon *d = userdata;
    (void)m;
    (void)ret_error;
    sd_bus_request_name(d->bus, "com.example.Daemon", 0); // expect: SOVA005
    return 0;
}

static int on_match_installed(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    struct daemon *d = userdata;
    sd_bus_message *reply = NULL;
    sd_bus_call(d->bus, m, 0, ret_error, &reply); // expect: SOVA005
    sd_bus_message_unref(reply);
    return 0;
}

int main(void)
{
    static struct daemon d;
    sd_bus_message *ping = NULL;
    sd_event_default(&d.event);
    sd_bus_open_user(&d.bus);
    sd_bus_attach_event(d.bus, d.event, 0);
    sd_bus_add_object_vtable(d.bus, NULL, "/com/example/Daemon", "com.example.Daemon", daemon_vtable, &d);
    sd_event_add_io(d.event, NULL, 3, EPOLLIN, on_child_fd, &d);
    sd_event_add_time_relative(d.event, NULL, CLOCK_MONOTONIC, 1000000, 0, on_timer, &d);
    sd_bus_add_match_async(d.bus, NULL, "type='signal',member='NameOwnerChanged'", on_name_owner_changed,
                           on_match_installed, &d);
    sd_bus_message_new_method_call(d.bus, &ping, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                   "org.freedesktop.DBus.Peer", "Ping");
    sd_bus_call_async(d.bus, NULL, ping, on_reply, &d, 0);
    return sd_event_loop(d.event);
}
