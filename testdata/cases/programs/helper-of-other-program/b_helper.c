/* Program B's helper(): quick. */
int b_calls;
void helper(void)
{
    b_calls++;
}
