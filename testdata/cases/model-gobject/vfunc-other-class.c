/* A GObject virtual method called through the instance's class from an idle callback;
 * one subclass's load() sleeps, and nothing tells which class the object has.
 * Why: G_LOADER_GET_CLASS(self)->load is chosen by the type system at run time; by field
 * it would be every load() in the program: the call is unresolved, and no result. */
#include <glib-object.h>

#define MY_TYPE_LOADER (my_loader_get_type())
G_DECLARE_DERIVABLE_TYPE(MyLoader, my_loader, MY, LOADER, GObject)
struct _MyLoaderClass {
    GObjectClass parent_class;
    void (*load)(MyLoader *self);
};
G_DEFINE_TYPE(MyLoader, my_loader, G_TYPE_OBJECT)

static void my_loader_real_load(MyLoader *self)
{
    (void)self;
}

static void my_loader_class_init(MyLoaderClass *klass)
{
    klass->load = my_loader_real_load;
}

static void my_loader_init(MyLoader *self)
{
    (void)self;
}

#define MY_TYPE_DISK_LOADER (my_disk_loader_get_type())
G_DECLARE_FINAL_TYPE(MyDiskLoader, my_disk_loader, MY, DISK_LOADER, MyLoader)
struct _MyDiskLoader {
    MyLoader parent;
};
G_DEFINE_TYPE(MyDiskLoader, my_disk_loader, MY_TYPE_LOADER)

static void my_disk_loader_load(MyLoader *self)
{
    (void)self;
    g_usleep(G_USEC_PER_SEC);
}

static void my_disk_loader_class_init(MyDiskLoaderClass *klass)
{
    MY_LOADER_CLASS(klass)->load = my_disk_loader_load;
}

static void my_disk_loader_init(MyDiskLoader *self)
{
    (void)self;
}

static gboolean on_idle(gpointer data)
{
    MyLoader *self = data;
    MY_LOADER_GET_CLASS(self)->load(self);
    return G_SOURCE_REMOVE;
}

int main(void)
{
    MyLoader *quick = g_object_new(MY_TYPE_LOADER, NULL);
    MyLoader *disk = g_object_new(MY_TYPE_DISK_LOADER, NULL);
    g_idle_add(on_idle, quick);
    MY_LOADER_GET_CLASS(disk)->load(disk);
    g_main_loop_run(g_main_loop_new(NULL, FALSE));
    return 0;
}
