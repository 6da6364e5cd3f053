/*
 * bss-begin and bss-end bracket the zero-initialized globals of common/ in
 * a fuzz harness: they are linked before and after the common objects, so
 * fuzz.c scans only that range for pointers to memory that a run keeps.
 */
char fuzz_bss_begin[16];
