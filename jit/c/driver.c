/* driver.c: runs one Metatrace trace's raw machine code (cross tests under qemu-aarch64).
 *
 * usage: driver CODE_FILE NFRAME NBUF WORD...
 *   CODE_FILE  a 256-byte header of little-endian u64 words, then code:
 *                word 0: offset of the trace to run; word 1: offset of the backend's entry
 *                function `uint64_t entry(void *code, uint64_t *frame)` (traces use
 *                Cranelift's tail calling convention, so C calls them through it);
 *                word 2: number N of slot initializations (at most 9), then N triples
 *                (slot index, kind, value): slot[index] = CODE_BASE + value (kind 0, the
 *                address of code in the file) or value itself (kind 1).
 *              The file is mapped at CODE_BASE, and a zeroed page of slots at SLOT_BASE, so
 *              traces can be compiled with the addresses of their exit slots, of each other
 *              (through the slots) and of words they share (a call_assembler context).
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

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define CODE_BASE 0x40000000ul
#define SLOT_BASE 0x50000000ul

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
    unsigned char *code = mmap((void *)CODE_BASE, len, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (code == MAP_FAILED || code != (unsigned char *)CODE_BASE)
        die("mmap code at CODE_BASE");
    uint64_t *slots = mmap((void *)SLOT_BASE, (size_t)page, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (slots == MAP_FAILED || slots != (uint64_t *)SLOT_BASE)
        die("mmap slots at SLOT_BASE");
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

    uint64_t header[32];
    memcpy(header, code, sizeof header);
    if (header[0] < 256 || header[0] >= (uint64_t)size || header[1] < 256 || header[1] >= (uint64_t)size ||
        header[2] > 9) {
        fprintf(stderr, "bad code file header\n");
        return 2;
    }
    for (uint64_t i = 0; i < header[2]; i++) {
        uint64_t index = header[3 + 3 * i], kind = header[4 + 3 * i], value = header[5 + 3 * i];
        if (index >= (uint64_t)page / 8 || kind > 1 || (kind == 0 && value >= (uint64_t)size)) {
            fprintf(stderr, "bad slot initialization\n");
            return 2;
        }
        slots[index] = kind == 0 ? CODE_BASE + value : value;
    }
    uint64_t (*entry)(void *, uint64_t *) = (uint64_t (*)(void *, uint64_t *))(void *)(code + header[1]);
    uint64_t word = entry(code + header[0], frame);
    uint32_t exit_id = (uint32_t)word;
    if (word >> 32)
        printf("trace %u ", (unsigned)(word >> 32));

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
