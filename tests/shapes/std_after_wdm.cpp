// shapes_std_after_wdm_*: a C++ driver (or its test) includes the kernel
// headers first and the C++ standard library after them. Every SAL 1 name
// the standard library also uses as an identifier must then be left
// undefined in C++ (libstdc++ names parameters __in and __out, __range,
// __success, __callback, __pre, __post, __valid, __readonly ...), as
// mingw-w64's <sal.h> leaves them; one such macro breaks these headers far
// from its cause.
#include <ntddk.h>
#include <specstrings.h>
#include <ntstrsafe.h>

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

// The annotations still annotate a driver's own code.
_IRQL_requires_max_(PASSIVE_LEVEL) static NTSTATUS Fill(_Out_writes_(Count) PULONG Values,
                                                         _In_ ULONG Count)
{
    std::fill(Values, Values + Count, 0u);
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
