/* The engine both backends serve: it calls whichever backend the build links. */
void backend_start(void);
void backend_flush(void);
void engine_start(void)
{
    backend_start();
    backend_flush();
}
void engine_on_reply(void)
{
    backend_flush();
}
