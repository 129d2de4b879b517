// shapes_std_before_wdm_*: SAL 1's __in and __out annotate C++ driver code
// (KMDF's own headers use them), and libstdc++ names parameters __in and
// __out. Both hold when a C++ file includes the standard library first and
// the kernel headers after it, the order this file shows (docs/wdk-surface.md).
#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <ntddk.h>
#include <specstrings.h>
#include <ntstrsafe.h>

// SAL 1 and SAL 2 on a driver's own functions.
static VOID Zero(__out PULONG Value, __in ULONG Count)
{
    *Value = Count - Count;
}

_IRQL_requires_max_(PASSIVE_LEVEL) static NTSTATUS Fill(_Out_writes_(Count) PULONG Values,
                                                         _In_ ULONG Count)
{
    std::fill(Values, Values + Count, 0u);
    Zero(&Values[0], Count);
    return STATUS_SUCCESS;
}

int main()
{
    std::array<ULONG, 4> Values{};
    std::pair<int, int> Pair = std::make_pair(1, 2);
    std::ostringstream Out;
    Out << Pair.first;
    return NT_SUCCESS(Fill(Values.data(), static_cast<ULONG>(Values.size()))) ? 0 : 1;
}
