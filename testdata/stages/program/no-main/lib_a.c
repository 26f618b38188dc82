/* A library with no main: every TU is part of the one program a user links. */
void lib_b(void);
void lib_a(void) { lib_b(); }
