/* Program A: main calls A's own helper(), which is quick.
 * Why (with b_*.c): B's worker calls B's own helper(), which waits: that is reported
 * (SOVA001) beside helper-of-other-program, where only the other program's helper waits. */
void helper(void);
int main(void)
{
    helper();
    return 0;
}
