/* One fuzzing driver, compiled into each fuzzer (glib's fuzzing/driver.c):
 * Meson's intro-targets.json says fuzz_a and fuzz_b are two executables,
 * each of driver.c and its own LLVMFuzzerTestOneInput. Inferred from main
 * alone they would be one program that takes one of the two definers. */
int LLVMFuzzerTestOneInput(const char *data, unsigned long size);
int main(void)
{
    return LLVMFuzzerTestOneInput("", 0);
}
