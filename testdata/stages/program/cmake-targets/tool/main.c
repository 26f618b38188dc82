/* tool: links l1 (see app/main.c). */
void helper(void);
int main(void)
{
    helper();
    return 0;
}
