/* Program A: main calls A's own helper(), which waits; main is no worker.
 * Why (with b_*.c): two programs in one compile database each define helper(); B's worker
 * calls B's quick helper(), never A's, so no result. */
void helper(void);
int main(void)
{
    helper();
    return 0;
}
