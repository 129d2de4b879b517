/*
 * dump_golden.c - prints one WinDbg-style dump format (SimDump*) over a fixed
 * scenario, for the golden-output tests (golden/dump-*.txt). Addresses are
 * printed with SIM_DUMP_SYMBOLIC (relative to the randomized base), so the
 * output is the same on every run; the test also fixes MMSIM_SEED.
 *
 *   dump_golden pte|pfn|sysptes|poolused|mdl|map|stop|raw|vad|address|user
 *
 * vad, address and user (tour17) dump the current process's user space
 * after one scenario: every kind of user PTE (UserScenario). User addresses
 * are printed relative to the user range (user+0x...).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim.h>

#define TAG 'nloG' /* "Goln" */

static SIM_DUMP_OUTPUT Out;

static PMDL Pages(ULONG Count)
{
    PHYSICAL_ADDRESS Low, High, Skip;
    Low.QuadPart = 0;
    High.QuadPart = -1;
    Skip.QuadPart = 0;
    PMDL Mdl = MmAllocatePagesForMdlEx(Low, High, Skip, (SIZE_T)Count * PAGE_SIZE, MmCached, 0);
    if (Mdl == NULL) {
        fprintf(stderr, "dump_golden: MmAllocatePagesForMdlEx failed\n");
        exit(1);
    }
    return Mdl;
}

/* One reservation of 8 pages with 3 mapped, under the given profile. */
static PUCHAR Scenario(SIM_PROFILE Profile, PMDL *MdlOut)
{
    SIM_CONFIG Config;
    SimDefaultConfig(&Config);
    Config.Profile = Profile;
    Config.Quiet = TRUE;
    if (!NT_SUCCESS(SimInitialize(&Config))) {
        exit(89);
    }
    PUCHAR Base = (PUCHAR)MmAllocateMappingAddress(8 * PAGE_SIZE, TAG);
    PMDL Mdl = Pages(3);
    if (Base == NULL || MmMapLockedPagesWithReservedMapping(Base, TAG, Mdl, MmCached) == NULL) {
        fprintf(stderr, "dump_golden: mapping failed\n");
        exit(1);
    }
    *MdlOut = Mdl;
    return Base;
}

static void Teardown(PUCHAR Base, PMDL Mdl)
{
    MmUnmapReservedMapping(Base, TAG, Mdl);
    MmFreePagesFromMdl(Mdl);
    ExFreePool(Mdl);
    MmFreeMappingAddress(Base, TAG);
}

static void Heading(const char *Text)
{
    printf("---- %s ----\n", Text);
}

/* tour17: a 2 MiB reservation whose first pages show every kind of user
 * PTE, and a second, top-down allocation:
 *   page 0 valid read/write      page 4 committed PAGE_NOACCESS
 *   page 1 resident, protected   page 5 valid PAGE_EXECUTE_READWRITE
 *          PAGE_NOACCESS (T)     page 6 demand zero
 *   page 2 valid read-only       page 7 on: reserved
 *   page 3 guard (PAGE_GUARD) */
static NTSTATUS UserCall(PUCHAR Base, ULONG Page, ULONG Type, ULONG Protect)
{
    PVOID At = Base + (SIZE_T)Page * PAGE_SIZE;
    SIZE_T Size = PAGE_SIZE;
    return ZwAllocateVirtualMemory(NtCurrentProcess(), &At, 0, &Size, Type, Protect);
}

static PUCHAR UserScenario(PVOID *Top)
{
    PVOID Base = NULL;
    SIZE_T Size = 2 * 1024 * 1024;
    NTSTATUS Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size, MEM_RESERVE,
                                              PAGE_READWRITE);
    PUCHAR B = (PUCHAR)Base;
    static const ULONG Protect[7] = {PAGE_READWRITE, PAGE_READWRITE, PAGE_READONLY,
                                     PAGE_READWRITE | PAGE_GUARD, PAGE_NOACCESS,
                                     PAGE_EXECUTE_READWRITE, PAGE_READWRITE};
    for (ULONG i = 0; i < 7 && NT_SUCCESS(Status); i++) {
        Status = UserCall(B, i, MEM_COMMIT, Protect[i]);
    }
    *Top = NULL;
    Size = 0x10000;
    if (NT_SUCCESS(Status)) {
        Status = ZwAllocateVirtualMemory(NtCurrentProcess(), Top, 0, &Size,
                                         MEM_RESERVE | MEM_COMMIT | MEM_TOP_DOWN, PAGE_READONLY);
    }
    if (!NT_SUCCESS(Status)) {
        fprintf(stderr, "dump_golden: user scenario failed: 0x%08X\n", (unsigned)Status);
        exit(1);
    }
    B[0] = 1;
    B[PAGE_SIZE] = 2;
    (void)*(volatile UCHAR *)(B + 2 * PAGE_SIZE);
    (void)*(volatile UCHAR *)(B + 5 * PAGE_SIZE);
    PVOID At = B + PAGE_SIZE;
    SIZE_T One = PAGE_SIZE;
    ULONG Old = 0;
    if (!NT_SUCCESS(ZwProtectVirtualMemory(NtCurrentProcess(), &At, &One, PAGE_NOACCESS, &Old))) {
        fprintf(stderr, "dump_golden: ZwProtectVirtualMemory failed\n");
        exit(1);
    }
    return B;
}

static void UserTeardown(PUCHAR Base, PVOID Top)
{
    PVOID At = Base;
    SIZE_T Size = 0;
    ZwFreeVirtualMemory(NtCurrentProcess(), &At, &Size, MEM_RELEASE);
    Size = 0;
    ZwFreeVirtualMemory(NtCurrentProcess(), &Top, &Size, MEM_RELEASE);
}

static void UserDumps(const char *What)
{
    PVOID Top = NULL;
    PUCHAR Base = UserScenario(&Top);
    if (strcmp(What, "vad") == 0) {
        SimDumpVad(&Out);
    } else if (strcmp(What, "address") == 0) {
        static const char *const Names[] = {
            "valid, read/write",   "resident, protected PAGE_NOACCESS (transition)",
            "valid, read-only",    "guard page (never touched)",
            "committed PAGE_NOACCESS", "valid, PAGE_EXECUTE_READWRITE",
            "demand zero",          "reserved, not committed"};
        for (ULONG i = 0; i < 8; i++) {
            Heading(Names[i]);
            SimDumpAddress(&Out, Base + (SIZE_T)i * PAGE_SIZE + 0x10);
        }
        Heading("free, between the two allocations");
        SimDumpAddress(&Out, Base + 4 * 1024 * 1024);
        Heading("the top-down allocation");
        SimDumpAddress(&Out, Top);
        Heading("a kernel address (system space)");
        char Buffer[256];
        SIM_DUMP_OUTPUT Kernel;
        SimDumpToBuffer(&Kernel, Buffer, sizeof(Buffer), SIM_DUMP_SYMBOLIC);
        BOOLEAN User = SimDumpAddress(&Kernel, SimSystemSpaceBase(NULL));
        /* The message names the host address: only its shape is printed. */
        printf("SimDumpAddress: %s; %s\n", User ? "TRUE" : "FALSE",
               strstr(Buffer, " is not a user address") ? "\"... is not a user address\"" : Buffer);
    } else {
        Heading("the first 40 pages of the reservation");
        SimDumpUserPages(&Out, Base, 40);
        Heading("the top-down allocation and the page after it");
        SimDumpUserPages(&Out, Top, 17);
        Heading("not a user address");
        SimDumpUserPages(&Out, SimSystemSpaceBase(NULL), 4);
        char Text[64];
        printf("SimUserPageMapChar: page 0 '%c', page 1 '%c', page 6 '%c', kernel '%c'\n",
               SimUserPageMapChar(Base), SimUserPageMapChar(Base + PAGE_SIZE),
               SimUserPageMapChar(Base + 6 * PAGE_SIZE),
               SimUserPageMapChar(SimSystemSpaceBase(NULL)));
        printf("SimUserPageProtect: page 2 0x%lx, page 3 0x%lx, page 7 0x%lx\n",
               (unsigned long)SimUserPageProtect(Base + 2 * PAGE_SIZE),
               (unsigned long)SimUserPageProtect(Base + 3 * PAGE_SIZE),
               (unsigned long)SimUserPageProtect(Base + 7 * PAGE_SIZE));
        printf("SimFormatUserAddress: %s \"%s\"\n",
               SimFormatUserAddress((ULONG_PTR)(Base + 0x1234), SIM_DUMP_SYMBOLIC, Text,
                                    sizeof(Text))
                   ? "TRUE"
                   : "FALSE",
               Text);
        printf("SimFormatUserAddress of a kernel address: %s\n",
               SimFormatUserAddress((ULONG_PTR)SimSystemSpaceBase(NULL), SIM_DUMP_SYMBOLIC, Text,
                                    sizeof(Text))
                   ? "TRUE"
                   : "FALSE");
    }
    UserTeardown(Base, Top);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr,
                "usage: dump_golden pte|pfn|sysptes|poolused|mdl|map|stop|raw|vad|address|user\n");
        return 2;
    }
    const char *What = argv[1];
    SimDumpToFile(&Out, stdout, SIM_DUMP_SYMBOLIC);
    PMDL Mdl = NULL;
    for (int p = 0; p < 2; p++) {
        SIM_PROFILE Profile = p == 0 ? SimProfileModern : SimProfileNt5;
        PUCHAR Base = Scenario(Profile, &Mdl);
        printf("==== profile %s ====\n", SimProfileName(Profile));
        if (strcmp(What, "pte") == 0) {
            Heading("valid data PTE");
            SimDumpPte(&Out, Base + PAGE_SIZE);
            Heading("reserved, empty PTE");
            SimDumpPte(&Out, Base + 5 * PAGE_SIZE);
            if (Profile == SimProfileNt5) {
                Heading("tag header PTE, one page below the base");
                SimDumpPte(&Out, Base - PAGE_SIZE);
                Heading("size header PTE, two pages below the base");
                SimDumpPte(&Out, Base - 2 * PAGE_SIZE);
            } else {
                Heading("the guard page below system PTE space");
                SimDumpPte(&Out, (PUCHAR)SimSystemSpaceBase(NULL));
            }
            Heading("trimmed paged pool (transition PTE)");
            PUCHAR Paged = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, TAG);
            Paged[0] = 1;
            SimTrimPagedPool();
            SimDumpPte(&Out, Paged);
            ExFreePoolWithTag(Paged, TAG);
            Heading("host memory");
            static int HostVariable;
            SIM_DUMP_OUTPUT Raw;
            char Buffer[512];
            SimDumpToBuffer(&Raw, Buffer, sizeof(Buffer), SIM_DUMP_SYMBOLIC);
            SimDumpPte(&Raw, &HostVariable);
            printf("%s", strstr(Buffer, "not in simulated system space") ? strstr(Buffer, "not in")
                                                                       : Buffer);
        } else if (strcmp(What, "pfn") == 0) {
            PFN_NUMBER Pfn = MmGetMdlPfnArray(Mdl)[0];
            Heading("a mapped MDL page");
            SimDumpPfn(&Out, Pfn);
            Heading("a free page");
            SimDumpPfn(&Out, MmGetMdlPfnArray(Mdl)[2] + 100);
            Heading("not RAM (the hole below 1 MiB)");
            SimDumpPfn(&Out, 0xA0);
        } else if (strcmp(What, "sysptes") == 0) {
            SimDumpSysPtes(&Out);
        } else if (strcmp(What, "poolused") == 0) {
            PVOID A = ExAllocatePool2(POOL_FLAG_NON_PAGED, 300, 'AAAA');
            PVOID B = ExAllocatePool2(POOL_FLAG_PAGED, 5000, 'BBBB');
            PVOID C = ExAllocatePool2(POOL_FLAG_NON_PAGED, 100, 'AAAA');
            ExFreePool(C);
            Heading("by bytes");
            SimDumpPoolUsed(&Out, SimPoolUsedSortBytes);
            Heading("by tag");
            SimDumpPoolUsed(&Out, SimPoolUsedSortTag);
            ExFreePool(A);
            ExFreePool(B);
        } else if (strcmp(What, "mdl") == 0) {
            Heading("MmAllocatePagesForMdlEx MDL, mapped in a reservation");
            SimDumpMdl(&Out, Mdl);
            Heading("IoAllocateMdl MDL with a byte offset, built for non-paged pool");
            PUCHAR Pool = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, 3 * PAGE_SIZE, TAG);
            PMDL Io = IoAllocateMdl(Pool + 0x10, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
            MmBuildMdlForNonPagedPool(Io);
            SimDumpMdl(&Out, Io);
            IoFreeMdl(Io);
            ExFreePool(Pool);
            Heading("NULL");
            SimDumpMdl(&Out, NULL);
        } else if (strcmp(What, "map") == 0) {
            Heading("the reservation");
            SimDumpReservation(&Out, Base + 3 * PAGE_SIZE);
            Heading("a 2000-page reservation, scaled");
            PUCHAR Big = (PUCHAR)MmAllocateMappingAddress(2000 * PAGE_SIZE, TAG);
            PMDL BigMdl = Pages(700);
            MmMapLockedPagesWithReservedMapping(Big, TAG, BigMdl, MmCached);
            SimDumpReservation(&Out, Big);
            MmUnmapReservedMapping(Big, TAG, BigMdl);
            MmFreePagesFromMdl(BigMdl);
            ExFreePool(BigMdl);
            MmFreeMappingAddress(Big, TAG);
            Heading("system space around it");
            SimDumpPageMap(&Out, SimSystemSpaceBase(NULL), 24);
            Heading("not a reservation");
            SimDumpReservation(&Out, SimSystemSpaceBase(NULL));
            printf("legend: %s\n", SimPageMapLegend());
        } else if (strcmp(What, "stop") == 0) {
            SIM_BUGCHECK Stop;
            Heading("0xDA/0x103: freeing the reservation while mapped");
            SIM_CATCH_BUGCHECK(&Stop, MmFreeMappingAddress(Base, TAG));
            SimDumpStop(&Out, &Stop);
            Heading("the same stop, refused DDI afterwards");
            SIM_CATCH_BUGCHECK(&Stop, MmFreeMappingAddress(Base, TAG));
            SimDumpStop(&Out, &Stop);
            Heading("not a stop");
            memset(&Stop, 0, sizeof(Stop));
            SimDumpStop(&Out, &Stop);
            SimReset();
            continue; /* the machine was stopped: nothing to tear down */
        } else if (strcmp(What, "vad") == 0 || strcmp(What, "address") == 0 ||
                   strcmp(What, "user") == 0) {
            UserDumps(What); /* tour17 */
        } else if (strcmp(What, "raw") == 0) {
            /* Raw addresses differ on every run: only the shape is printed. */
            char Buffer[4096];
            SIM_DUMP_OUTPUT Raw;
            SimDumpToBuffer(&Raw, Buffer, sizeof(Buffer), 0);
            SimDumpPte(&Raw, Base);
            printf("raw !pte mentions base+: %s\n", strstr(Buffer, "base+") ? "yes" : "no");
            printf("raw !pte has a WinDbg 64-bit address: %s\n", strchr(Buffer, '`') ? "yes" : "no");
            SimDumpToBuffer(&Raw, Buffer, 16, SIM_DUMP_SYMBOLIC);
            SimDumpSysPtes(&Raw);
            printf("truncated to %zu characters: \"%s\"; Length >= Size: %s\n", strlen(Buffer),
                   Buffer, Raw.Length >= 16 ? "yes" : "no");
        } else {
            fprintf(stderr, "dump_golden: unknown dump '%s'\n", What);
            return 2;
        }
        Teardown(Base, Mdl);
    }
    SimShutdown();
    return 0;
}
