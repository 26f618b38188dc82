/* Library l1's helper(). */
void helper(void)
{
}
