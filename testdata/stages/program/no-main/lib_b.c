/* The other TU of the library. */
void lib_a(void);
void lib_b(void) { }
