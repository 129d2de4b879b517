/*
 * address_set.c - a sorted set of addresses in the simulator's own memory.
 *
 * The DPC queue, the timer list and the work queue are linked through the
 * drivers' own objects (KDPC.DpcListEntry, KTIMER.TimerListEntry,
 * WORK_QUEUE_ITEM.List), as on Windows. A check that must not touch driver
 * memory (ExFreePool asking "does this block hold a queued DPC?") reads a
 * set like this one instead, kept in step with the lists by their owners
 * under their own locks. The set never reads the addresses it holds.
 *
 * An insert the host has no memory for marks the set incomplete rather than
 * failing the DDI that queued the object (queuing cannot fail): the owner
 * then falls back to walking its list, as before, until its list is empty
 * again or its machine is gone (a set made incomplete on one machine must
 * not send the next one's checks through driver links).
 */
#include <stdlib.h>
#include <string.h>

#include "../mi.h"

atomic_uint MiAddressSetGrowthRefused;

bool MiAddressSetReserve(MI_ADDRESS_SET *Set, size_t Capacity)
{
    if (Set->Capacity >= Capacity) {
        return true;
    }
    if (atomic_load_explicit(&MiAddressSetGrowthRefused, memory_order_relaxed) != 0) {
        return false;
    }
    const void **Items = (const void **)realloc((void *)Set->Items, Capacity * sizeof(*Items));
    if (Items == NULL) {
        return false;
    }
    Set->Items = Items;
    Set->Capacity = Capacity;
    return true;
}

/* The index of the first address >= Address. */
static size_t MiAddressSetLowerBound(const MI_ADDRESS_SET *Set, const void *Address)
{
    size_t Low = 0, High = Set->Count;
    while (Low < High) {
        size_t Middle = Low + (High - Low) / 2;
        if ((uintptr_t)Set->Items[Middle] < (uintptr_t)Address) {
            Low = Middle + 1;
        } else {
            High = Middle;
        }
    }
    return Low;
}

void MiAddressSetInsert(MI_ADDRESS_SET *Set, const void *Address)
{
    size_t At = MiAddressSetLowerBound(Set, Address);
    if (At < Set->Count && Set->Items[At] == Address) {
        return;
    }
    if (Set->Count == Set->Capacity &&
        !MiAddressSetReserve(Set, Set->Capacity != 0 ? Set->Capacity * 2 : 64)) {
        Set->Incomplete = true;
        return;
    }
    memmove((void *)&Set->Items[At + 1], (const void *)&Set->Items[At],
            (Set->Count - At) * sizeof(Set->Items[0]));
    Set->Items[At] = Address;
    Set->Count++;
}

void MiAddressSetRemove(MI_ADDRESS_SET *Set, const void *Address)
{
    size_t At = MiAddressSetLowerBound(Set, Address);
    if (At < Set->Count && Set->Items[At] == Address) {
        memmove((void *)&Set->Items[At], (const void *)&Set->Items[At + 1],
                (Set->Count - At - 1) * sizeof(Set->Items[0]));
        Set->Count--;
    }
}

bool MiAddressSetContains(const MI_ADDRESS_SET *Set, const void *Address)
{
    size_t At = MiAddressSetLowerBound(Set, Address);
    return At < Set->Count && Set->Items[At] == Address;
}

const void *MiAddressSetFirstIn(const MI_ADDRESS_SET *Set, const void *Start, size_t Size)
{
    size_t At = MiAddressSetLowerBound(Set, Start);
    if (At < Set->Count && (uintptr_t)Set->Items[At] - (uintptr_t)Start < Size) {
        return Set->Items[At];
    }
    return NULL;
}

void MiAddressSetClear(MI_ADDRESS_SET *Set)
{
    Set->Count = 0;
    Set->Incomplete = false;
}

void MiAddressSetDropInto(MI_ADDRESS_SET *Set, MI_ADDRESS_SET *Dropped)
{
    for (size_t i = 0; i < Set->Count; i++) {
        MiAddressSetInsert(Dropped, Set->Items[i]);
    }
    Dropped->Incomplete = Dropped->Incomplete || Set->Incomplete;
    MiAddressSetClear(Set);
}
