/* The program: main starts the engine; it links filter.c, the blocking backend.
 * Why silent (with engine.c, filter.c, thread.c): two backends define the same functions and
 * each build links one (dconf's gdbus-filter.c and gdbus-thread.c). This program takes
 * filter.c, and nothing here links thread.c: its pool task reaches engine_on_reply, whose
 * backend_flush in a build with thread.c is thread.c's own, quick one, never filter.c's
 * wait, which runs only on main's thread. */
void engine_start(void);
int main(void)
{
    engine_start();
    return 0;
}
