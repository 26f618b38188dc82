/* Where calls stand in a body (extract_order.c): the statement each is in, whether it
 * runs whenever that statement runs, and the statements a body begins with that always
 * complete, as a thread-start handshake needs. */
void work(int x);
int check(void);
void wake(void);

void prefix_then_loop(int n)
{
    int i = 0;
    work(1);
    wake();
    while (i < n)
        work(i++);
    wake();
}

int head_of_if(void)
{
    if (check() != 0) {
        work(1);
        return -1;
    }
    wake();
    return 0;
}

void operands(int a)
{
    if (a && check())
        work(a ? check() : 0);
    a = check() || check();
}

void early_exit_in_block(int a)
{
    {
        work(1);
        if (a)
            return;
        wake();
    }
    wake();
}

void with_label(int a)
{
    work(a);
again:
    wake();
    if (a--)
        goto again;
}
