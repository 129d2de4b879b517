/*
 * narrate_lang.c - the narration statements and queries of the scenario
 * language, as tables (narrate.h). Data only: the parser (script.c) reads
 * them, the runner's narrate.c runs them.
 */
#include <string.h>

#include "narrate.h"

#define N TypeNumber
#define M TypeMdl
#define R TypeRegion

const NARRATE_WORD NarrateWords[NarrWordCount] = {
    [NarrStep] = {"step", NARRATE_TEXT, {0}, 0, 0, N},
    [NarrSay] = {"say", NARRATE_TEXT | NARRATE_ARGS, {0}, 0, SCRIPT_MAX_ARGS, N},
    [NarrCode] = {"code", NARRATE_TEXT, {0}, 0, 0, N},
    [NarrResult] = {"result", NARRATE_TEXT | NARRATE_ARGS, {0}, 0, SCRIPT_MAX_ARGS, N},
    [NarrClaim] = {"claim", NARRATE_TEXT | NARRATE_CONDITION, {0}, 0, 0, N},
    [NarrFocus] = {"focus", NARRATE_ARGS, {0}, 1, 1, N},
    [NarrWhen] = {"when", NARRATE_CHOICE, {"modern", "nt5", NULL}, 0, 0, N},
    [NarrEnd] = {"end", 0, {0}, 0, 0, N},
    [NarrCombine] = {"combine", NARRATE_ARGS, {0}, 2, SCRIPT_MAX_ARGS, M},
};

/* Each query's index is its place here (narrate.c switches on the names'
 * order through the enum there). */
const NARRATE_QUERY NarrateQueries[] = {
    /* The machine's counters (SimQueryMemory and friends); step_* are the
     * same counters when the step began (or at the reset inside it). */
    {"physical_pages", 0, {N}, "physical pages of the machine"},
    {"free_pages", 0, {N}, "free and zeroed pages"},
    {"mdl_pages", 0, {N}, "pages held by MDLs"},
    {"nonpaged_pool_pages", 0, {N}, "non-paged pool pages"},
    {"paged_pool_pages", 0, {N}, "paged pool pages"},
    {"pool_blocks", 0, {N}, "live pool blocks"},
    {"system_ptes", 0, {N}, "system PTEs in all"},
    {"system_ptes_used", 0, {N}, "system PTEs in use"},
    {"reservations", 0, {N}, "live reserved mappings"},
    {"step_free_pages", 0, {N}, "free_pages when the step began"},
    {"step_mdl_pages", 0, {N}, "mdl_pages when the step began"},
    {"step_nonpaged_pool_pages", 0, {N}, "nonpaged_pool_pages when the step began"},
    {"step_system_ptes_used", 0, {N}, "system_ptes_used when the step began"},
    {"stopped", 0, {N}, "1 if the machine is stopped"},
    {"nt5", 0, {N}, "1 under the nt5 profile, 0 under modern"},
    /* PTEs. */
    {"pte", 1, {N}, "the PTE mapping an address (0 if none)"},
    {"pte_pfn", 1, {N}, "the page frame number in that PTE"},
    {"pte_valid", 1, {N}, "1 if that PTE is valid"},
    {"pte_transition", 1, {N}, "1 if that PTE is a transition PTE (trimmed)"},
    {"ptes_empty", 2, {N, N}, "1 if the COUNT PTEs from ADDR are all zero"},
    {"ptes_map", 4, {N, M, N, N},
     "ptes_map(ADDR, MDL, FIRST, COUNT): 1 if COUNT PTEs from ADDR are valid and name the "
     "MDL's pages from FIRST"},
    {"host_mappings_in", 2, {N, N}, "host mappings covering BYTES from ADDR"},
    {"byte", 1, {N}, "the byte at a valid address (0 if the page is not valid)"},
    {"filled", 3, {N, N, N}, "filled(ADDR, BYTES, VALUE): 1 if every byte is VALUE"},
    {"sum", 2, {N, N}, "the sum of BYTES bytes from ADDR"},
    /* Reservations (SimQueryReservation). */
    {"reservation_base", 1, {N}, "the base of the reservation holding an address"},
    {"reservation_pages", 1, {N}, "its pages"},
    {"reservation_mapped", 1, {N}, "its pages mapped now"},
    {"reservation_headers", 1, {N}, "its nt5 header PTEs (2, or 0 on modern)"},
    {"reservation_flags", 1, {N}, "its flags (MM_MAPPING_ADDRESS_DIVISIBLE)"},
    {"nt5_header_size", 1, {N}, "the size (N + 2) the header PTEs below BASE encode"},
    {"nt5_header_tag", 1, {N}, "the tag the header PTEs below BASE encode (bit 0 clear)"},
    /* Pool. */
    {"pool_tag_at", 1, {N}, "the tag of the live pool block at an address (0 if none)"},
    {"pool_paged_at", 1, {N}, "1 if that block is paged pool"},
    {"nonpaged_bytes", 1, {N}, "bytes in live non-paged blocks with a tag"},
    /* MDLs. */
    {"mdl_flags", 1, {M}, "the MDL's MdlFlags"},
    {"mdl_bytes", 1, {M}, "its ByteCount"},
    {"mdl_mapped_va", 1, {M}, "its MappedSystemVa"},
    {"mdl_pfn", 2, {M, N}, "mdl_pfn(MDL, I): the I-th entry of its PFN array"},
    {"mdl_pages_free", 1, {M}, "1 if every page the MDL lists is free"},
    {"mdl_pages_unmapped", 1, {M}, "1 if every page it lists is an MDL page mapped nowhere"},
    /* The growable region (GrQueryStatistics). */
    {"gr_committed", 1, {R}, "the region's committed bytes"},
    {"gr_maximum", 1, {R}, "its maximum size"},
    {"gr_chunks", 1, {R}, "its chunk MDLs"},
    {"gr_growths", 1, {R}, "its growth steps"},
    {"gr_deferred", 1, {R}, "its growths run by the work item"},
    {"gr_bookkeeping", 1, {R}, "its own non-paged bytes"},
    {"gr_strategy", 1, {R}, "its strategy (0 Auto, 1 Divisible, 2 Remap)"},
    /* Stops. */
    {"stop_param", 1, {N}, "stop_param(0) is the stop's code, 1 to 4 its parameters"},
    {"shown_stops", 0, {N}, "stops the narration has shown (dump stop)"},
    {"shown_stop", 2, {N, N}, "shown_stop(K, I): the K-th shown stop's code (I 0) or parameter I"},
    /* tour17: the current process's user space (SimQueryProcess,
     * ZwQueryVirtualMemory, SimQueryUserPte); user_* of a step are counted
     * from its start as the machine's counters are. */
    {"vads", 0, {N}, "VADs of the current process"},
    {"commit_charge", 0, {N}, "bytes the current process has committed"},
    {"resident_pages", 0, {N}, "physical pages its PTEs hold"},
    {"demand_zero_faults", 0, {N}, "its first touches that took a zeroed page"},
    {"step_demand_zero_faults", 0, {N}, "demand_zero_faults when the step began"},
    {"user_state", 1, {N}, "MEM_COMMIT, MEM_RESERVE or MEM_FREE of a user address"},
    {"user_protect", 1, {N}, "the PAGE_* protection of a committed user page (0 otherwise)"},
    {"user_region", 1, {N}, "the RegionSize ZwQueryVirtualMemory gives for an address"},
    {"user_pte", 1, {N}, "the current process's PTE of a user address"},
    {"user_valid", 1, {N}, "1 if that PTE is valid"},
    {"user_demand_zero", 1, {N}, "1 if that page is committed with no page yet (demand zero)"},
    {"user_pfn", 1, {N}, "the page frame number in a valid user PTE"},
};

const int NarrateQueryCount = (int)(sizeof(NarrateQueries) / sizeof(NarrateQueries[0]));

#undef N
#undef M
#undef R

int NarrateFindWord(const char *Name, size_t Length)
{
    for (int i = 0; i < NarrWordCount; i++) {
        if (strlen(NarrateWords[i].Word) == Length && memcmp(NarrateWords[i].Word, Name, Length) == 0) {
            return i;
        }
    }
    return -1;
}

int NarrateFindQuery(const char *Name, size_t Length)
{
    for (int i = 0; i < NarrateQueryCount; i++) {
        if (strlen(NarrateQueries[i].Name) == Length &&
            memcmp(NarrateQueries[i].Name, Name, Length) == 0) {
            return i;
        }
    }
    return -1;
}
