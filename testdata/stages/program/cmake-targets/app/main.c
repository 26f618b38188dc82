/* app links l2 (the CMake File API's codemodel says so), tool links l1;
 * both libraries define helper(). From the symbols alone both programs
 * would take the same definer, the first of two equally near; the
 * codemodel gives each program its own library. */
void helper(void);
int main(void)
{
    helper();
    return 0;
}
