/* Program A: main calls A's own helper(). */
void helper(void);
int main(void)
{
    helper();
    return 0;
}
