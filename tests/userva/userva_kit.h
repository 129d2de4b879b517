/*
 * userva_kit.h - what every user address space test sets up, once: a
 * machine with its own limits, a region of the current process's user
 * space reserved/committed and released, the counts a test compares, and a
 * user touch as the status it raises. Each helper asserts its own success,
 * so a test states only what it checks.
 */
#ifndef USERVA_KIT_H
#define USERVA_KIT_H

#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>
#include <stdbool.h>

/* A SIM_TEST_F setup: a fresh machine with the default configuration
 * changed by the statements given (on `Config`), e.g.
 *   USERVA_MACHINE(SmallCommit, Config.CommitLimitPages = 16)
 */
#define USERVA_MACHINE(Name, ...)                                                           \
    static int Name(void **State)                                                           \
    {                                                                                       \
        (void)State;                                                                        \
        SIM_CONFIG Config;                                                                  \
        SimGetConfig(&Config);                                                              \
        __VA_ARGS__;                                                                        \
        return SimInitialize(&Config) == STATUS_SUCCESS ? 0 : -1;                           \
    }

/* Size bytes of the current process's user space (Type: MEM_RESERVE and/or
 * MEM_COMMIT), where the system picks. */
static inline uint8_t *UvAllocate(SIZE_T Size, ULONG Type, ULONG Protect)
{
    PVOID Base = NULL;
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, Type, Protect),
                     STATUS_SUCCESS);
    return (uint8_t *)Base;
}

/* Commits Size bytes at At (in a reserved region). */
static inline void UvCommit(PVOID At, SIZE_T Size, ULONG Protect)
{
    assert_int_equal(ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, MEM_COMMIT, Protect),
                     STATUS_SUCCESS);
}

/* Releases the whole region at Base. */
static inline void UvRelease(PVOID Base)
{
    SIZE_T Zero = 0;
    assert_int_equal(ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Zero, MEM_RELEASE),
                     STATUS_SUCCESS);
}

static inline ULONG64 UvFreePages(void)
{
    SIM_MEMORY_STATS Stats;
    SimQueryMemory(&Stats);
    return Stats.FreePages;
}

/* The current process's counts (commit charge, resident and locked pages). */
static inline SIM_PROCESS_INFO UvProcess(void)
{
    SIM_PROCESS_INFO Info;
    assert_true(SimQueryProcess(NtCurrentProcess(), &Info));
    return Info;
}

/* A user-mode read (or write) of At: STATUS_SUCCESS or what it raises. */
static inline NTSTATUS UvTouch(volatile uint8_t *At, bool Write)
{
    NTSTATUS Status;
    SIM_TRY_STATUS(&Status, if (Write) { *At = 1; } else { (void)*At; });
    return Status;
}

/* !vad, and !address of Va (a user address: asserted), as the golden
 * files print them (SIM_DUMP_SYMBOLIC), into Text; returns Text. */
#define UV_DUMP_CHARS 2048
static inline const char *UvDumpVad(char Text[UV_DUMP_CHARS])
{
    SIM_DUMP_OUTPUT Out;
    SimDumpToBuffer(&Out, Text, UV_DUMP_CHARS, SIM_DUMP_SYMBOLIC);
    SimDumpVad(&Out);
    print_message("%s", Text);
    return Text;
}

static inline const char *UvDumpAddress(PVOID Va, char Text[UV_DUMP_CHARS])
{
    SIM_DUMP_OUTPUT Out;
    SimDumpToBuffer(&Out, Text, UV_DUMP_CHARS, SIM_DUMP_SYMBOLIC);
    assert_true(SimDumpAddress(&Out, Va));
    print_message("%s", Text);
    return Text;
}

#endif /* USERVA_KIT_H */
