/* The end of the globals of common/ in a fuzz harness (see bss-begin.c). */
char fuzz_bss_end[16];
