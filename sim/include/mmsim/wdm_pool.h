/*
 * wdm_pool.h - ExAllocatePool3 and its extended parameters, and the special
 * pool bug check codes (specialpool; docs/special-pool.md). Included by
 * <wdm.h> after its own declarations; not included directly.
 *
 * Names, types and values as Microsoft's documentation of ExAllocatePool3
 * and POOL_EXTENDED_PARAMETER declares them (Windows 10 2004+).
 */
#ifndef MMSIM_WDM_POOL_H_
#define MMSIM_WDM_POOL_H_

#ifdef __cplusplus
extern "C" {
#endif

/* ---- ExAllocatePool3 ---- */
typedef enum POOL_EXTENDED_PARAMETER_TYPE {
    PoolExtendedParameterInvalidType = 0,
    PoolExtendedParameterPriority,
    PoolExtendedParameterSecurePool,
    PoolExtendedParameterNumaNode,
    PoolExtendedParameterMax
} POOL_EXTENDED_PARAMETER_TYPE, *PPOOL_EXTENDED_PARAMETER_TYPE;

#define POOL_EXTENDED_PARAMETER_TYPE_BITS 8
#define POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS 1
#define POOL_EXTENDED_PARAMETER_RESERVED_BITS \
    (64 - POOL_EXTENDED_PARAMETER_TYPE_BITS - POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS)

#define SECURE_POOL_FLAGS_NONE       0x0
#define SECURE_POOL_FLAGS_FREEABLE   0x1
#define SECURE_POOL_FLAGS_MODIFIABLE 0x2

typedef struct _POOL_EXTENDED_PARAMS_SECURE_POOL {
    HANDLE SecurePoolHandle;
    PVOID Buffer;
    ULONG_PTR Cookie;
    ULONG SecurePoolFlags;
} POOL_EXTENDED_PARAMS_SECURE_POOL;

#ifndef MM_ANY_NODE_OK
#define MM_ANY_NODE_OK 0x80000000
#endif
typedef ULONG POOL_NODE_REQUIREMENT;

/* Unnamed struct and union members: standard C11, a GNU extension in C++
 * (-Wpedantic), silenced around the type as wdm_io.h does. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif
#endif
typedef struct _POOL_EXTENDED_PARAMETER {
    struct {
        ULONG64 Type : POOL_EXTENDED_PARAMETER_TYPE_BITS;
        ULONG64 Optional : POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS;
        ULONG64 Reserved : POOL_EXTENDED_PARAMETER_RESERVED_BITS;
    };
    union {
        ULONG64 Reserved2;
        PVOID Reserved3;
        EX_POOL_PRIORITY Priority;
        POOL_EXTENDED_PARAMS_SECURE_POOL *SecurePoolParams;
        POOL_NODE_REQUIREMENT PreferredNode;
    };
} POOL_EXTENDED_PARAMETER, *PPOOL_EXTENDED_PARAMETER;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

typedef const POOL_EXTENDED_PARAMETER *PCPOOL_EXTENDED_PARAMETER;

/* ExAllocatePool2 with extended parameters: a priority (its
 * XxxSpecialPoolOverrun/Underrun values choose special pool's alignment) and
 * a preferred NUMA node are honoured; secure pool does not exist here, so a
 * secure-pool parameter fails the allocation (NULL, or the raise). */
NTKERNELAPI PVOID NTAPI ExAllocatePool3(_In_ POOL_FLAGS Flags, _In_ SIZE_T NumberOfBytes,
                                        _In_ ULONG Tag,
                                        _In_reads_opt_(ExtendedParametersCount)
                                            PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
                                        _In_ ULONG ExtendedParametersCount);

#ifdef __cplusplus
}
#endif

#endif /* MMSIM_WDM_POOL_H_ */
