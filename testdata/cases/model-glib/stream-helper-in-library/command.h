#include <gio/gio.h>

GDataOutputStream *command_new(int type);
void command_put_uint32(GDataOutputStream *cmd, guint32 val);
