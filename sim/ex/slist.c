/*
 * slist.c - interlocked singly linked lists (SLIST_HEADER, x64 layout):
 * InitializeSListHead, ExpInterlockedPushEntrySList/PopEntrySList/FlushSList,
 * ExQueryDepthSList (docs/ex-sync.md).
 *
 * The header is the WDK's 16 bytes: Depth (16 bits) and Sequence (48) in the
 * first quadword, the first entry's address (16-byte aligned, so its low four
 * bits are free) in the second. Every change is one 128-bit compare-exchange
 * of both quadwords, so the depth always matches the chain.
 *
 * Pushes are lock-free. Windows' pop is lock-free too and survives reading
 * the Next of an entry another processor popped and freed meanwhile (the
 * kernel resumes the pop after that fault); a user-mode simulator cannot, so
 * pops (and flushes) are serialised by bit 1 of the second quadword (a bit
 * HeaderX64 reserves): while a pop holds it, the entry it reads is still on
 * the list and cannot be freed. Pushes ignore the bit and keep it.
 */
#include "../mi.h"

typedef struct _MI_SLIST_VALUE {
    ULONGLONG Alignment; /* Depth | Sequence << 16 */
    ULONGLONG Region;    /* first entry | flag bits */
} MI_SLIST_VALUE;

#define MI_SLIST_POPPING 2ull   /* mmsim's pop lock, in HeaderX64.Reserved */
#define MI_SLIST_FLAGS 0xFull
#define MI_SLIST_DEPTH(v) ((USHORT)((v).Alignment & 0xFFFF))
#define MI_SLIST_FIRST(v) ((PSLIST_ENTRY)(ULONG_PTR)((v).Region & ~MI_SLIST_FLAGS))

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MI_SLIST_ATOMIC128 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || !defined(__x86_64__)
#define MI_SLIST_ATOMIC128 1
#endif

/* Compare-exchange of the whole header; on failure Expected gets the
 * current value. Under ThreadSanitizer (and on hosts without CMPXCHG16B) the
 * compiler's 128-bit atomics, which the sanitizer sees; otherwise the
 * instruction itself, as gcc would call libatomic for them. */
static bool MiSListCas(PSLIST_HEADER Header, MI_SLIST_VALUE *Expected, MI_SLIST_VALUE New)
{
#ifdef MI_SLIST_ATOMIC128
    unsigned __int128 Old = ((unsigned __int128)Expected->Region << 64) | Expected->Alignment;
    unsigned __int128 Want = ((unsigned __int128)New.Region << 64) | New.Alignment;
    bool Done = __atomic_compare_exchange_n((unsigned __int128 *)(void *)Header, &Old, Want, false,
                                            __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    Expected->Alignment = (ULONGLONG)Old;
    Expected->Region = (ULONGLONG)(Old >> 64);
    return Done;
#else
    LONG64 Comparand[2] = {(LONG64)Expected->Alignment, (LONG64)Expected->Region};
    bool Done = InterlockedCompareExchange128((LONG64 volatile *)(void *)Header,
                                              (LONG64)New.Region, (LONG64)New.Alignment,
                                              Comparand) != 0;
    Expected->Alignment = (ULONGLONG)Comparand[0];
    Expected->Region = (ULONGLONG)Comparand[1];
    return Done;
#endif
}

/* An atomic snapshot of the header. */
static MI_SLIST_VALUE MiSListRead(PSLIST_HEADER Header)
{
#ifdef MI_SLIST_ATOMIC128
    unsigned __int128 Value = __atomic_load_n((unsigned __int128 *)(void *)Header, __ATOMIC_SEQ_CST);
    MI_SLIST_VALUE Result = {(ULONGLONG)Value, (ULONGLONG)(Value >> 64)};
    return Result;
#else
    MI_SLIST_VALUE Result = {0, 0};
    (void)MiSListCas(Header, &Result, Result); /* fails unless zero; reads either way */
    return Result;
#endif
}

static ULONGLONG MiSListNext(ULONGLONG Alignment, int DepthChange)
{
    ULONGLONG Depth = (Alignment + (ULONGLONG)(LONGLONG)DepthChange) & 0xFFFF;
    ULONGLONG Sequence = ((Alignment >> 16) + 1) & 0xFFFFFFFFFFFFull;
    return Depth | (Sequence << 16);
}

static void MiSListCheckHeader(PSLIST_HEADER Header, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Header, 0, true, Caller);
    if (((ULONG_PTR)Header & 0xF) != 0) {
        ExRaiseStatus(STATUS_DATATYPE_MISALIGNMENT);
    }
}

/* Takes the pop lock; returns the header as it was then (lock bit set). */
static MI_SLIST_VALUE MiSListLockPops(PSLIST_HEADER Header)
{
    MI_SLIST_VALUE Old = MiSListRead(Header);
    for (;;) {
        if ((Old.Region & MI_SLIST_POPPING) != 0) {
            YieldProcessor();
            Old = MiSListRead(Header);
            continue;
        }
        MI_SLIST_VALUE New = {Old.Alignment, Old.Region | MI_SLIST_POPPING};
        if (MiSListCas(Header, &Old, New)) {
            return New;
        }
    }
}

VOID InitializeSListHead(PSLIST_HEADER SListHead)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_InitializeSListHead, 0, Caller);
    MiSListCheckHeader(SListHead, Caller);
    memset(SListHead, 0, sizeof(*SListHead));
}

USHORT ExQueryDepthSList(PSLIST_HEADER ListHead)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExQueryDepthSList, 0, Caller);
    MiSListCheckHeader(ListHead, Caller);
    return (USHORT)(__atomic_load_n(&ListHead->Alignment, __ATOMIC_ACQUIRE) & 0xFFFF);
}

PSLIST_ENTRY ExpInterlockedPushEntrySList(PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExpInterlockedPushEntrySList, 0, Caller);
    MiSListCheckHeader(ListHead, Caller);
    MiCheckDriverPointer(ListEntry, 0, true, Caller);
    if (((ULONG_PTR)ListEntry & 0xF) != 0) {
        ExRaiseStatus(STATUS_DATATYPE_MISALIGNMENT);
    }
    MI_SLIST_VALUE Old = MiSListRead(ListHead);
    for (;;) {
        ListEntry->Next = MI_SLIST_FIRST(Old);
        MI_SLIST_VALUE New = {MiSListNext(Old.Alignment, +1),
                              (ULONGLONG)(ULONG_PTR)ListEntry | (Old.Region & MI_SLIST_FLAGS)};
        if (MiSListCas(ListHead, &Old, New)) {
            return MI_SLIST_FIRST(Old);
        }
    }
}

PSLIST_ENTRY ExpInterlockedPopEntrySList(PSLIST_HEADER ListHead)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExpInterlockedPopEntrySList, 0, Caller);
    MiSListCheckHeader(ListHead, Caller);
    MI_SLIST_VALUE Old = MiSListLockPops(ListHead);
    for (;;) {
        PSLIST_ENTRY First = MI_SLIST_FIRST(Old);
        /* Only pushes run beside us: First stays on the list until our
         * exchange succeeds, so its Next is the one a push wrote. */
        MI_SLIST_VALUE New;
        if (First == NULL) {
            New.Alignment = Old.Alignment;
            New.Region = Old.Region & ~MI_SLIST_POPPING;
        } else {
            New.Alignment = MiSListNext(Old.Alignment, -1);
            New.Region = (ULONGLONG)(ULONG_PTR)First->Next |
                         (Old.Region & MI_SLIST_FLAGS & ~MI_SLIST_POPPING);
        }
        if (MiSListCas(ListHead, &Old, New)) {
            return First;
        }
    }
}

PSLIST_ENTRY ExpInterlockedFlushSList(PSLIST_HEADER ListHead)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ExpInterlockedFlushSList, 0, Caller);
    MiSListCheckHeader(ListHead, Caller);
    MI_SLIST_VALUE Old = MiSListLockPops(ListHead);
    for (;;) {
        MI_SLIST_VALUE New = {MiSListNext(Old.Alignment, 0) & ~0xFFFFull,
                              Old.Region & MI_SLIST_FLAGS & ~MI_SLIST_POPPING};
        if (MiSListCas(ListHead, &Old, New)) {
            return MI_SLIST_FIRST(Old);
        }
    }
}
