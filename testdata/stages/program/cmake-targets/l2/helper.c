/* Library l2's helper(). */
void helper(void)
{
}
