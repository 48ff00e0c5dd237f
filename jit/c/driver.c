/* driver.c: runs one Metatrace trace's raw machine code (cross tests under qemu-aarch64).
 *
 * usage: driver CODE_FILE NFRAME NBUF WORD...
 *   CODE_FILE  a 16-byte header (little-endian u64: offset of the trace in the file), the
 *              backend's entry function `uint64_t entry(void *code, uint64_t *frame)` at
 *              offset 16, and the trace's raw position-independent code at that offset (the
 *              trace uses Cranelift's tail calling convention, so C calls it through entry)
 *   NFRAME     frame-buffer words to allocate (zeroed, then filled from the WORDs)
 *   NBUF       words of scratch buffer; buf[i] = (i + 1) * 0x9E3779B97F4A7C15
 *   WORD       decimal i64, 0x-prefixed hex, or BUF+N (address of the buffer plus N bytes)
 *
 * Prints "exit G", then "frame" and "buf" lines of 16-digit hex words; words that point into
 * the buffer print as BUF+N, so the output does not depend on where the buffer lives. This is
 * the same format the Rust side renders (jit/tests/common/mod.rs, Outcome::render).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void die(const char *msg) {
    perror(msg);
    exit(2);
}

static void print_word(uint64_t w, uint64_t buf, size_t nbuf) {
    if (w >= buf && w <= buf + 8 * nbuf)
        printf(" BUF+%llu", (unsigned long long)(w - buf));
    else
        printf(" %016llx", (unsigned long long)w);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s CODE_FILE NFRAME NBUF WORD...\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        die("open code file");
    if (fseek(f, 0, SEEK_END) != 0)
        die("seek");
    long size = ftell(f);
    if (size <= 0)
        die("empty code file");
    rewind(f);
    long page = sysconf(_SC_PAGESIZE);
    size_t len = ((size_t)size + (size_t)page - 1) / (size_t)page * (size_t)page;
    unsigned char *code = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        die("mmap");
    if (fread(code, 1, (size_t)size, f) != (size_t)size)
        die("read code file");
    fclose(f);
    if (mprotect(code, len, PROT_READ | PROT_EXEC) != 0)
        die("mprotect");
    __builtin___clear_cache((char *)code, (char *)code + size);

    size_t nframe = strtoul(argv[2], NULL, 10);
    size_t nbuf = strtoul(argv[3], NULL, 10);
    uint64_t *buf = calloc(nbuf + 1, 8);
    uint64_t *frame = calloc(nframe + 1, 8);
    if (!buf || !frame)
        die("calloc");
    for (size_t i = 0; i < nbuf; i++)
        buf[i] = (uint64_t)(i + 1) * 0x9E3779B97F4A7C15ull;
    for (int i = 4; i < argc; i++) {
        const char *a = argv[i];
        uint64_t w;
        if (strncmp(a, "BUF+", 4) == 0)
            w = (uint64_t)(uintptr_t)buf + strtoull(a + 4, NULL, 10);
        else if (strncmp(a, "0x", 2) == 0)
            w = strtoull(a + 2, NULL, 16);
        else
            w = (uint64_t)strtoll(a, NULL, 10);
        if ((size_t)(i - 4) >= nframe) {
            fprintf(stderr, "more words than NFRAME\n");
            return 2;
        }
        frame[i - 4] = w;
    }

    uint64_t trace_offset;
    memcpy(&trace_offset, code, 8);
    if (trace_offset < 16 || trace_offset >= (uint64_t)size) {
        fprintf(stderr, "bad trace offset %llu\n", (unsigned long long)trace_offset);
        return 2;
    }
    uint64_t (*entry)(void *, uint64_t *) = (uint64_t (*)(void *, uint64_t *))(void *)(code + 16);
    uint32_t exit_id = (uint32_t)entry(code + trace_offset, frame);

    printf("exit %u\nframe", exit_id);
    for (size_t i = 0; i < nframe; i++)
        print_word(frame[i], (uint64_t)(uintptr_t)buf, nbuf);
    printf("\nbuf");
    for (size_t i = 0; i < nbuf; i++)
        print_word(buf[i], (uint64_t)(uintptr_t)buf, nbuf);
    printf("\n");
    munmap(code, len);
    return 0;
}
