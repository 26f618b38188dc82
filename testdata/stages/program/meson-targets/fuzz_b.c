/* The fuzzer fuzz_b: its own entry point. */
int LLVMFuzzerTestOneInput(const char *data, unsigned long size)
{
    (void)data;
    return (int)size;
}
