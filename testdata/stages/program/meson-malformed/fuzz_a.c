/* The fuzzer fuzz_a: its own entry point. */
int LLVMFuzzerTestOneInput(const char *data, unsigned long size)
{
    (void)data;
    return (int)size;
}
