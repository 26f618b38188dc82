/* Program B's helper(): quick. The explanation of A's wait shows B's worker's
 * call of helper() as a step into another program's code, not followed. */
int b_calls;
void helper(void)
{
    b_calls++;
}
