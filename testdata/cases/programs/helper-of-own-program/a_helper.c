/* Program A's helper(): quick. */
int a_calls;
void helper(void)
{
    a_calls++;
}
