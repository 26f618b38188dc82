/* A test that compares a local with a value that is no constant says the
 * local holds that value while nothing writes it (arg_equals): the sides
 * of one || are one test's values, and nested tests are separate tests.
 * A loop between the test and the call, a write to the local, or a test
 * that can be false at the call (the else branch, a && seen false) says
 * nothing. */
struct streams {
    void *out;
    void *err;
    void *pipe;
};

void write_to(void *stream);
void *pick(void);

void made_progress(void *source_object, struct streams *st)
{
    void *source = source_object;
    if (source == st->pipe || source == st->out || source == st->err) {
        if (source == st->out || st->err == source)
            write_to(source);
        else
            write_to(source);
    }
    if (source == st->out && st->err != 0)
        write_to(source);
    if (!(source != st->out))
        write_to(source);
}

void not_held(void *source_object, struct streams *st, int n)
{
    void *source = source_object;
    if (source == st->out) {
        while (n--) {
            write_to(source);
            source = pick();
        }
    }
    if (source == st->out || n)
        write_to(source);
    if (source == st->err) {
        source = pick();
        write_to(source);
    }
}

/* A parameter tested against a field holds its value while the function
 * never writes it; written anywhere, its tests say nothing. */
void by_param(void *source, struct streams *st)
{
    if (source == st->out || source == st->err)
        write_to(source);
}

void param_written(void *source, struct streams *st)
{
    if (source == st->out)
        write_to(source);
    source = pick();
}
