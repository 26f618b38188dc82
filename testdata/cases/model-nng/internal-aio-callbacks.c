/* NNG's own sources register aio callbacks with nni_aio_init (declared here as in
 * src/core/aio.h). Why: the device callback sleeps on the shared taskq thread (SOVA005);
 * the receive callback is quick, and the same sleep in a helper only main calls is fine. */
#include <nng/nng.h>
#include <nng/supplemental/util/platform.h>
#include <stddef.h>

typedef struct nni_aio nni_aio;
struct nni_aio {
    int result;
};
void nni_aio_init(nni_aio *aio, void (*cb)(void *), void *arg);

struct device {
    nni_aio aio;
    nni_aio rx;
    int closing;
};

static void drain(struct device *d)
{
    while (d->closing)
        nng_msleep(1); // expect: SOVA005
}

static void device_cb(void *arg)
{
    drain(arg);
}

static void rx_cb(void *arg)
{
    struct device *d = arg;
    d->closing = d->rx.result != 0;
}

static void linger(void)
{
    nng_msleep(500);
}

int main(void)
{
    static struct device d;
    nni_aio_init(&d.aio, device_cb, &d);
    nni_aio_init(&d.rx, rx_cb, &d);
    linger();
    return 0;
}
