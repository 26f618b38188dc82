/* The program: main starts the engine; it links filter.c, the blocking backend.
 * Why reported (with engine.c, filter.c, thread.c): the twin of backend-of-other-build,
 * whose thread.c, linked by no program here, waits in its own backend_flush: its pool task
 * reaches that wait through engine_on_reply, in any build that links thread.c. */
void engine_start(void);
int main(void)
{
    engine_start();
    return 0;
}
