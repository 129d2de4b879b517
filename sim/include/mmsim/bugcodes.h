/*
 * mmsim/bugcodes.h - bug check codes (values as in the WDK's bugcodes.h and the
 * bug check reference; docs/ddi-contract.md section 3).
 */
#ifndef MMSIM_BUGCODES_H
#define MMSIM_BUGCODES_H

#define IRQL_NOT_GREATER_OR_EQUAL                       ((ULONG)0x00000009L)
#define IRQL_NOT_LESS_OR_EQUAL                          ((ULONG)0x0000000AL)
#define SPIN_LOCK_ALREADY_OWNED                         ((ULONG)0x0000000FL)
#define SPIN_LOCK_NOT_OWNED                             ((ULONG)0x00000010L)
#define MEMORY_MANAGEMENT                               ((ULONG)0x0000001AL)
#define NO_MORE_SYSTEM_PTES                             ((ULONG)0x0000003FL)
#define TARGET_MDL_TOO_SMALL                            ((ULONG)0x00000040L)
#define IRQL_GT_ZERO_AT_SYSTEM_SERVICE                  ((ULONG)0x0000004AL)
#define PFN_LIST_CORRUPT                                ((ULONG)0x0000004EL)
#define KERNEL_DATA_INPAGE_ERROR                        ((ULONG)0x0000007AL)
#define PAGE_FAULT_IN_NONPAGED_AREA                     ((ULONG)0x00000050L)
#define PROCESS_HAS_LOCKED_PAGES                        ((ULONG)0x00000076L)
#define ATTEMPTED_WRITE_TO_READONLY_MEMORY              ((ULONG)0x000000BEL)
#define BAD_POOL_CALLER                                 ((ULONG)0x000000C2L)
#define DRIVER_VERIFIER_DETECTED_VIOLATION              ((ULONG)0x000000C4L)
#define TIMER_OR_DPC_INVALID                            ((ULONG)0x000000C7L)
#define DRIVER_LEFT_LOCKED_PAGES_IN_PROCESS             ((ULONG)0x000000CBL)
#define DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS ((ULONG)0x000000CEL)
#define DRIVER_IRQL_NOT_LESS_OR_EQUAL                   ((ULONG)0x000000D1L)
#define DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL         ((ULONG)0x000000D5L)
#define DRIVER_PAGE_FAULT_BEYOND_END_OF_ALLOCATION      ((ULONG)0x000000D6L)
#define DRIVER_USED_EXCESSIVE_PTES                      ((ULONG)0x000000D8L)
#define WORKER_THREAD_RETURNED_AT_BAD_IRQL              ((ULONG)0x000000E1L)
#define WORKER_INVALID                                  ((ULONG)0x000000E4L)
#define SYSTEM_PTE_MISUSE                               ((ULONG)0x000000DAL)
#define INVALID_MDL_RANGE                               ((ULONG)0x0000012EL)
#define KERNEL_MODE_HEAP_CORRUPTION                     ((ULONG)0x0000013AL)

/* realdrv3: further codes (bugcodes.h) that drivers pass to KeBugCheckEx
 * themselves (HyperPlatform's operator new: MUST_SUCCEED_POOL_EMPTY). */
#define NO_MORE_IRP_STACK_LOCATIONS                     ((ULONG)0x00000035L)
#define MUST_SUCCEED_POOL_EMPTY                         ((ULONG)0x00000041L)
#define MULTIPLE_IRP_COMPLETE_REQUESTS                  ((ULONG)0x00000044L)
#define SYSTEM_THREAD_EXCEPTION_NOT_HANDLED             ((ULONG)0x0000007EL)
#define UNEXPECTED_KERNEL_MODE_TRAP                     ((ULONG)0x0000007FL)
#define DRIVER_CORRUPTED_EXPOOL                         ((ULONG)0x000000C5L)
#define MANUALLY_INITIATED_CRASH                        ((ULONG)0x000000E2L)
#define KERNEL_SECURITY_CHECK_FAILURE                   ((ULONG)0x00000139L)

#endif /* MMSIM_BUGCODES_H */
