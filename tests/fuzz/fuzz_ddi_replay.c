/*
 * fuzz_ddi_replay.c - runs the fuzz_ddi harness without libFuzzer, so every
 * compiler and every preset (tsan included) exercises it: over files and
 * directories of inputs (the seed corpus, crash reproducers), then over N
 * pseudo-random inputs - fresh bytes and mutations of the files - from a
 * fixed seed, so a failure replays. Also writes the seed corpus.
 *
 *   fuzz_ddi_replay [--random N] [--seed S] [--max-len L] PATH...
 *   fuzz_ddi_replay --generate DIR
 *
 * A finding aborts (the harness prints what and during which call); the
 * input is then in fuzz_ddi_replay-last-input (written before each run).
 */
#define _POSIX_C_SOURCE 200809L /* strdup, opendir */

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fuzz_ddi.h"

/* ------------------------------------------------------------------------ */
/* Inputs.                                                                  */
/* ------------------------------------------------------------------------ */
typedef struct _BLOB {
    uint8_t *Data;
    size_t Size;
    char *Name;
} BLOB;

static BLOB *Files;
static size_t FileCount, FileCapacity;
static const char *LastInputPath = "fuzz_ddi_replay-last-input";

static void AddFile(const char *Path)
{
    FILE *File = fopen(Path, "rb");
    if (File == NULL) {
        fprintf(stderr, "fuzz_ddi_replay: cannot open %s: %s\n", Path, strerror(errno));
        exit(2);
    }
    BLOB Blob = {NULL, 0, NULL};
    size_t Capacity = 0;
    uint8_t Chunk[4096];
    size_t Got;
    while ((Got = fread(Chunk, 1, sizeof(Chunk), File)) > 0) {
        if (Blob.Size + Got > Capacity) {
            Capacity = (Blob.Size + Got) * 2;
            Blob.Data = (uint8_t *)realloc(Blob.Data, Capacity);
            if (Blob.Data == NULL) {
                abort();
            }
        }
        memcpy(Blob.Data + Blob.Size, Chunk, Got);
        Blob.Size += Got;
    }
    fclose(File);
    Blob.Name = strdup(Path);
    if (FileCount == FileCapacity) {
        FileCapacity = FileCapacity ? FileCapacity * 2 : 32;
        Files = (BLOB *)realloc(Files, FileCapacity * sizeof(BLOB));
        if (Files == NULL) {
            abort();
        }
    }
    Files[FileCount++] = Blob;
}

static int CompareNames(const void *A, const void *B)
{
    return strcmp(*(char *const *)A, *(char *const *)B);
}

static void AddPath(const char *Path)
{
    struct stat St;
    if (stat(Path, &St) != 0) {
        fprintf(stderr, "fuzz_ddi_replay: %s: %s\n", Path, strerror(errno));
        exit(2);
    }
    if (!S_ISDIR(St.st_mode)) {
        AddFile(Path);
        return;
    }
    DIR *Dir = opendir(Path);
    if (Dir == NULL) {
        fprintf(stderr, "fuzz_ddi_replay: cannot list %s\n", Path);
        exit(2);
    }
    char **Names = NULL;
    size_t Count = 0, Capacity = 0;
    struct dirent *Entry;
    while ((Entry = readdir(Dir)) != NULL) {
        if (Entry->d_name[0] == '.') {
            continue;
        }
        if (Count == Capacity) {
            Capacity = Capacity ? Capacity * 2 : 64;
            Names = (char **)realloc(Names, Capacity * sizeof(char *));
            if (Names == NULL) {
                abort();
            }
        }
        size_t Length = strlen(Path) + strlen(Entry->d_name) + 2;
        Names[Count] = (char *)malloc(Length);
        if (Names[Count] == NULL) {
            abort();
        }
        snprintf(Names[Count], Length, "%s/%s", Path, Entry->d_name);
        Count++;
    }
    closedir(Dir);
    qsort(Names, Count, sizeof(char *), CompareNames); /* a stable order */
    for (size_t i = 0; i < Count; i++) {
        struct stat Sub;
        if (stat(Names[i], &Sub) == 0 && S_ISREG(Sub.st_mode)) {
            AddFile(Names[i]);
        }
        free(Names[i]);
    }
    free(Names);
}

static void RunInput(const uint8_t *Data, size_t Size)
{
    /* Written first, so an abort leaves the reproducer behind. */
    FILE *File = fopen(LastInputPath, "wb");
    if (File != NULL) {
        fwrite(Data, 1, Size, File);
        fclose(File);
    }
    LLVMFuzzerTestOneInput(Data, Size);
}

/* ------------------------------------------------------------------------ */
/* Pseudo-random inputs: splitmix64 from a fixed seed.                      */
/* ------------------------------------------------------------------------ */
static uint64_t RandomState;

static uint64_t Next(void)
{
    uint64_t z = (RandomState += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t MakeRandom(uint8_t *Buffer, size_t MaxLength)
{
    size_t Length = 1 + (size_t)(Next() % MaxLength);
    for (size_t k = 0; k < Length; k++) {
        Buffer[k] = (uint8_t)Next();
    }
    return Length;
}

/* A seed file with a few byte-level mutations (flip, replace, insert,
 * delete, splice from another file). */
static size_t MakeMutant(uint8_t *Buffer, size_t MaxLength)
{
    const BLOB *Base = &Files[Next() % FileCount];
    size_t Length = Base->Size < MaxLength ? Base->Size : MaxLength;
    memcpy(Buffer, Base->Data, Length);
    unsigned Mutations = 1 + (unsigned)(Next() % 6);
    for (unsigned m = 0; m < Mutations && Length > 0; m++) {
        size_t At = (size_t)(Next() % Length);
        switch (Next() % 5) {
        case 0: Buffer[At] ^= (uint8_t)(1u << (Next() % 8)); break;
        case 1: Buffer[At] = (uint8_t)Next(); break;
        case 2:
            if (Length < MaxLength) {
                memmove(Buffer + At + 1, Buffer + At, Length - At);
                Buffer[At] = (uint8_t)Next();
                Length++;
            }
            break;
        case 3:
            if (Length > 1) {
                memmove(Buffer + At, Buffer + At + 1, Length - At - 1);
                Length--;
            }
            break;
        default: {
            const BLOB *Other = &Files[Next() % FileCount];
            if (Other->Size > 1) {
                size_t From = 1 + (size_t)(Next() % (Other->Size - 1)); /* not its config byte */
                size_t Bytes = Other->Size - From;
                if (Bytes > MaxLength - At) {
                    Bytes = MaxLength - At;
                }
                memcpy(Buffer + At, Other->Data + From, Bytes);
                if (At + Bytes > Length) {
                    Length = At + Bytes;
                }
            }
            break;
        }
        }
    }
    return Length;
}

/* ------------------------------------------------------------------------ */
/* Seed corpus generator: one sequence per file, written with the encoding  */
/* of fuzz_ddi.h (comments give the call each group of bytes makes).        */
/* ------------------------------------------------------------------------ */
static uint8_t Seed[512];
static size_t SeedLength;

#define END (-1)
static void Bytes(const int *Values)
{
    for (; *Values != END; Values++) {
        Seed[SeedLength++] = (uint8_t)*Values;
    }
}
/* B(op, irql, argument bytes...): one operation. */
#define B(Operation, Irql, ...) Bytes((const int[]){FUZZ_OP_BYTE(Operation, Irql), __VA_ARGS__, END})
#define B0(Operation, Irql) Bytes((const int[]){FUZZ_OP_BYTE(Operation, Irql), END})
#define CONFIG(Byte) Bytes((const int[]){(Byte), END})

static void WriteSeed(const char *Dir, const char *Name)
{
    char Path[1024];
    snprintf(Path, sizeof(Path), "%s/%s", Dir, Name);
    FILE *File = fopen(Path, "wb");
    if (File == NULL || fwrite(Seed, 1, SeedLength, File) != SeedLength) {
        fprintf(stderr, "fuzz_ddi_replay: cannot write %s\n", Path);
        exit(2);
    }
    fclose(File);
    SeedLength = 0;
}

/* Argument bytes (see the Arg* readers in fuzz_ddi.c). */
#define SZ_SMALL(n) (n)                  /* ArgSize: 0-31 bytes */
#define SZ_PAGES(n) (0x40 | ((n) - 1))   /* ArgSize: 1-32 pages */
#define TAG_TEST 0x00                    /* ArgTag: 'tseT' */
#define TAG_OTHER 0x01                   /* ArgTag: 'gaTM' */
#define TAG_ZERO 0xC0                    /* ArgTag: 0 */
#define TAG_NO_LETTERS 0xC2              /* ArgTag: 0x20202020 */
#define PTR(Source, Offset, n) FUZZ_PTR(FUZZ_PTR_SRC_##Source, FUZZ_PTR_OFF_##Offset), (n)
#define PTR_NTH(n) PTR(PREFERRED, ZERO, n) /* the n-th handle the operation prefers */
#define PTR_NULL FUZZ_PTR(FUZZ_PTR_SRC_NULL, FUZZ_PTR_OFF_ZERO), 0, 0
#define MDL(n) (n)                       /* ArgMdl: the n-th MDL */
#define ROW(Name) Row(Name)              /* FuzzOpTable: the row of that DDI */
#define P FUZZ_IRQL_PASSIVE
#define D FUZZ_IRQL_DISPATCH

static int Row(const char *Name)
{
    int Index = FuzzTableRow(Name);
    if (Index < 0) {
        fprintf(stderr, "fuzz_ddi_replay: %s is not an MI_DDI_CALL row of the DDI table\n", Name);
        exit(2);
    }
    return Index;
}

/* Seeds: pool and the MDL family. */
static void GeneratePoolAndMdl(const char *Dir)
{
    /* Pool: allocate, write, free with the right tag; paged pool trimmed and
     * touched back in; non-paged pool at DISPATCH_LEVEL. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, SZ_SMALL(24), TAG_TEST);                 /* NP, 24 bytes: handle 0 */
    B(FuzzOpTouch, P, 1, PTR_NTH(0), 0x5A);                       /* write a byte */
    B(FuzzOpPool2, P, 2, SZ_PAGES(2), TAG_OTHER);                 /* paged, 2 pages: handle 1 */
    B0(FuzzOpTrim, P);
    B(FuzzOpTouch, P, 0, PTR_NTH(1), 0);                          /* faulted back in */
    B(FuzzOpPoolWithTag, D, 0, SZ_SMALL(8), TAG_TEST);            /* NP at DISPATCH */
    B(FuzzOpFreePool, P, 0, PTR_NTH(0));                         /* with its tag */
    B(FuzzOpFreePool, P, 0, PTR_NTH(1));
    WriteSeed(Dir, "pool_basic");

    /* Pool misuse: double free, wrong tag, interior free, zero bytes, tag 0,
     * a tag without letters, must-succeed pool. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, SZ_SMALL(16), TAG_TEST);
    B(FuzzOpFreePool, P, 0, PTR_NTH(0));
    B(FuzzOpFreePool, P, 0, PTR_NTH(0));                         /* 0xC2/0x07 */
    B(FuzzOpPool2, P, 0, SZ_SMALL(16), TAG_TEST);
    B(FuzzOpFreePool, P, 4, PTR_NTH(0), TAG_OTHER);               /* 0xC2/0x0A */
    B(FuzzOpPool2, P, 0, SZ_PAGES(1), TAG_TEST);
    B(FuzzOpFreePool, P, 1, PTR(PREFERRED, BYTE, 0), 16);         /* interior: 0xC2/0x46 */
    B(FuzzOpPoolWithTag, P, 0, SZ_SMALL(0), TAG_TEST);            /* 0xC2/0x00 */
    B(FuzzOpPoolWithTag, P, 0, SZ_SMALL(8), TAG_ZERO);            /* 0xC2/0x9B */
    B(FuzzOpPool2, P, 0, SZ_SMALL(8), TAG_NO_LETTERS);            /* 0xC2/0x9D */
    B(FuzzOpPoolWithTag, P, 8, SZ_SMALL(8), TAG_TEST);            /* must succeed: 0xC2/0x9A */
    WriteSeed(Dir, "pool_misuse");

    /* An MDL over pool: probe and lock for write, map, read through the
     * mapping, unmap, unlock, free. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, SZ_PAGES(3), TAG_TEST);                  /* handle 0 */
    B(FuzzOpIoAllocateMdl, P, 0, PTR(PREFERRED, BYTE, 0), 0x20, SZ_PAGES(2)); /* MDL 0, handle 1 */
    B(FuzzOpProbeAndLock, P, 1, MDL(0));                      /* IoWriteAccess */
    B(FuzzOpMap, P, 0, MDL(0));                                  /* handle 2 */
    B(FuzzOpTouch, P, 1, PTR(ANY, ZERO, 2), 0x77);                /* pool pages: read only */
    B(FuzzOpUnmap, P, 0, PTR_NTH(0));                            /* with its MDL */
    B(FuzzOpUnlock, P, MDL(0));
    B(FuzzOpIoFreeMdl, P, MDL(0));
    B(FuzzOpFreePool, P, 0, PTR_NTH(0));
    WriteSeed(Dir, "mdl_probe_map");

    /* Pages for an MDL mapped with guard PTEs and read-only; physically
     * contiguous unzeroed pages; MmFreePagesFromMdl twice. */
    CONFIG(0x00);
    B(FuzzOpAllocatePages, P, 0, 0, 0, SZ_PAGES(8), 1);           /* Ex, MmCached, flags 0 */
    B(FuzzOpMap, P, 4, MDL(0), 1);                                /* guard PTEs, no write */
    B(FuzzOpTouch, P, 0, PTR(ANY, PAGES, 1), 1, 0);               /* read page 1 */
    B(FuzzOpTouch, P, 1, PTR(ANY, ZERO, 1), 9);                   /* write: 0xBE */
    B(FuzzOpAllocatePages, P, 2, 0, 0, SZ_PAGES(4), 1, 0x21, 0);  /* DONT_ZERO | CONTIGUOUS */
    B(FuzzOpFreePages, P, 1, MDL(0));
    B(FuzzOpFreePages, P, 1, MDL(0));                            /* twice: 0x1A/0x1236 */
    WriteSeed(Dir, "mdl_pages");

    /* Partial MDLs: an IoAllocateMdl target built from an MmAllocatePagesForMdl
     * source, mapped and written, then IoFreeMdl releases the mapping; a
     * range past the source's end. */
    CONFIG(0x00);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(6));             /* MDL 0 */
    B(FuzzOpIoAllocateMdl, P, 0x10, PTR_NULL, SZ_PAGES(4));       /* MDL 1, for NULL */
    B(FuzzOpBuildPartial, P, MDL(0), MDL(1), 0x1A, 1, 3);          /* page 1, 3 pages */
    B(FuzzOpMap, P, 0, MDL(1));                                  /* handle 2 */
    B(FuzzOpTouch, P, 1, PTR(ANY, LAST, 2), 0xEE);                /* its last byte */
    B(FuzzOpIoFreeMdl, P, MDL(1));
    B(FuzzOpBuildPartial, P, MDL(0), MDL(0), 0x04);                /* past the end: 0x12E */
    WriteSeed(Dir, "mdl_partial");

    /* MmBuildMdlForNonPagedPool and MmGetSystemAddressForMdlSafe; then the
     * strict check on unlocking such an MDL. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, SZ_PAGES(2), TAG_TEST);
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_PAGES(2));
    B(FuzzOpBuildNonPaged, P, MDL(0));
    B(FuzzOpMap, P, 0x10, MDL(0));                               /* the Safe macro */
    B(FuzzOpUnlock, P, MDL(0));                                  /* strict: 0xC4/0x7D */
    WriteSeed(Dir, "mdl_nonpaged");
}

/* Seeds: reserved mappings under both profiles. */
static void GenerateReserved(const char *Dir)
{
    /* Reserve, map pages into it, write, map again (modern). */
    CONFIG(0x00);
    B(FuzzOpReserve, P, 0, SZ_PAGES(16), TAG_TEST);               /* handle 0 */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(4));             /* MDL 0, handle 1 */
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));               /* handle 2 */
    B(FuzzOpTouch, P, 1, PTR(ANY, PAGES, 0), 3, 0x42);            /* page 3: written */
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));               /* again: 0xDA/0x107 */
    WriteSeed(Dir, "reserve_modern");

    /* The whole life of a reservation, then freeing it twice. */
    CONFIG(0x00);
    B(FuzzOpReserve, P, 0, SZ_PAGES(8), TAG_OTHER);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));
    B(FuzzOpUnmapReserved, P, 0, PTR_NTH(0));                    /* its address, tag, MDL */
    B(FuzzOpFreePages, P, 2, MDL(0));                            /* Ex, MM_FREE_MDL_PAGES_ZERO */
    B(FuzzOpFreePool, P, 9, PTR(ANY, ZERO, 1));                  /* ExFreePool of the MDL */
    B(FuzzOpFreeReserved, P, 0, PTR_NTH(0));
    B(FuzzOpFreeReserved, P, 0, PTR_NTH(0));                     /* again: 0xDA/0x106 */
    WriteSeed(Dir, "reserve_lifecycle");

    /* DIVISIBLE: map at page offsets, unmap one, free while one is mapped. */
    CONFIG(0x00);
    B(FuzzOpReserve, P, 3, SZ_PAGES(8), TAG_TEST);                /* Ex, DIVISIBLE */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));             /* MDL 0 */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(1));             /* MDL 1 */
    B(FuzzOpMapReserved, P, 0, PTR(PREFERRED, PAGES, 0), 2, MDL(0)); /* pages 2-3 */
    B(FuzzOpMapReserved, P, 0, PTR(PREFERRED, PAGES, 0), 5, MDL(1)); /* page 5 */
    B(FuzzOpUnmapReserved, P, 0, PTR_NTH(0));                    /* pages 2-3 */
    B(FuzzOpFreeReserved, P, 0, PTR_NTH(0));                     /* still mapped: 0xDA/0x103 */
    WriteSeed(Dir, "reserve_divisible");

    /* nt5 (Server 2003 headers): map through base + 4, unmap, free with the
     * tag's bit 0 flipped (accepted), touch a header page (0x50). */
    CONFIG(FUZZ_CONFIG_NT5);
    B(FuzzOpReserve, P, 0, SZ_PAGES(6), TAG_TEST);                /* handle 0 */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));             /* handle 1 */
    B(FuzzOpMapReserved, P, 0, PTR(PREFERRED, BYTE, 0), 4, MDL(0)); /* handle 2 */
    B(FuzzOpUnmapReserved, P, 0, PTR_NTH(0));
    B(FuzzOpFreeReserved, P, 2, PTR_NTH(0));                     /* tag ^ 1 */
    B(FuzzOpReserve, P, 0, SZ_PAGES(4), TAG_OTHER);               /* handle 3 */
    B(FuzzOpTouch, P, 0, PTR(ANY, BACK, 3), 1, 0);                /* the tag PTE's page */
    WriteSeed(Dir, "reserve_nt5");

    /* nt5 with the Vista encoding: the format cannot change while reserved;
     * an interior page read as a header. */
    CONFIG(FUZZ_CONFIG_NT5 | FUZZ_CONFIG_HEADER(1));
    B(FuzzOpReserve, P, 0, SZ_PAGES(4), TAG_TEST);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(1));
    B(FuzzOpNt5Format, P, 2);                                    /* refused while reserved */
    B(FuzzOpMapReserved, P, 0, PTR(PREFERRED, PAGES, 0), 1, MDL(0)); /* garbage header */
    WriteSeed(Dir, "reserve_nt5_vista");
}

/* Seeds: IRQL, fault injection, retail, NULLs and queries, IRPs and reset. */
static void GenerateIrqlFaultsAndModes(const char *Dir)
{
    /* IRQL: paged pool at DISPATCH, lowering upwards, MmAllocateMappingAddress
     * above APC_LEVEL, a trimmed page touched at DISPATCH, above HIGH_LEVEL. */
    CONFIG(0x00);
    B(FuzzOpIrql, P, 0, 2, 0);                                   /* raise to 2, lower to 0 */
    B(FuzzOpPool2, D, 2, SZ_SMALL(8), TAG_TEST);                  /* 0xC4/0x01 */
    B(FuzzOpIrql, P, 0, 2, 5);                                   /* lower to 5: 0xC4/0x31 */
    B(FuzzOpReserve, D, 0, SZ_PAGES(1), TAG_TEST);                /* 0xC4/0x20019 */
    B(FuzzOpPool2, P, 2, SZ_PAGES(1), TAG_TEST);
    B0(FuzzOpTrim, P);
    B(FuzzOpTouch, D, 0, PTR_NTH(0), 0);                          /* 0xD1 */
    B(FuzzOpTrim, FUZZ_IRQL_RAW, 20);                            /* KeRaiseIrql(20): 0xC4/0x30 */
    WriteSeed(Dir, "irql");

    /* Fault injection: random with a seed, the Nth pool call, a short page
     * allocation, short=100, a malformed spec, the counters. */
    CONFIG(0x00);
    B(FuzzOpFaults, P, 0, 1, 1, 0x88, 0x13, 2, 7, 0, 0, 0);      /* random=5000;seed=7 */
    B(FuzzOpPool2, P, 0, SZ_SMALL(8), TAG_TEST);
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_SMALL(8));
    B(FuzzOpFaults, P, 2, 0, 1);                                 /* the next pool call fails */
    B(FuzzOpPool2, P, 0, SZ_SMALL(8), TAG_TEST);
    B(FuzzOpFaults, P, 3, 1, 2);                                 /* the next: 2 pages at most */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(8));
    B(FuzzOpFaults, P, 0, 0, 5, 100);                            /* short=100 */
    B(FuzzOpFaults, P, 1, 9, 'n', 't', 'h', '=', '0', ';', 'x', 'y', 'z');
    B(FuzzOpFaults, P, 7);
    WriteSeed(Dir, "faults");

    /* Retail (strict off): mapping twice returns the first address; unlocking
     * an MDL that was never locked. */
    CONFIG(FUZZ_CONFIG_RETAIL);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));             /* MDL 0 */
    B(FuzzOpMap, P, 0, MDL(0));
    B(FuzzOpMap, P, 0, MDL(0));                                  /* the first address again */
    B(FuzzOpPool2, P, 0, SZ_PAGES(1), TAG_TEST);
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_PAGES(1));        /* MDL 1 */
    B(FuzzOpUnlock, P, MDL(1));                                  /* never locked: 0x4E/0x07 */
    WriteSeed(Dir, "retail");

    /* NULL MDLs and NULL touches; queries and dumps. */
    CONFIG(0x00);
    B(FuzzOpQuery, P, 0, PTR_NULL);                              /* MmIsAddressValid(NULL) */
    B(FuzzOpQuery, P, 3, PTR_NULL, 0);                            /* MmGetSystemRoutineAddress */
    B(FuzzOpQuery, P, 10, PTR_NULL);                             /* !sysptes, !poolused */
    B(FuzzOpProbeAndLock, P, 0, FUZZ_MDL_NULL(0));               /* access violation, caught */
    B(FuzzOpIoFreeMdl, D, FUZZ_MDL_NULL(0));                     /* 0xD1 */
    B(FuzzOpTouch, P, 2, FUZZ_PTR(FUZZ_PTR_SRC_NULL, 0), 0x10, 0, 0); /* read NULL+16 in __try */
    B(FuzzOpTouch, P, 1, FUZZ_PTR(FUZZ_PTR_SRC_NULL, 0), 0x10, 0, 0); /* write: 0x1E */
    WriteSeed(Dir, "null_and_queries");

    /* An IRP: MDLs chained as primary and secondary buffers; then a reset
     * with everything live. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, SZ_PAGES(2), TAG_TEST);
    B(FuzzOpIoAllocateMdl, P, 4, PTR_NTH(0), SZ_PAGES(1));
    B(FuzzOpIoAllocateMdl, P, 5, PTR_NTH(0), SZ_PAGES(2));
    B(FuzzOpReserve, P, 0, SZ_PAGES(2), TAG_TEST);
    B0(FuzzOpReset, P);
    B(FuzzOpPool2, P, 0, SZ_SMALL(8), TAG_TEST);
    WriteSeed(Dir, "irp_and_reset");
}

/* Seeds: regressions (inputs that once found bugs) and MDL corner cases. */
static void GenerateRegressions(const char *Dir)
{
    /* Regression: pool sizes whose rounding wrapped to 0 (SIGFPE in the
     * size-class division, found by this fuzzer); each must return NULL. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, 0x87, TAG_TEST);                        /* NP, SIZE_MAX */
    B(FuzzOpPool2, P, 6, 0xC0, 0xFA, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, TAG_TEST);
    B(FuzzOpPoolWithTag, P, 4, 0x87, TAG_TEST);                  /* PagedPoolCacheAligned */
    WriteSeed(Dir, "regress_pool_size_wrap");

    /* Regression: ExFreePool of whole-page pool still mapped through a
     * reserved mapping (an MDL built by MmBuildMdlForNonPagedPool, then a
     * partial of it) freed the pages under the mapping; now 0x4E/0x9A. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 0, SZ_PAGES(2), TAG_TEST);                 /* handle 0 */
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_PAGES(2));       /* MDL 0 */
    B(FuzzOpBuildNonPaged, P, MDL(0));
    B(FuzzOpReserve, P, 0, SZ_PAGES(4), TAG_TEST);
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));
    B(FuzzOpUnmapReserved, P, 0, PTR_NTH(0));                    /* MappedSystemVa restored */
    B(FuzzOpIoAllocateMdl, P, 0x10, PTR_NULL, SZ_PAGES(2));      /* MDL 1 */
    B(FuzzOpBuildPartial, P, MDL(0), MDL(1), 0);                 /* all of it */
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(1));              /* a partial, reserved */
    B(FuzzOpFreePool, P, 0, PTR_NTH(0));                         /* 0x4E/0x9A */
    WriteSeed(Dir, "regress_pool_free_mapped");

    /* A partial MDL of a mapped parent (MDL_PARENT_MAPPED_SYSTEM_VA), mapped
     * itself, released by IoFreeMdl; MmUnmapLockedPages at an interior page
     * (0xDA/0x304). */
    CONFIG(0x00);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(4));             /* MDL 0 */
    B(FuzzOpMap, P, 0, MDL(0));                                  /* handle 1 */
    B(FuzzOpIoAllocateMdl, P, 0x10, PTR_NULL, SZ_PAGES(4));      /* MDL 1 */
    B(FuzzOpBuildPartial, P, MDL(0), MDL(1), 0x02, 1);           /* from page 1 */
    B(FuzzOpMap, P, 0, MDL(1));
    B(FuzzOpIoFreeMdl, P, MDL(1));
    B(FuzzOpUnmap, P, 0, PTR(PREFERRED, PAGES, 0), 1);           /* page 1: 0xDA/0x304 */
    WriteSeed(Dir, "mdl_parent_mapped");

    /* MmUnmapLockedPages with another (mapped) MDL of a different span:
     * 0xDA/0x305. */
    CONFIG(0x00);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(4));             /* MDL 0 */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));             /* MDL 1 */
    B(FuzzOpMap, P, 0, MDL(0));
    B(FuzzOpMap, P, 0, MDL(1));
    B(FuzzOpUnmap, P, 1, PTR_NTH(0), MDL(1));
    WriteSeed(Dir, "mdl_unmap_wrong_mdl");
}

/* FuzzOpUser's bytes: the call and its variation bits (fuzz_ddi.c, OpUser). */
#define USER(Call, Variation) ((FUZZ_USER_##Call) | (Variation))
#define U_TYPE(i) ((i) << 3)     /* allocate: 0 reserve, 1 commit, 2 both, 3 both + top-down,
                                    4 reset, 5 none (bad), 6 reset + commit (bad) */
#define U_FREE_DECOMMIT (1 << 3) /* free: 0 release, 1 decommit, 2 both (bad), 3 none (bad) */
#define U_FREE_NONE (3 << 3)
#define U_ALIGN(i) ((i) << 3)    /* probe: alignment 1, 2, 4, 8, 16 */
#define U_LOCK_WRITE (1 << 3)    /* lock: IoWriteAccess */
#define U_CONTENTS(n) ((n) << 3) /* buffer: n bytes of contents follow */
#define U_MORE 0x40              /* allocate: ZeroBits byte; free, protect: size; query:
                                    length byte; probe, touch: write; lock: and map */
#define UA_HANDLE(n) 0, PTR_NTH(n) /* ArgUserAddress: the n-th user region */
#define UA_NULL 1
#define UA_RAW 3                 /* then 8 bytes */
#define UA_KERNEL UA_RAW, 0, 0, 0, 0, 0, 0x80, 0xFF, 0xFF /* 0xFFFF800000000000 */
#define PROT_NOACCESS 0          /* ArgProtect */
#define PROT_READONLY 1
#define PROT_READWRITE 2
#define PROT_GUARD_RW 6
#define PROT_BAD_NONE 12
#define PROT_BAD_TWO 13
#define SZ_2MB 0xE7              /* ArgSize: 8 * 64 pages */

/* Seeds: the user address space (docs/user-space.md): the virtual memory
 * routines with each refused argument, probes, user buffers locked and
 * mapped as METHOD_NEITHER / METHOD_IN_DIRECT drivers do, and their misuse. */
static void GenerateUser(const char *Dir)
{
    /* Reserve 2 MiB, commit 4 KiB, touch it and the reserved page after it,
     * query, protect, decommit, release; each refused argument once. */
    CONFIG(0x00);
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(0)), UA_NULL, SZ_2MB, PROT_READWRITE); /* region 0 */
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(1)), UA_HANDLE(0), SZ_PAGES(1), PROT_READWRITE);
    B(FuzzOpUser, P, USER(QUERY, 0), UA_HANDLE(0));
    B(FuzzOpUser, P, USER(TOUCH, U_MORE), PTR_NTH(0), 0x5A);      /* demand zero, then written */
    B(FuzzOpUser, P, USER(TOUCH, 0), PTR(PREFERRED, PAGES, 0), 1, 0); /* reserved: access violation */
    B(FuzzOpUser, P, USER(PROTECT, 0), UA_HANDLE(0), PROT_READONLY);
    B(FuzzOpUser, P, USER(TOUCH, U_MORE), PTR_NTH(0), 0x5B);      /* read-only: access violation */
    B(FuzzOpUser, P, USER(PROTECT, 0), UA_HANDLE(0), PROT_BAD_NONE);           /* protection */
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(5)), UA_NULL, SZ_PAGES(1), PROT_READWRITE); /* type */
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(2) | U_MORE), UA_NULL, SZ_PAGES(1), 25,
      PROT_READWRITE);                                            /* ZeroBits 25 */
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(2)), UA_NULL, SZ_PAGES(1), PROT_BAD_TWO);
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(2)), UA_KERNEL, SZ_PAGES(1), PROT_READWRITE);
    B(FuzzOpUser, P, USER(QUERY, U_MORE), UA_HANDLE(0), 8);       /* length 8 */
    B(FuzzOpUser, P, USER(QUERY, 0), UA_KERNEL);
    B(FuzzOpUser, P, USER(FREE, U_FREE_DECOMMIT | U_MORE), UA_HANDLE(0), SZ_PAGES(1));
    B(FuzzOpUser, P, USER(FREE, U_FREE_NONE), UA_HANDLE(0));      /* free type */
    B(FuzzOpUser, P, USER(FREE, U_MORE), UA_HANDLE(0), SZ_PAGES(1)); /* release a part */
    B(FuzzOpUser, P, USER(FREE, 0), UA_HANDLE(0));
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(3)), UA_NULL, SZ_PAGES(4), PROT_GUARD_RW); /* region 1 */
    B(FuzzOpUser, P, USER(TOUCH, 0), PTR_NTH(1), 0);              /* guard page violation, once */
    B(FuzzOpUser, P, USER(TOUCH, 0), PTR_NTH(1), 0);
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(4)), UA_HANDLE(1), SZ_PAGES(1), PROT_READWRITE); /* reset */
    WriteSeed(Dir, "user_virtual");

    /* User buffers handed to a driver: probed, an MDL over them locked in
     * UserMode and mapped into the user range (METHOD_NEITHER) or the
     * system range (METHOD_IN_DIRECT); a read-only buffer probed and locked
     * for write; a misaligned probe; a kernel address probed. */
    CONFIG(0x00);
    B(FuzzOpUser, P, USER(BUFFER, U_CONTENTS(4)), SZ_PAGES(2), PROT_READWRITE, 'a', 'b', 'c', 'd');
    B(FuzzOpUser, P, USER(BUFFER, U_CONTENTS(2)), SZ_PAGES(1), PROT_READONLY, 'r', 'o');
    B(FuzzOpUser, P, USER(PROBE, U_ALIGN(2)), UA_HANDLE(0), SZ_PAGES(2));
    B(FuzzOpUser, P, USER(PROBE, U_MORE), UA_HANDLE(1), SZ_SMALL(16)); /* write: access violation */
    B(FuzzOpUser, P, USER(PROBE, U_ALIGN(2)), 0, PTR(PREFERRED, BYTE, 0), 1, SZ_SMALL(8));
    B(FuzzOpUser, P, USER(PROBE, 0), UA_KERNEL, SZ_SMALL(8));     /* access violation */
    B(FuzzOpUser, P, USER(LOCK, U_LOCK_WRITE | U_MORE), PTR_NTH(0), SZ_PAGES(2)); /* MDL 0, mapped */
    B(FuzzOpUser, P, USER(LOCK, U_LOCK_WRITE), PTR_NTH(1), SZ_SMALL(16)); /* read-only for write */
    B(FuzzOpMap, P, 0, MDL(0));                                  /* and in system space */
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_PAGES(1));        /* the harness's own path */
    B(FuzzOpProbeAndLock, P, 0x31, MDL(2));                      /* UserMode, IoWriteAccess */
    B(FuzzOpMap, P, 0x30, MDL(2));                               /* UserMode */
    B(FuzzOpUnlock, P, MDL(2));                                  /* still mapped */
    WriteSeed(Dir, "user_buffers");

    /* Misuse: user memory at DISPATCH_LEVEL (a probe of a page never
     * touched, a lock), a UserMode map at DISPATCH_LEVEL. */
    CONFIG(0x00);
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(2)), UA_NULL, SZ_PAGES(2), PROT_READWRITE); /* region 0 */
    B(FuzzOpUser, D, USER(PROBE, 0), UA_HANDLE(0), SZ_PAGES(1));
    B(FuzzOpUser, P, USER(ALLOCATE, U_TYPE(2)), UA_NULL, SZ_PAGES(2), PROT_READWRITE);
    B(FuzzOpUser, D, USER(LOCK, 0), PTR_NTH(0), SZ_PAGES(1));
    B(FuzzOpUser, P, USER(BUFFER, 0), SZ_PAGES(1), PROT_READWRITE);
    B(FuzzOpUser, P, USER(LOCK, 0), PTR_NTH(0), SZ_PAGES(1));     /* MDL 0 */
    B(FuzzOpMap, D, 0x30, MDL(0));                               /* UserMode at DISPATCH */
    WriteSeed(Dir, "user_misuse");

    /* Special pool on: a special block next to user buffers locked and
     * mapped (both kinds of page in one machine). */
    CONFIG(FUZZ_CONFIG_SPECIAL);
    B(FuzzOpPool2, P, 0, SZ_SMALL(24), TAG_TEST);                 /* handle 0 */
    B(FuzzOpUser, P, USER(BUFFER, U_CONTENTS(1)), SZ_PAGES(1), PROT_READWRITE, 'x');
    B(FuzzOpUser, P, USER(LOCK, U_MORE), PTR_NTH(0), SZ_PAGES(1));
    B(FuzzOpFreePool, P, 0, PTR_NTH(0));
    WriteSeed(Dir, "user_special_pool");
}

/* Seeds: edges - trimmed pages, reserved-mapping misuse, contiguous chunks,
 * the table operation, exhausted PTEs. */
static void GenerateEdges(const char *Dir)
{
    /* Probe and lock over trimmed paged pool: faulted back in at PASSIVE,
     * 0xD1 at DISPATCH. */
    CONFIG(0x00);
    B(FuzzOpPool2, P, 2, SZ_PAGES(2), TAG_TEST);                 /* paged */
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_PAGES(2));
    B0(FuzzOpTrim, P);
    B(FuzzOpProbeAndLock, P, 0, MDL(0));                         /* read access */
    B0(FuzzOpTrim, P);                                           /* locked: stays */
    B(FuzzOpUnlock, P, MDL(0));
    B0(FuzzOpTrim, P);
    B(FuzzOpProbeAndLock, D, 1, MDL(0));                         /* 0xD1 */
    WriteSeed(Dir, "probe_trimmed");

    /* Reserved-mapping misuse, modern: unmap with a shorter MDL (0x10C) and
     * with a longer one (0x10A). */
    CONFIG(0x00);
    B(FuzzOpReserve, P, 0, SZ_PAGES(4), TAG_TEST);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(4));             /* MDL 0 */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));             /* MDL 1 */
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));
    B(FuzzOpUnmapReserved, P, 0x10, PTR_NTH(0), MDL(1));         /* 0xDA/0x10C */
    B(FuzzOpReserve, P, 0, SZ_PAGES(2), TAG_TEST);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));             /* MDL 0 */
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(4));             /* MDL 1 */
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));
    B(FuzzOpUnmapReserved, P, 0x10, PTR_NTH(0), MDL(1));         /* 0xDA/0x10A */
    WriteSeed(Dir, "reserve_unmap_misuse");

    /* The same under nt5: no checks; a longer MDL unmaps only the range. */
    CONFIG(FUZZ_CONFIG_NT5 | FUZZ_CONFIG_HEADER(2));             /* Windows 8 encoding */
    B(FuzzOpReserve, P, 0, SZ_PAGES(2), TAG_TEST);
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(2));
    B(FuzzOpAllocatePages, P, 1, 0, 0, SZ_PAGES(4));
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));
    B(FuzzOpMapReserved, P, 0, PTR_NTH(0), MDL(0));              /* double map: replaced */
    B(FuzzOpUnmapReserved, P, 0x10, PTR_NTH(0), MDL(1));
    B(FuzzOpFreeReserved, P, 0, PTR_NTH(0));
    WriteSeed(Dir, "reserve_nt5_unchecked");

    /* Physically contiguous chunks and large pages (regression: an aligned
     * run after a hole between RAM ranges was never found); an injected lock
     * failure; a user-mode mapping at DISPATCH_LEVEL (0xC4/0x77). */
    CONFIG(0x00);
    B(FuzzOpAllocatePages, P, 2, 0, 4, 0xE7, 1, 0x60, 0);        /* 2 MiB, large pages */
    B(FuzzOpAllocatePages, P, 2, 0, 3, SZ_PAGES(16), 1, 0x20, 0); /* 64 KiB chunks */
    B(FuzzOpPool2, P, 0, SZ_PAGES(1), TAG_TEST);
    B(FuzzOpIoAllocateMdl, P, 0, PTR_NTH(0), SZ_PAGES(1));       /* MDL 2 */
    B(FuzzOpFaults, P, 2, 4, 1);                                 /* the next lock fails */
    B(FuzzOpProbeAndLock, P, 0, MDL(2));                         /* STATUS_WORKING_SET_QUOTA */
    B(FuzzOpProbeAndLock, P, 0, MDL(2));
    B(FuzzOpMap, D, 0x30, MDL(2));                               /* UserMode at DISPATCH */
    WriteSeed(Dir, "mdl_contiguous_faults");

    /* The table operation (FuzzOpTable): DDIs called from their rows of
     * sim/mi_ddi_table.h, arguments read by kind - pool, pages for an MDL,
     * a physical address, the frees. */
    CONFIG(0x00);
    B(FuzzOpTable, P, ROW("ExAllocatePool2"), 0, 0x40, SZ_SMALL(24), TAG_TEST); /* NON_PAGED */
    B(FuzzOpTable, P, ROW("MmAllocatePagesForMdl"), 0, 0, 0, 0, 0,         /* Low 0 */
      1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,                    /* High -1 */
      0, 0, 0, 0, 0, SZ_PAGES(2));                                         /* Skip 0 */
    B(FuzzOpTable, P, ROW("MmGetPhysicalAddress"), PTR(ANY, ZERO, 1));
    B(FuzzOpTable, P, ROW("MmIsAddressValid"), PTR(ANY, ZERO, 0));
    B(FuzzOpTable, D, ROW("ExFreePool"), PTR_NTH(0));
    B(FuzzOpTable, P, ROW("MmFreePagesFromMdl"), MDL(0));
    B(FuzzOpTable, P, ROW("MmFreePagesFromMdl"), MDL(0));                 /* twice: 0x1A */
    WriteSeed(Dir, "table_calls");

    /* Retail: system PTEs exhausted by a reservation, then a mapping with
     * BugCheckOnFailure: 0x3F NO_MORE_SYSTEM_PTES. */
    CONFIG(FUZZ_CONFIG_RETAIL);
    B(FuzzOpReserve, P, 0, 0xA0, 0x00, 0x00, 0xFA, 0x00, TAG_TEST); /* 4000 pages */
    B(FuzzOpAllocatePages, P, 1, 0, 0, 0xA0, 0x00, 0x40, 0x06, 0x00); /* 100 pages */
    B(FuzzOpMap, P, 0x81, MDL(0));                               /* BugCheckOnFailure */
    WriteSeed(Dir, "retail_no_ptes");
}

static void Generate(const char *Dir)
{
    mkdir(Dir, 0777);
    GeneratePoolAndMdl(Dir);
    GenerateReserved(Dir);
    GenerateIrqlFaultsAndModes(Dir);
    GenerateRegressions(Dir);
    GenerateEdges(Dir);
    GenerateUser(Dir);
}

/* ------------------------------------------------------------------------ */
/* main                                                                     */
/* ------------------------------------------------------------------------ */
static uint64_t Number(const char *Option, const char *Text)
{
    char *End = NULL;
    errno = 0;
    unsigned long long Value = strtoull(Text, &End, 0);
    if (errno != 0 || End == Text || *End != '\0' || Text[0] == '-') {
        fprintf(stderr, "fuzz_ddi_replay: %s takes a number, not '%s'\n", Option, Text);
        exit(2);
    }
    return Value;
}

/* Processor time (C's clock(): portable, and what inputs/s should count). */
static double Now(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

int main(int argc, char **argv)
{
    uint64_t RandomCount = 0;
    uint64_t SeedValue = 1;
    size_t MaxLength = 256;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--random") == 0 && i + 1 < argc) {
            RandomCount = Number(argv[i], argv[i + 1]);
            i++;
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            SeedValue = Number(argv[i], argv[i + 1]);
            i++;
        } else if (strcmp(argv[i], "--max-len") == 0 && i + 1 < argc) {
            MaxLength = (size_t)Number(argv[i], argv[i + 1]);
            i++;
            if (MaxLength == 0 || MaxLength > 65536) {
                fprintf(stderr, "fuzz_ddi_replay: --max-len takes 1 to 65536\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--generate") == 0 && i + 1 < argc) {
            Generate(argv[++i]);
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr,
                    "usage: fuzz_ddi_replay [--random N] [--seed S] [--max-len L] PATH...\n"
                    "       fuzz_ddi_replay --generate DIR\n");
            return 2;
        } else {
            AddPath(argv[i]);
        }
    }
    double Start = Now();
    for (size_t i = 0; i < FileCount; i++) {
        RunInput(Files[i].Data, Files[i].Size);
    }
    RandomState = SeedValue;
    uint8_t *Buffer = (uint8_t *)malloc(MaxLength);
    if (Buffer == NULL) {
        return 2;
    }
    for (uint64_t n = 0; n < RandomCount; n++) {
        size_t Length = (FileCount > 0 && (Next() & 1)) ? MakeMutant(Buffer, MaxLength)
                                                        : MakeRandom(Buffer, MaxLength);
        RunInput(Buffer, Length);
    }
    double Seconds = Now() - Start;
    FUZZ_STATS Stats;
    FuzzGetStats(&Stats);
    printf("fuzz_ddi_replay: %llu inputs (%zu files, %llu random from seed %llu) in %.1f s of "
           "processor time, %.0f inputs/s\n",
           (unsigned long long)Stats.Inputs, FileCount, (unsigned long long)RandomCount,
           (unsigned long long)SeedValue, Seconds, Seconds > 0 ? (double)Stats.Inputs / Seconds : 0.0);
    printf("  %llu calls, %llu stops caught, %llu exceptions caught, %llu skipped, "
           "%llu invariant checks, no finding\n",
           (unsigned long long)Stats.Operations, (unsigned long long)Stats.Stops,
           (unsigned long long)Stats.Raised, (unsigned long long)Stats.Skipped,
           (unsigned long long)Stats.InvariantChecks);
    printf("  stops by code:");
    for (int i = 0; i < 16 && Stats.StopCodes[i] != 0; i++) {
        printf(" 0x%X=%llu", Stats.StopCodeValues[i], (unsigned long long)Stats.StopCodes[i]);
    }
    printf("\n");
    free(Buffer);
    for (size_t i = 0; i < FileCount; i++) {
        free(Files[i].Data);
        free(Files[i].Name);
    }
    free(Files);
    remove(LastInputPath);
    return 0;
}
