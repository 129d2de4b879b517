/*
 * rtl_bitmap.c - Rtl bitmaps (RTL_BITMAP): a caller's ULONG array of
 * SizeOfBitMap bits, bit i in Buffer[i / 32] at position i % 32
 * (docs/wdk-surface.md, "Run-time library (Rtl)").
 *
 * The routines run at any IRQL (the bitmap's memory decides: paged memory is
 * the caller's business, as in Windows). A range outside the bitmap in the
 * set/clear/test routines is the assertion a checked Windows build makes
 * (MmsimAssertFailed), never a write beyond the buffer.
 */
#include "../mi.h"

#define MI_NOT_FOUND 0xFFFFFFFFu

static bool MiBit(PRTL_BITMAP Map, ULONG i)
{
    return (Map->Buffer[i / 32] >> (i % 32)) & 1u;
}

static void MiCheckRange(PRTL_BITMAP Map, ULONG Start, ULONG Count, const char *Expression)
{
    if (Start > Map->SizeOfBitMap || Count > Map->SizeOfBitMap - Start) {
        MmsimAssertFailed(Expression, __FILE__, __LINE__);
    }
}

/* Sets (Value true) or clears Count bits from Start, a word at a time. */
static void MiFill(PRTL_BITMAP Map, ULONG Start, ULONG Count, bool Value)
{
    ULONG i = Start, End = Start + Count;
    while (i < End) {
        ULONG Bit = i % 32;
        ULONG Take = 32 - Bit < End - i ? 32 - Bit : End - i;
        ULONG Mask = (Take == 32 ? 0xFFFFFFFFu : ((1u << Take) - 1)) << Bit;
        if (Value) {
            Map->Buffer[i / 32] |= Mask;
        } else {
            Map->Buffer[i / 32] &= ~Mask;
        }
        i += Take;
    }
}

/* The length of the run of bits equal to Value starting at i (up to Limit). */
static ULONG MiRunLength(PRTL_BITMAP Map, ULONG i, ULONG Limit, bool Value)
{
    ULONG Start = i;
    while (i < Limit && MiBit(Map, i) == Value) {
        i++;
    }
    return i - Start;
}

VOID NTAPI RtlInitializeBitMap(PRTL_BITMAP BitMapHeader, PULONG BitMapBuffer, ULONG SizeOfBitMap)
{
    BitMapHeader->SizeOfBitMap = SizeOfBitMap;
    BitMapHeader->Buffer = BitMapBuffer;
}

VOID NTAPI RtlClearAllBits(PRTL_BITMAP BitMapHeader)
{
    /* Whole ULONGs, as Windows: the bits past SizeOfBitMap in the last one too. */
    memset(BitMapHeader->Buffer, 0, ((BitMapHeader->SizeOfBitMap + 31) / 32) * sizeof(ULONG));
}

VOID NTAPI RtlSetAllBits(PRTL_BITMAP BitMapHeader)
{
    memset(BitMapHeader->Buffer, 0xFF, ((BitMapHeader->SizeOfBitMap + 31) / 32) * sizeof(ULONG));
}

VOID NTAPI RtlClearBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    MiCheckRange(BitMapHeader, BitNumber, 1, "BitNumber < BitMapHeader->SizeOfBitMap");
    MiFill(BitMapHeader, BitNumber, 1, false);
}

VOID NTAPI RtlSetBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    MiCheckRange(BitMapHeader, BitNumber, 1, "BitNumber < BitMapHeader->SizeOfBitMap");
    MiFill(BitMapHeader, BitNumber, 1, true);
}

BOOLEAN NTAPI RtlTestBit(PRTL_BITMAP BitMapHeader, ULONG BitNumber)
{
    MiCheckRange(BitMapHeader, BitNumber, 1, "BitNumber < BitMapHeader->SizeOfBitMap");
    return MiBit(BitMapHeader, BitNumber) ? TRUE : FALSE;
}

VOID NTAPI RtlClearBits(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG NumberToClear)
{
    MiCheckRange(BitMapHeader, StartingIndex, NumberToClear,
                 "StartingIndex + NumberToClear <= BitMapHeader->SizeOfBitMap");
    MiFill(BitMapHeader, StartingIndex, NumberToClear, false);
}

VOID NTAPI RtlSetBits(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG NumberToSet)
{
    MiCheckRange(BitMapHeader, StartingIndex, NumberToSet,
                 "StartingIndex + NumberToSet <= BitMapHeader->SizeOfBitMap");
    MiFill(BitMapHeader, StartingIndex, NumberToSet, true);
}

/* FALSE for an empty range or one that leaves the bitmap. */
static BOOLEAN MiAreBits(PRTL_BITMAP Map, ULONG Start, ULONG Length, bool Value)
{
    if (Length == 0 || Start >= Map->SizeOfBitMap || Length > Map->SizeOfBitMap - Start) {
        return FALSE;
    }
    return MiRunLength(Map, Start, Start + Length, Value) == Length ? TRUE : FALSE;
}

BOOLEAN NTAPI RtlAreBitsClear(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG Length)
{
    return MiAreBits(BitMapHeader, StartingIndex, Length, false);
}

BOOLEAN NTAPI RtlAreBitsSet(PRTL_BITMAP BitMapHeader, ULONG StartingIndex, ULONG Length)
{
    return MiAreBits(BitMapHeader, StartingIndex, Length, true);
}

/* The first index in [From, To) that starts Count bits equal to Value lying
 * wholly inside the bitmap, or MI_NOT_FOUND. */
static ULONG MiFindRun(PRTL_BITMAP Map, ULONG From, ULONG To, ULONG Count, bool Value)
{
    ULONG Size = Map->SizeOfBitMap;
    ULONG i = From;
    while (i < To && i + Count <= Size) {
        ULONG Run = MiRunLength(Map, i, i + Count, Value);
        if (Run == Count) {
            return i;
        }
        i += Run + 1; /* past the bit that broke the run */
    }
    return MI_NOT_FOUND;
}

/* The documented search: from HintIndex (0 if beyond the bitmap) to the end,
 * then wrapping around from 0 to the hint. NumberToFind 0 finds index 0. */
static ULONG MiFindBits(PRTL_BITMAP Map, ULONG NumberToFind, ULONG HintIndex, bool Value)
{
    ULONG Size = Map->SizeOfBitMap;
    if (NumberToFind > Size) {
        return MI_NOT_FOUND;
    }
    if (NumberToFind == 0) {
        return 0;
    }
    if (HintIndex >= Size) {
        HintIndex = 0;
    }
    ULONG Found = MiFindRun(Map, HintIndex, Size, NumberToFind, Value);
    if (Found == MI_NOT_FOUND && HintIndex != 0) {
        Found = MiFindRun(Map, 0, HintIndex, NumberToFind, Value);
    }
    return Found;
}

ULONG NTAPI RtlFindClearBits(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    return MiFindBits(BitMapHeader, NumberToFind, HintIndex, false);
}

ULONG NTAPI RtlFindSetBits(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    return MiFindBits(BitMapHeader, NumberToFind, HintIndex, true);
}

ULONG NTAPI RtlFindClearBitsAndSet(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    ULONG Found = MiFindBits(BitMapHeader, NumberToFind, HintIndex, false);
    if (Found != MI_NOT_FOUND) {
        MiFill(BitMapHeader, Found, NumberToFind, true);
    }
    return Found;
}

ULONG NTAPI RtlFindSetBitsAndClear(PRTL_BITMAP BitMapHeader, ULONG NumberToFind, ULONG HintIndex)
{
    ULONG Found = MiFindBits(BitMapHeader, NumberToFind, HintIndex, true);
    if (Found != MI_NOT_FOUND) {
        MiFill(BitMapHeader, Found, NumberToFind, false);
    }
    return Found;
}

ULONG NTAPI RtlNumberOfSetBits(PRTL_BITMAP BitMapHeader)
{
    ULONG Size = BitMapHeader->SizeOfBitMap, Count = 0;
    for (ULONG w = 0; w < Size / 32; w++) {
        Count += (ULONG)__builtin_popcount(BitMapHeader->Buffer[w]);
    }
    if (Size % 32 != 0) {
        /* Only the bitmap's bits of the last ULONG. */
        ULONG Mask = (1u << (Size % 32)) - 1;
        Count += (ULONG)__builtin_popcount(BitMapHeader->Buffer[Size / 32] & Mask);
    }
    return Count;
}

ULONG NTAPI RtlNumberOfClearBits(PRTL_BITMAP BitMapHeader)
{
    return BitMapHeader->SizeOfBitMap - RtlNumberOfSetBits(BitMapHeader);
}

/* The next clear run at or after From: its start in *Start, its length
 * returned (0: none). */
static ULONG MiNextClearRun(PRTL_BITMAP Map, ULONG From, PULONG Start)
{
    ULONG Size = Map->SizeOfBitMap;
    ULONG i = From + MiRunLength(Map, From, Size, true); /* skip set bits */
    if (i >= Size) {
        return 0;
    }
    *Start = i;
    return MiRunLength(Map, i, Size, false);
}

ULONG NTAPI RtlFindNextForwardRunClear(PRTL_BITMAP BitMapHeader, ULONG FromIndex,
                                       PULONG StartingRunIndex)
{
    if (FromIndex >= BitMapHeader->SizeOfBitMap) {
        return 0;
    }
    ULONG Start = 0;
    ULONG Length = MiNextClearRun(BitMapHeader, FromIndex, &Start);
    if (Length != 0) {
        *StartingRunIndex = Start;
    }
    return Length;
}

ULONG NTAPI RtlFindLastBackwardRunClear(PRTL_BITMAP BitMapHeader, ULONG FromIndex,
                                        PULONG StartingRunIndex)
{
    ULONG Size = BitMapHeader->SizeOfBitMap;
    if (Size == 0) {
        return 0;
    }
    if (FromIndex >= Size) {
        FromIndex = Size - 1;
    }
    /* The clear run ending at the last clear bit at or before FromIndex. */
    LONGLONG End = FromIndex;
    while (End >= 0 && MiBit(BitMapHeader, (ULONG)End)) {
        End--;
    }
    if (End < 0) {
        return 0;
    }
    LONGLONG Begin = End;
    while (Begin > 0 && !MiBit(BitMapHeader, (ULONG)(Begin - 1))) {
        Begin--;
    }
    *StartingRunIndex = (ULONG)Begin;
    return (ULONG)(End - Begin + 1);
}

ULONG NTAPI RtlFindFirstRunClear(PRTL_BITMAP BitMapHeader, PULONG StartingIndex)
{
    ULONG Start = 0;
    ULONG Length = BitMapHeader->SizeOfBitMap == 0 ? 0 : MiNextClearRun(BitMapHeader, 0, &Start);
    *StartingIndex = Length != 0 ? Start : 0;
    return Length;
}

/* The first LocateLongestRuns == FALSE: the first SizeOfRunArray clear runs in
 * index order; TRUE: the SizeOfRunArray longest, longest first (the earlier
 * run first among equals). Returns the number of runs stored. */
ULONG NTAPI RtlFindClearRuns(PRTL_BITMAP BitMapHeader, PRTL_BITMAP_RUN RunArray,
                             ULONG SizeOfRunArray, BOOLEAN LocateLongestRuns)
{
    ULONG Size = BitMapHeader->SizeOfBitMap, Stored = 0, i = 0;
    while (i < Size && SizeOfRunArray != 0) {
        ULONG Start = 0;
        ULONG Length = MiNextClearRun(BitMapHeader, i, &Start);
        if (Length == 0) {
            break;
        }
        i = Start + Length;
        if (!LocateLongestRuns) {
            RunArray[Stored].StartingIndex = Start;
            RunArray[Stored].NumberOfBits = Length;
            if (++Stored == SizeOfRunArray) {
                break;
            }
            continue;
        }
        /* Insertion into the array kept sorted by length, descending. */
        ULONG Slot = Stored;
        while (Slot > 0 && RunArray[Slot - 1].NumberOfBits < Length) {
            Slot--;
        }
        if (Slot >= SizeOfRunArray) {
            continue;
        }
        ULONG Last = Stored < SizeOfRunArray ? Stored : SizeOfRunArray - 1;
        for (ULONG k = Last; k > Slot; k--) {
            RunArray[k] = RunArray[k - 1];
        }
        RunArray[Slot].StartingIndex = Start;
        RunArray[Slot].NumberOfBits = Length;
        if (Stored < SizeOfRunArray) {
            Stored++;
        }
    }
    return Stored;
}

ULONG NTAPI RtlFindLongestRunClear(PRTL_BITMAP BitMapHeader, PULONG StartingIndex)
{
    RTL_BITMAP_RUN Run = {0, 0};
    ULONG Found = RtlFindClearRuns(BitMapHeader, &Run, 1, TRUE);
    *StartingIndex = Found != 0 ? Run.StartingIndex : 0;
    return Found != 0 ? Run.NumberOfBits : 0;
}

CCHAR NTAPI RtlFindLeastSignificantBit(ULONGLONG Set)
{
    return Set == 0 ? (CCHAR)-1 : (CCHAR)__builtin_ctzll(Set);
}

CCHAR NTAPI RtlFindMostSignificantBit(ULONGLONG Set)
{
    return Set == 0 ? (CCHAR)-1 : (CCHAR)(63 - __builtin_clzll(Set));
}

ULONG NTAPI RtlNumberOfSetBitsUlongPtr(ULONG_PTR Target)
{
    return (ULONG)__builtin_popcountll((unsigned long long)Target);
}
