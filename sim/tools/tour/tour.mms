# tour.mms - `mmsim tour`: a narrated walk through the reserve/commit model,
# as a scenario script (docs/mmsim.md, "Narration"). The prologue shows the
# model the learner knows, in user mode: reserve 2 MiB of a process's address
# space, commit 4 KiB at a time, the first touch of a demand-zero page, and
# then names what the kernel does differently. Part 1 does by hand what
# the growable region (core/) does: reserve system address space, allocate
# physical pages into an MDL, map the MDL into the reservation, touch it,
# grow, tear down. Part 2 runs core/ itself. Part 3 makes the classic
# mistakes and shows the stop each one gets, live.
#
# `mmsim tour` runs this script (built into the program) in narrated mode;
# `mmsim run sim/tools/tour/tour.mms` runs it as any other script. Every
# sentence about the machine is followed by the claims that make it true.

# ---- Prologue: the user-mode model you know ------------------------------------
step "User mode: reserve the maximum"
say "You know this half already. In user mode a buffer that grows takes two"
say "calls: reserve the maximum once, then commit pages as the data grows."
say "VirtualAlloc does it for a program; a driver does it for a process with"
say "ZwAllocateVirtualMemory. mmsim's machine runs a process with a user address"
say "space, so here are the lines you would write. Reserve 2 MiB:"
code "PVOID Base = NULL;  SIZE_T Size = 2 * 1024 * 1024;"
code "Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size,"
code "                                 MEM_RESERVE, PAGE_READWRITE);"
expect status STATUS_SUCCESS
U = reserve 2 * 1024 * 1024, PAGE_READWRITE
result "STATUS_SUCCESS; Base = %a, Size = %M MiB", U, user_region(U)
focus U
say ""
say "The reservation is a VAD (virtual address descriptor): the process's record"
say "of the range, 512 pages from Base. Nothing is committed, no physical page"
say "is used and no PTE is filled in ('.' in the strip):"
claim "the reservation is one VAD" vads() == 1
claim "the range is reserved" user_state(U) == MEM_RESERVE
claim "512 pages from Base" user_region(U) == 512 * PAGE_SIZE
claim "nothing is committed" commit_charge() == 0
claim "no physical page is used" free_pages() == step_free_pages()
claim "no PTE is filled in" user_pte(U) == 0
dump vad
dump address U

step "User mode: commit 4 KiB at a time"
say "Commit the first page, and the next one as the data grows: MEM_COMMIT"
say "inside the reservation, one page (4 KiB) at a time."
code "Size = PAGE_SIZE;"
code "Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Base, 0, &Size,"
code "                                 MEM_COMMIT, PAGE_READWRITE);"
expect status STATUS_SUCCESS
commit U, PAGE_SIZE
code "Next = (PUCHAR)Base + PAGE_SIZE;"
code "Status = ZwAllocateVirtualMemory(NtCurrentProcess(), &Next, 0, &Size,"
code "                                 MEM_COMMIT, PAGE_READWRITE);"
expect status STATUS_SUCCESS
commit U + PAGE_SIZE, PAGE_SIZE
result "STATUS_SUCCESS twice; %K KiB committed", commit_charge()
say ""
say "Committing charged 8 KiB of commit - a promise that the pages will exist -"
say "but took no physical page. The two PTEs hold only the protection: they are"
say "demand-zero PTEs ('d' in the strip), and a page comes on the first touch."
claim "8 KiB of commit is charged" commit_charge() == 2 * PAGE_SIZE
claim "no physical page was taken" free_pages() == step_free_pages()
claim "no page is resident" resident_pages() == 0
claim "the first PTE is demand zero" user_demand_zero(U) == 1
claim "the second PTE is demand zero" user_demand_zero(U + PAGE_SIZE) == 1
claim "the PTEs hold the protection, PAGE_READWRITE" user_protect(U) == PAGE_READWRITE
claim "the rest is still only reserved" user_state(U + 2 * PAGE_SIZE) == MEM_RESERVE
dump address U
dump user U, 32

step "User mode: the first touch"
say "Write to the first page. The CPU finds a demand-zero PTE and faults; the"
say "memory manager takes a zeroed physical page, makes the PTE valid and"
say "restarts the instruction. A soft fault: no disk is involved, and the"
say "program never notices. The second page is still demand zero."
code "((volatile UCHAR *)Base)[0] = 0x5A;"
write U, 1, 0x5A
result "one byte written"
claim "one demand-zero fault" demand_zero_faults() - step_demand_zero_faults() == 1
claim "one physical page was taken" step_free_pages() - free_pages() == 1
claim "the first PTE is valid now" user_valid(U) == 1
claim "the second page is still demand zero" user_demand_zero(U + PAGE_SIZE) == 1
claim "one page is resident" resident_pages() == 1
claim "the commit charge did not change" commit_charge() == 2 * PAGE_SIZE
dump address U
dump user U, 32
dump vad

step "User mode: touching past the commit"
say "Read the third page: reserved, never committed. There is no commitment to"
say "honour, so the memory manager gives no page: user mode gets an access"
say "violation, an exception the program can catch, and runs on."
code "__try { Value = ((volatile UCHAR *)Base)[2 * PAGE_SIZE]; }"
code "__except (EXCEPTION_EXECUTE_HANDLER) { /* STATUS_ACCESS_VIOLATION */ }"
expect raise STATUS_ACCESS_VIOLATION
touch U + 2 * PAGE_SIZE
result "STATUS_ACCESS_VIOLATION, raised and caught"
claim "the machine runs on" stopped() == 0
claim "the page is still only reserved" user_state(U + 2 * PAGE_SIZE) == MEM_RESERVE
claim "no page was taken" free_pages() == step_free_pages()
dump address U + 2 * PAGE_SIZE

step "User mode: protect, decommit, release"
say "Make the first page read-only: its PTE keeps the page and takes the new"
say "protection ('R' in the strip)."
code "Size = PAGE_SIZE;"
code "Status = ZwProtectVirtualMemory(NtCurrentProcess(), &Base, &Size, PAGE_READONLY, &Old);"
expect status STATUS_SUCCESS
protect U, PAGE_SIZE, PAGE_READONLY
claim "the PTE says read-only" user_protect(U) == PAGE_READONLY
claim "the page stays valid" user_valid(U) == 1
dump user U, 32
say "Give the memory back. MEM_DECOMMIT returns the pages and the commit charge"
say "and keeps the reservation; MEM_RELEASE frees the VAD and the range."
code "Size = 2 * PAGE_SIZE;"
code "Status = ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Size, MEM_DECOMMIT);"
expect status STATUS_SUCCESS
decommit U, 2 * PAGE_SIZE
claim "the commit charge is back to 0" commit_charge() == 0
claim "the physical page is free again" free_pages() == step_free_pages() + 1
claim "the range is reserved again" user_state(U) == MEM_RESERVE
claim "the VAD stays" vads() == 1
dump vad
code "Size = 0;"
code "Status = ZwFreeVirtualMemory(NtCurrentProcess(), &Base, &Size, MEM_RELEASE);"
expect status STATUS_SUCCESS
release U
claim "the VAD is gone" vads() == 0
claim "the range is free" user_state(U) == MEM_FREE
dump vad

step "From user mode to the kernel"
say "A driver that needs a growable buffer of its own - non-paged, usable at"
say "DISPATCH_LEVEL - cannot use that model as it is. The kernel's version, from"
say "the next step on, differs in each row:"
say ""
say "  reserve               a VAD in the process                  %{system PTEs; a 0x30-byte record in pool|system PTEs; two header PTEs below Base}", nt5()
say "  commit                charges commit, takes no page         takes the physical pages at once"
say "  who holds the pages   the process's PTEs                    an MDL (MmAllocatePagesForMdlEx)"
say "  first touch           a soft fault brings a zeroed page     no fault: non-paged memory is never demand paged"
say "  past the commit       an exception, caught                  bug check 0x50: the machine stops"
say ""
say "Non-paged memory cannot wait for a fault: code at DISPATCH_LEVEL may touch"
say "it, and no page fault can be served there. So every committed byte has its"
say "physical page from the start, held by an MDL, and the reservation only"
say "provides the addresses to map it at."
claim "the user half left nothing behind: no VAD" vads() == 0
claim "the user half left nothing behind: no commit charge" commit_charge() == 0
claim "the user half left nothing behind: no resident page" resident_pages() == 0

# ---- Part 1: the reserve/commit model by hand ---------------------------------
step "A fresh machine"
reset
say "mmsim simulates the Windows kernel memory manager in a user-mode process:"
say "a PFN database of %d physical pages (%M MiB), emulated x64 PTEs over", physical_pages(), physical_pages() * PAGE_SIZE
say "a system address space, pool, IRQL and bug checks."
say "Profile: %{modern (Windows 10 2004+: reservations are records outside the PTEs)|nt5 (Server 2003: reservations keep two header PTEs)}.", nt5()
say ""
say "The goal: a growable, virtually contiguous, non-paged region. Reserve"
say "system address space once, then commit physical pages into it as it grows."
say "Every physical page is free and no system PTE is in use yet. System PTE"
say "space is where reservations live:"
claim "every page is free" free_pages() == physical_pages()
claim "no system PTE is in use" system_ptes_used() == 0
dump sysptes

step "Reserve system address space"
when nt5
say "Reserve 16 pages of system address space. Server 2003 has no"
say "MmAllocateMappingAddressEx (and no DIVISIBLE flag): only the plain call."
code "Base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT');"
expect nonnull
Base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT')
result "Base = %a", Base
focus Base
say ""
say "Nothing is mapped yet, and no physical page is used: 18 PTEs were taken,"
say "16 for the data and two just below Base that are never made valid. They"
say "hold the reservation's size (N + 2 = 18) and its tag with bit 0 cleared,"
say "so tags differing only in bit 0 compare equal. The map shows them as H:"
claim "nothing is mapped yet" reservation_mapped(Base) == 0
claim "its 16 PTEs are empty" ptes_empty(Base, 16) == 1
claim "no physical page is used" free_pages() == step_free_pages()
claim "18 PTEs were taken" system_ptes_used() - step_system_ptes_used() == 18
claim "two of them are header PTEs" reservation_headers(Base) == 2
claim "the size PTE is not valid" pte_valid(Base - 2 * PAGE_SIZE) == 0
claim "the tag PTE is not valid" pte_valid(Base - PAGE_SIZE) == 0
claim "the size PTE holds N + 2 = 18" nt5_header_size(Base) == 18
claim "the tag PTE holds the tag with bit 0 cleared" nt5_header_tag(Base) == 'ruoT' & ~1
dump map Base
dump pte Base - 2 * PAGE_SIZE
dump pte Base - PAGE_SIZE
dump pte Base
end
when modern
say "Reserve 16 pages of system address space. DIVISIBLE (Windows 10 2004+)"
say "lets each chunk be mapped at its own offset later."
code "Base = MmAllocateMappingAddressEx(16 * PAGE_SIZE, 'ruoT', MM_MAPPING_ADDRESS_DIVISIBLE);"
expect nonnull
Base = MmAllocateMappingAddressEx(16 * PAGE_SIZE, 'ruoT', MM_MAPPING_ADDRESS_DIVISIBLE)
result "Base = %a", Base
focus Base
say ""
say "No page is mapped into the reservation yet: its 16 PTEs are empty ('.')."
say "The reservation itself is a 0x30-byte record in non-paged pool, tag 'Mirm':"
say "the one physical page this step took is the pool page that holds it."
claim "no page is mapped into the reservation" reservation_mapped(Base) == 0
claim "the reservation's 16 PTEs are empty" ptes_empty(Base, 16) == 1
claim "the reservation is DIVISIBLE" reservation_flags(Base) & MM_MAPPING_ADDRESS_DIVISIBLE != 0
claim "the reservation is a 0x30-byte record in non-paged pool, tag 'Mirm'" nonpaged_bytes('mriM') == 0x30
claim "the step took one physical page" step_free_pages() - free_pages() == 1
claim "that page is a non-paged pool page" nonpaged_pool_pages() - step_nonpaged_pool_pages() == 1
dump map Base
dump pte Base
dump poolused
end

step "Allocate physical pages into an MDL"
say "Commit the first chunk: ask for 4 physical pages. They come described by an"
say "MDL (in non-paged pool, tag 'Mmdl'); they are locked but mapped nowhere yet."
code "Mdl0 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl0 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl0 = %a, %d bytes in 4 pages", Mdl0, mdl_bytes(Mdl0)
claim "4 physical pages" mdl_pages() - step_mdl_pages() == 4
claim "the MDL is in non-paged pool, tag 'Mmdl'" pool_tag_at(Mdl0) == 'ldmM'
claim "the MDL is in non-paged pool" pool_paged_at(Mdl0) == 0
# MdlFlags: 1 MDL_MAPPED_TO_SYSTEM_VA, 2 MDL_PAGES_LOCKED
claim "the pages are locked, the MDL not mapped" mdl_flags(Mdl0) & 3 == 2
claim "the pages are mapped nowhere" mdl_pages_unmapped(Mdl0) == 1
dump mdl Mdl0
dump pfn mdl_pfn(Mdl0, 0)

step "Map the MDL into the reservation"
say "Map the MDL's pages at the start of the reservation. The first four PTEs"
say "become valid and name the MDL's PFNs; the pages are really mapped in the"
say "host, so the pointer can be dereferenced."
code "Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', Mdl0, MmCached);"
expect nonnull
Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', Mdl0, MmCached)
result "Va = %a", Va
claim "the first four PTEs are valid and name the MDL's PFNs" ptes_map(Base, Mdl0, 0, 4) == 1
claim "only they are valid" ptes_empty(Base + 4 * PAGE_SIZE, 12) == 1
claim "the pages are mapped in the host" host_mappings_in(Base, 4 * PAGE_SIZE) != 0
dump map Base
dump pte Base
dump pfn mdl_pfn(Mdl0, 0)
say "The MDL now says it is mapped (MDL_MAPPED_TO_SYSTEM_VA, MappedSystemVa):"
claim "the MDL says it is mapped (MDL_MAPPED_TO_SYSTEM_VA)" mdl_flags(Mdl0) & 1 == 1
claim "the MDL says it is mapped at Base" mdl_mapped_va(Mdl0) == Base
dump mdl Mdl0

step "Touch the committed bytes"
say "Use the committed bytes: plain loads and stores through the pointer."
code "RtlFillMemory(Base, 4 * PAGE_SIZE, 0x5A);  /* and read back */"
write Base, 4 * PAGE_SIZE, 0x5A
result "16384 bytes written and read back, checksum %d", sum(Base, 4 * PAGE_SIZE)
claim "the bytes read back are the bytes written" filled(Base, 4 * PAGE_SIZE, 0x5A) == 1
code "Pa = MmGetPhysicalAddress(Base + 0x1234);"
Pa = MmGetPhysicalAddress(Base + 0x1234)
result "Pa = 0x%x: the PFN of page 1 (%x) followed by the offset 0x234", Pa, pte_pfn(Base + PAGE_SIZE)
claim "Pa is the PFN of page 1 followed by the offset" Pa == pte_pfn(Base + PAGE_SIZE) * PAGE_SIZE + 0x234

step "Grow: commit a second chunk"
when nt5
say "Grow by 4 more pages. Without DIVISIBLE, any address inside the"
say "reservation maps at its base, and every PTE must be empty first. So growth"
say "is a remap: one MDL describing all 8 pages replaces the old mapping."
code "Mdl1 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl1 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl1 = %a, %d bytes in 4 pages", Mdl1, mdl_bytes(Mdl1)
code "All = IoAllocateMdl(Base, 8 * PAGE_SIZE, FALSE, FALSE, NULL);"
code "/* copy Mdl0's and Mdl1's PFNs into All, set MDL_PAGES_LOCKED */"
expect nonnull
All = IoAllocateMdl(Base, 8 * PAGE_SIZE, FALSE, FALSE, NULL)
combine All, Mdl0, Mdl1
result "All = %a", All
code "MmUnmapReservedMapping(Base, 'ruoT', Mdl0);"
MmUnmapReservedMapping(Base, 'ruoT', Mdl0)
code "Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', All, MmCached);"
expect nonnull
Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', All, MmCached)
result "Va = %a", Va
say "The first four pages kept their contents (same PFNs), now with four more:"
claim "the 8 PTEs name All's pages" ptes_map(Base, All, 0, 8) == 1
claim "the first four pages kept their PFNs" ptes_map(Base, Mdl0, 0, 4) == 1
claim "the first four pages kept their contents" filled(Base, 4 * PAGE_SIZE, 0x5A) == 1
end
when modern
say "Grow by 4 more pages: a second chunk, mapped right after the first. With"
say "DIVISIBLE that is allowed at any page offset inside the reservation, and the"
say "first chunk stays mapped: readers never see it move."
code "Mdl1 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl1 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl1 = %a, %d bytes in 4 pages", Mdl1, mdl_bytes(Mdl1)
code "Va = MmMapLockedPagesWithReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1, MmCached);"
expect nonnull
Va = MmMapLockedPagesWithReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1, MmCached)
result "Va = %a", Va
claim "the first chunk stays where it was" ptes_map(Base, Mdl0, 0, 4) == 1
claim "the second chunk is mapped right after the first" ptes_map(Base + 4 * PAGE_SIZE, Mdl1, 0, 4) == 1
claim "the first chunk kept its contents" filled(Base, 4 * PAGE_SIZE, 0x5A) == 1
end
dump map Base
dump pte Base + 4 * PAGE_SIZE

step "Tear down in the only safe order"
say "Tear down in the only safe order: unmap, free the pages, free the MDLs,"
say "free the reservation. (Steps 17 to 23 show what the shortcuts cost.)"
when nt5
code "MmUnmapReservedMapping(Base, 'ruoT', All);"
code "IoFreeMdl(All);"
MmUnmapReservedMapping(Base, 'ruoT', All)
IoFreeMdl(All)
end
when modern
code "MmUnmapReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1);"
code "MmUnmapReservedMapping(Base, 'ruoT', Mdl0);"
MmUnmapReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1)
MmUnmapReservedMapping(Base, 'ruoT', Mdl0)
end
dump map Base
code "MmFreePagesFromMdl(Mdl0);"
code "ExFreePool(Mdl0);"
MmFreePagesFromMdl(Mdl0)
ExFreePool(Mdl0)
code "MmFreePagesFromMdl(Mdl1);"
code "ExFreePool(Mdl1);"
MmFreePagesFromMdl(Mdl1)
ExFreePool(Mdl1)
code "MmFreeMappingAddress(Base, 'ruoT');"
MmFreeMappingAddress(Base, 'ruoT')
expect clean
result "nothing the driver allocated is left (SimIsClean)"
# Every page that is not free is a pool page the pool keeps (sim/mm/pool.c
# carves small blocks from pages of one size class and keeps those pages,
# empty, for the next blocks of that size).
say "%d of the %d physical pages are free. The other %d are pool pages", free_pages(), physical_pages(), physical_pages() - free_pages()
say "that were carved into small blocks (for the MDLs and records above): every"
say "block in them is free, and the pool keeps the pages for its next blocks"
say "of those sizes rather than take new ones."
claim "some pages are not free" physical_pages() - free_pages() != 0
claim "no pool block is left" pool_blocks() == 0
claim "no MDL holds a page" mdl_pages() == 0
claim "every page that is not free is an empty pool page" free_pages() + nonpaged_pool_pages() + paged_pool_pages() == physical_pages()
dump sysptes

# ---- Part 2: the growable region (core/) ---------------------------------------
step "The growable region (core/): create and grow"
say "core/growable_region.c packages all of that as driver code. GrCreate"
say "reserves the maximum once (%{with DIVISIBLE where the kernel has it|plain MmAllocateMappingAddress: strategy Remap on this kernel}),", nt5()
say "GrEnsureCommitted grows it in chunks of at least the granularity, at"
say "least doubling, so the number of MDLs stays logarithmic."
code "GR_PARAMETERS P = { .MaximumSize = 64 KiB, .InitialCommit = 0 KiB,"
code "                    .GrowthGranularity = 16 KiB, .PoolTag = 'ruoT' };"
code "Status = GrCreate(&P, &Region);"
expect nonnull
Region = GrCreate(64 * 1024, 0, 16 * 1024, 'ruoT', GrStrategyAuto)
RegionBase = GrBase(Region)
result "STATUS_SUCCESS; GrBase = %a, committed %K KiB of %K KiB, strategy %{Auto|Divisible|Remap}", RegionBase, gr_committed(Region), gr_maximum(Region), gr_strategy(Region)
focus RegionBase
claim "GrCreate reserves once" reservations() == 1
claim "GrCreate reserves the maximum" reservation_pages(RegionBase) * PAGE_SIZE == 64 * 1024
claim "with DIVISIBLE where the kernel has it" reservation_flags(RegionBase) & MM_MAPPING_ADDRESS_DIVISIBLE == MM_MAPPING_ADDRESS_DIVISIBLE * (1 - nt5())
claim "the strategy is Divisible, or Remap without DIVISIBLE" gr_strategy(Region) == GrStrategyDivisible + nt5()
code "Status = GrEnsureCommitted(Region, 20 KiB);"
expect status STATUS_SUCCESS
Status = GrEnsureCommitted(Region, 20 * 1024)
result "committed %K KiB of %K KiB in %d chunk MDL(s), %d growth(s), %d bytes of bookkeeping", gr_committed(Region), gr_maximum(Region), gr_chunks(Region), gr_growths(Region), gr_bookkeeping(Region)
claim "one chunk" gr_chunks(Region) == 1
claim "of at least the granularity (16 KiB) and the 20 KiB asked: 32 KiB" gr_committed(Region) == 32 * 1024
dump map RegionBase

step "The growable region: grow again, read"
say "Ask for 40 KiB: the step doubles the committed size (32 KiB more), up to"
say "the maximum. A reader brackets its access with GrReadBegin/GrReadEnd and"
say "may use every byte below the committed size it was given."
code "Status = GrEnsureCommitted(Region, 40 KiB);"
expect status STATUS_SUCCESS
Status = GrEnsureCommitted(Region, 40 * 1024)
result "committed %K KiB of %K KiB in %d chunk MDL(s), %d growth(s), %d bytes of bookkeeping", gr_committed(Region), gr_maximum(Region), gr_chunks(Region), gr_growths(Region), gr_bookkeeping(Region)
claim "the step doubles the committed size (32 KiB more), up to the maximum" gr_committed(Region) == 64 * 1024
code "Data = GrBase(Region);  Committed = GrCommittedSize(Region);"
code "RtlFillMemory(Data, Committed, 0x5A);  /* between GrReadBegin and GrReadEnd */"
Data = GrBase(Region)
Committed = GrCommittedSize(Region)
write Data, Committed, 0x5A
result "Committed = %K KiB, all of it written and read back", Committed
claim "every committed byte was written and read back" filled(Data, Committed, 0x5A) == 1
claim "the committed size is the region's" Committed == gr_committed(Region)
dump map RegionBase
dump poolused

step "The growable region: destroy"
say "GrDestroy unmaps each chunk, frees its pages and its MDL, then frees the"
say "reservation: the order of step 13."
code "GrDestroy(Region);"
GrDestroy(Region)
expect clean
result "nothing the driver allocated is left (SimIsClean)"
say "%d of the %d physical pages are free. The other %d are pool pages", free_pages(), physical_pages(), physical_pages() - free_pages()
say "that were carved into small blocks (for the MDLs and records above): every"
say "block in them is free, and the pool keeps the pages for its next blocks"
say "of those sizes rather than take new ones."
claim "some pages are not free" physical_pages() - free_pages() != 0
claim "no pool block is left" pool_blocks() == 0
claim "no MDL holds a page" mdl_pages() == 0
claim "every page that is not free is an empty pool page" free_pages() + nonpaged_pool_pages() + paged_pool_pages() == physical_pages()
dump poolused

# ---- Part 3: the classic mistakes, caught live ----------------------------------
step "Mistake 1: touching past the committed size (0x50)"
reset
say "Mistake 1: touching past the committed size. The reservation is there,"
say "but beyond the committed bytes its PTEs are empty: no page, no fault"
say "handler that could bring one in. A fresh machine:"
claim "a fresh machine: every page free" free_pages() == physical_pages()
claim "a fresh machine: no system PTE in use" system_ptes_used() == 0
claim "a fresh machine: no reservation" reservations() == 0
claim "a fresh machine: running" stopped() == 0
code "GR_PARAMETERS P = { .MaximumSize = 64 KiB, .InitialCommit = 16 KiB,"
code "                    .GrowthGranularity = 16 KiB, .PoolTag = 'ruoT' };"
code "Status = GrCreate(&P, &Region);"
expect nonnull
Region = GrCreate(64 * 1024, 16 * 1024, 16 * 1024, 'ruoT', GrStrategyAuto)
RegionBase = GrBase(Region)
result "STATUS_SUCCESS; GrBase = %a, committed %K KiB of %K KiB, strategy %{Auto|Divisible|Remap}", RegionBase, gr_committed(Region), gr_maximum(Region), gr_strategy(Region)
focus RegionBase
Committed = GrCommittedSize(Region)
claim "past the committed bytes is still the reservation" reservation_base(RegionBase + Committed) == RegionBase
claim "past the committed bytes the reservation's PTEs are empty" ptes_empty(RegionBase + Committed, reservation_pages(RegionBase) - 4) == 1
claim "the committed size is 4 pages" Committed == 4 * PAGE_SIZE
code "Value = ((volatile UCHAR *)GrBase(Region))[GrCommittedSize(Region)];"
expect stop 0x50 RegionBase + Committed
read RegionBase + Committed
dump stop
say ""
say "A debugger still reads a stopped machine. The touched page is the first"
say "'.' after the valid ones:"
claim "the touched page is empty" pte(RegionBase + Committed) == 0
claim "the page before it is valid" pte_valid(RegionBase + Committed - PAGE_SIZE) == 1
dump map RegionBase
dump pte RegionBase + Committed

step "Mistake 2: mapping at an offset without DIVISIBLE (0xDA)"
reset
when nt5
say "Mistake 2: mapping a second chunk at an offset, the DIVISIBLE way, on a"
say "kernel without DIVISIBLE. Server 2003 reads the two PTEs below the address"
say "it is given as the header: below Base + 4 pages are data PTEs, so the"
say "'tag' it finds is a valid PTE and does not match."
end
when modern
say "Mistake 2: mapping a second chunk at an offset into a reservation made"
say "without DIVISIBLE. Then any address inside maps at the base, and every PTE"
say "of the reservation must be empty: the first chunk is still there."
end
code "Base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT');"
expect nonnull
Base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT')
result "Base = %a", Base
focus Base
code "Mdl0 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl0 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl0 = %a, %d bytes in 4 pages", Mdl0, mdl_bytes(Mdl0)
code "Mdl1 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl1 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl1 = %a, %d bytes in 4 pages", Mdl1, mdl_bytes(Mdl1)
code "Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', Mdl0, MmCached);"
expect nonnull
Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', Mdl0, MmCached)
result "Va = %a", Va
claim "the first chunk is still mapped" ptes_map(Base, Mdl0, 0, 4) == 1
when nt5
claim "the PTE below Base + 4 pages is a valid data PTE" pte_valid(Base + 3 * PAGE_SIZE) == 1
claim "the PTE below Base + 4 pages is not the tag" pte(Base + 3 * PAGE_SIZE) != 'ruoT' & ~1
end
code "Va = MmMapLockedPagesWithReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1, MmCached);"
when nt5
expect stop 0xDA 0x104
MmMapLockedPagesWithReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1, MmCached)
dump stop
say ""
say "Arg4 is the PTE read as the tag: a valid data PTE (pfn and flags)."
claim "Arg4 is the PTE below the address" stop_param(4) == pte(Base + 3 * PAGE_SIZE)
claim "Arg4 is a valid PTE" pte_valid(Base + 3 * PAGE_SIZE) == 1
dump pte Base + 3 * PAGE_SIZE
end
when modern
expect stop 0xDA 0x107
MmMapLockedPagesWithReservedMapping(Base + 4 * PAGE_SIZE, 'ruoT', Mdl1, MmCached)
dump stop
claim "an address inside maps at the base (Arg2)" stop_param(2) == Base
say ""
say "The fix: MmAllocateMappingAddressEx(..., MM_MAPPING_ADDRESS_DIVISIBLE), or"
say "remap everything at the base on each growth (core/'s Remap strategy)."
end
dump map Base

step "Mistake 3: freeing the reservation while mapped (0xDA/0x103)"
reset
say "Mistake 3: freeing the reservation while a chunk is still mapped into it."
say "The PTEs would be lost with the pages still locked behind them."
when nt5
code "Base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT');"
expect nonnull
Base = MmAllocateMappingAddress(16 * PAGE_SIZE, 'ruoT')
end
when modern
code "Base = MmAllocateMappingAddressEx(16 * PAGE_SIZE, 'ruoT', MM_MAPPING_ADDRESS_DIVISIBLE);"
expect nonnull
Base = MmAllocateMappingAddressEx(16 * PAGE_SIZE, 'ruoT', MM_MAPPING_ADDRESS_DIVISIBLE)
end
result "Base = %a", Base
focus Base
code "Mdl0 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl0 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl0 = %a, %d bytes in 4 pages", Mdl0, mdl_bytes(Mdl0)
code "Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', Mdl0, MmCached);"
expect nonnull
Va = MmMapLockedPagesWithReservedMapping(Base, 'ruoT', Mdl0, MmCached)
result "Va = %a", Va
claim "a chunk is still mapped into the reservation" reservation_mapped(Base) == 4
claim "the chunk's PTEs name its pages" ptes_map(Base, Mdl0, 0, 4) == 1
claim "the pages are locked (MDL_PAGES_LOCKED)" mdl_flags(Mdl0) & 2 == 2
code "MmFreeMappingAddress(Base, 'ruoT');"
expect stop 0xDA 0x103
MmFreeMappingAddress(Base, 'ruoT')
dump stop
# Not the mapped pages: docs/reserved-mappings.md, 0xDA/0x103.
say ""
say "Arg4 is the size of the range, 0x%x = %d pages, mapped or not: the", reservation_pages(Base), reservation_pages(Base)
say "documentation calls it the number of mappings in the range, and Windows"
say "passes the reservation's page count. %d of them are mapped:", reservation_mapped(Base)
claim "Arg4 is the range's size in pages" stop_param(4) == reservation_pages(Base)
dump map Base

step "Mistake 4: freeing pages twice (0x1A/0x1236)"
reset
say "Mistake 4: freeing an MDL's pages twice. After the first free the pages are"
say "back on the free list (and may already belong to someone else); the MDL"
say "still lists them."
code "Mdl0 = MmAllocatePagesForMdlEx(Low 0, High -1, Skip 0, 4 * PAGE_SIZE, MmCached, 0);"
expect nonnull
Mdl0 = MmAllocatePagesForMdlEx(0, -1, 0, 4 * PAGE_SIZE, MmCached, 0)
result "Mdl0 = %a, %d bytes in 4 pages", Mdl0, mdl_bytes(Mdl0)
code "MmFreePagesFromMdl(Mdl0);"
MmFreePagesFromMdl(Mdl0)
claim "the pages are free and the MDL still lists them" mdl_pages_free(Mdl0) == 1
dump pfn mdl_pfn(Mdl0, 0)
dump mdl Mdl0
code "MmFreePagesFromMdl(Mdl0);"
expect stop 0x1A 0x1236
MmFreePagesFromMdl(Mdl0)
dump stop

step "Mistake 5: growing at DISPATCH_LEVEL (0xD1)"
reset
say "Mistake 5: growing at DISPATCH_LEVEL (say, from a DPC or under a spin"
say "lock). GrEnsureCommitted is pageable code (PAGED_CODE()) that allocates"
say "pages and waits on a mutex: at DISPATCH_LEVEL its own code page may be out,"
say "and the machine stops with 0xD1, Parameter 3 = 8 (an execute fault)."
code "GR_PARAMETERS P = { .MaximumSize = 64 KiB, .InitialCommit = 16 KiB,"
code "                    .GrowthGranularity = 16 KiB, .PoolTag = 'ruoT' };"
code "Status = GrCreate(&P, &Region);"
expect nonnull
Region = GrCreate(64 * 1024, 16 * 1024, 16 * 1024, 'ruoT', GrStrategyAuto)
RegionBase = GrBase(Region)
result "STATUS_SUCCESS; GrBase = %a, committed %K KiB of %K KiB, strategy %{Auto|Divisible|Remap}", RegionBase, gr_committed(Region), gr_maximum(Region), gr_strategy(Region)
focus RegionBase
code "KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);"
code "Status = GrEnsureCommitted(Region, 32 KiB);"
irql DISPATCH_LEVEL
expect stop 0xD1 _ _ 8
GrEnsureCommitted(Region, 32 * 1024)
dump stop

step "The fix: GrRequestGrowth from DISPATCH_LEVEL"
reset
say "The fix for mistake 5: from DISPATCH_LEVEL, ask for growth. GrRequestGrowth"
say "queues a work item, which grows at PASSIVE_LEVEL on a worker thread."
code "GR_PARAMETERS P = { .MaximumSize = 64 KiB, .InitialCommit = 16 KiB,"
code "                    .GrowthGranularity = 16 KiB, .PoolTag = 'ruoT' };"
code "Status = GrCreate(&P, &Region);"
expect nonnull
Region = GrCreate(64 * 1024, 16 * 1024, 16 * 1024, 'ruoT', GrStrategyAuto)
RegionBase = GrBase(Region)
result "STATUS_SUCCESS; GrBase = %a, committed %K KiB of %K KiB, strategy %{Auto|Divisible|Remap}", RegionBase, gr_committed(Region), gr_maximum(Region), gr_strategy(Region)
focus RegionBase
code "KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);"
code "Status = GrRequestGrowth(Region, 32 KiB);"
code "KeLowerIrql(OldIrql);"
irql DISPATCH_LEVEL
expect status STATUS_PENDING
Status = GrRequestGrowth(Region, 32 * 1024)
irql PASSIVE_LEVEL
result "STATUS_PENDING"
code "SimWaitForWorkItems(10000);  /* a test waits; a driver just carries on */"
wait
result "committed %K KiB of %K KiB in %d chunk MDL(s), %d growth(s), %d bytes of bookkeeping", gr_committed(Region), gr_maximum(Region), gr_chunks(Region), gr_growths(Region), gr_bookkeeping(Region)
# The growth is PAGED_CODE(): had it run at DISPATCH_LEVEL, it would have
# stopped the machine as in mistake 5.
claim "the work item grew the region" gr_deferred(Region) == 1
claim "the region is 32 KiB now" gr_committed(Region) == 32 * 1024
claim "at PASSIVE_LEVEL: the machine did not stop" stopped() == 0
dump map RegionBase
code "GrDestroy(Region);"
GrDestroy(Region)

step "Mistake 6: touching paged pool at DISPATCH_LEVEL (0xD1)"
reset
say "Mistake 6: touching paged pool at DISPATCH_LEVEL - why the region must be"
say "non-paged. A paged pool page can be trimmed; its PTE becomes a transition"
say "PTE. At PASSIVE_LEVEL a touch faults it back in. At DISPATCH_LEVEL the"
say "page fault handler cannot run: 0xD1."
code "P = ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, 'ruoT');"
code "P[0] = 1;"
expect nonnull
P = ExAllocatePool2(POOL_FLAG_PAGED, PAGE_SIZE, 'ruoT')
write P, 1, 1
focus P
code "SimTrimPagedPool();   /* what the working-set manager does under pressure */"
trim
result "%d page(s) trimmed", pte_transition(P)
claim "a trimmed page's PTE is a transition PTE" pte_transition(P) == 1
dump pte P
code "Value = P[0];        /* PASSIVE_LEVEL: a soft fault brings it back */"
read P
result "Value = %d", byte(P)
claim "at PASSIVE_LEVEL a touch faults the page back in" pte_valid(P) == 1
claim "with its contents" byte(P) == 1
claim "and the machine runs on" stopped() == 0
dump pte P
code "SimTrimPagedPool();"
code "KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);"
code "Value = P[0];"
trim
irql DISPATCH_LEVEL
expect stop 0xD1 P
read P
dump stop
dump pte P

step "Summary"
reset
say "Summary. The growable region: reserve once, map chunks as it grows, read"
say "below the committed size, tear down in order. The mistakes and their stops:"
say ""
say "  touching past the committed size          0x50 PAGE_FAULT_IN_NONPAGED_AREA"
say "  mapping at an offset without DIVISIBLE    %{0xDA/0x107 SYSTEM_PTE_MISUSE|0xDA/0x104 (nt5: data PTEs read as header)}", nt5()
say "  freeing the reservation while mapped      0xDA/0x103 SYSTEM_PTE_MISUSE"
say "  freeing pages twice                       0x1A/0x1236 MEMORY_MANAGEMENT"
say "  growing at DISPATCH_LEVEL                 0xD1 (Parameter 3 = 8, execute)"
say "  touching paged pool at DISPATCH_LEVEL     0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL"
say ""
say "Try them yourself: `mmsim run FILE` runs a scenario script (see `mmsim run"
say "--help` and docs/mmsim.md); `mmsim tour --profile %{nt5|modern}` shows the other kernel.", nt5()
# Each row is the stop a mistake step caught, in order.
claim "these are the stops the mistakes got: six" shown_stops() == 6
claim "these are the stops the mistakes got: 0x50" shown_stop(0, 0) == 0x50
claim "these are the stops the mistakes got: 0xDA" shown_stop(1, 0) == 0xDA
claim "these are the stops the mistakes got: 0x107 (0x104 under nt5)" shown_stop(1, 1) == 0x107 - 3 * nt5()
claim "these are the stops the mistakes got: 0xDA" shown_stop(2, 0) == 0xDA
claim "these are the stops the mistakes got: 0x103" shown_stop(2, 1) == 0x103
claim "these are the stops the mistakes got: 0x1A" shown_stop(3, 0) == 0x1A
claim "these are the stops the mistakes got: 0x1236" shown_stop(3, 1) == 0x1236
claim "these are the stops the mistakes got: 0xD1" shown_stop(4, 0) == 0xD1
claim "these are the stops the mistakes got: Parameter 3 = 8" shown_stop(4, 3) == 8
claim "these are the stops the mistakes got: 0xD1" shown_stop(5, 0) == 0xD1
