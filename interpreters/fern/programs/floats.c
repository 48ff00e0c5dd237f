/* The C twin of floats.fern, for mtbench's "close to the machine" comparison (built with
 * gcc -O2): numeric integration of 4 / (1 + x^2) over [0, 1] by the midpoint rule, the same
 * operations in the same order, printed as Fern prints a float (Python's repr). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double f(double x) {
    return 4.0 / (1.0 + x * x);
}

/* Python's float repr for a finite, non-zero float whose decimal exponent is in -4..16: the
 * shortest %.Ng digits that read back to the same double, with ".0" for whole numbers. */
static void print_float(double x) {
    char buf[64];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, x);
        if (strtod(buf, NULL) == x) break;
    }
    if (!strpbrk(buf, ".e")) strcat(buf, ".0");
    printf("%s\n", buf);
}

int main(void) {
    long n = 10000000;
    double h = 1.0 / (double)n;
    double sum = 0.0;
    long i = 0;
    while (i < n) {
        double x = ((double)i + 0.5) * h;
        sum = sum + f(x);
        i = i + 1;
    }
    print_float(sum * h);
    return 0;
}
