/* The same three files as meson-targets, with an intro-targets.json cut short:
 * sova says which file it set aside and infers the units from main, as
 * without a description: one program (driver.c's), which takes one of the
 * two definers; the other, which no program takes and which defines the
 * same function, makes a variant of that program in its place. */
int LLVMFuzzerTestOneInput(const char *data, unsigned long size);
int main(void)
{
    return LLVMFuzzerTestOneInput("", 0);
}
