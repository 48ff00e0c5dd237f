/* The C twin of loops.fern, for mtbench's "close to the machine" comparison (built with
 * gcc -O2): nested int loops calling a small function with `%` by a constant. Fern's `%` is
 * floor modulo; every operand here is non-negative, where C's `%` agrees with it. */
#include <stdio.h>

static long step(long h, long k) {
    return (h * 31 + k) % 1000003;
}

int main(void) {
    long h = 7;
    long count = 0;
    long i = 0;
    while (i < 1000) {
        long j = 0;
        while (j < 1000) {
            h = step(h, i * j + 1);
            if (h % 2 == 0 && j > 500) {
                count = count + 1;
            }
            j = j + 1;
        }
        i = i + 1;
    }
    printf("%ld %ld\n", h, count);
    return 0;
}
