/*
 * wdm_io.h - The I/O manager part of <wdm.h>: IRP, IO_STACK_LOCATION, device and driver objects,
 * dispatch routine types, IOCTL codes, ProbeForRead/ProbeForWrite.
 * Included by <wdm.h> after its own declarations; not included directly.
 *
 * Layouts are the x64 WDK's (the C_ASSERTs at the end pin the offsets drivers and debuggers
 * know), names and values are the WDK's; facts from the Microsoft documentation pages
 * (wdm/ns-wdm-_irp, wdm/ns-wdm-_io_stack_location, wdm/ns-wdm-_device_object,
 * wdm/ns-wdm-_driver_object, wdm/nf-wdm-iocreatedevice, ...) checked against mingw-w64's
 * ddk/wdm.h. docs/io.md says what the simulated I/O manager does with them.
 */
#ifndef MMSIM_WDM_IO_H_
#define MMSIM_WDM_IO_H_

#ifdef __cplusplus
extern "C" {
#endif

/* The WDK's IRP and IO_STACK_LOCATION have unnamed structs inside unions:
 * standard C11, a GNU extension in C++ (-Wpedantic), silenced around the
 * types as <ntdef.h> does for LARGE_INTEGER. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wnested-anon-types"
#pragma clang diagnostic ignored "-Wgnu-anonymous-struct"
#endif
#endif

/* IoCompletion's "continue" (wdm.h; the object namespace's statuses are in
 * mmsim/ntstatus.h with every other NTSTATUS). */
#ifndef STATUS_CONTINUE_COMPLETION
#define STATUS_CONTINUE_COMPLETION       STATUS_SUCCESS
#endif

/* ------------------------------------------------------------------------ */
/* Kernel objects embedded in I/O objects (x64 layouts). Drivers treat them */
/* as opaque; they are here so that the I/O objects have the WDK's layout.  */
/* ------------------------------------------------------------------------ */
struct _KDPC;
struct _KTHREAD;
struct _ETHREAD;
struct _FILE_OBJECT;
struct _IO_TIMER;
struct _VPB;
struct _IO_SECURITY_CONTEXT;
struct _DEVOBJ_EXTENSION;
/* ps32: the WDK's PETHREAD is a PKTHREAD: drivers pass one for the other
 * (KeSetPriorityThread(PETHREAD) in C++ needs it). */
typedef struct _KTHREAD *PKTHREAD, *PRKTHREAD, *PETHREAD;
typedef struct _FILE_OBJECT *PFILE_OBJECT;
typedef struct _IO_TIMER *PIO_TIMER;
typedef struct _VPB *PVPB;
typedef struct _IO_SECURITY_CONTEXT *PIO_SECURITY_CONTEXT;
typedef PVOID PSECURITY_DESCRIPTOR;

#ifndef MMSIM_HAVE_KDPC /* defined by whichever piece declares KDPC first */
#define MMSIM_HAVE_KDPC 1
typedef VOID NTAPI KDEFERRED_ROUTINE(_In_ struct _KDPC *Dpc, _In_opt_ PVOID DeferredContext,
                                     _In_opt_ PVOID SystemArgument1,
                                     _In_opt_ PVOID SystemArgument2);
typedef KDEFERRED_ROUTINE *PKDEFERRED_ROUTINE;
typedef struct _KDPC {
    UCHAR Type;
    UCHAR Importance;
    volatile USHORT Number;
    LIST_ENTRY DpcListEntry;
    PKDEFERRED_ROUTINE DeferredRoutine;
    PVOID DeferredContext;
    PVOID SystemArgument1;
    PVOID SystemArgument2;
    volatile PVOID DpcData;
} KDPC, *PKDPC, *PRKDPC;
#endif

#ifndef MMSIM_HAVE_KAPC
#define MMSIM_HAVE_KAPC 1
typedef struct _KAPC {
    UCHAR Type;
    UCHAR SpareByte0;
    UCHAR Size;
    UCHAR SpareByte1;
    ULONG SpareLong0;
    struct _KTHREAD *Thread;
    LIST_ENTRY ApcListEntry;
    PVOID Reserved[3];
    PVOID NormalContext;
    PVOID SystemArgument1;
    PVOID SystemArgument2;
    CCHAR ApcStateIndex;
    KPROCESSOR_MODE ApcMode;
    BOOLEAN Inserted;
} KAPC, *PKAPC, *PRKAPC;
#endif

#ifndef MMSIM_HAVE_KDEVICE_QUEUE
#define MMSIM_HAVE_KDEVICE_QUEUE 1
typedef struct _KDEVICE_QUEUE_ENTRY {
    LIST_ENTRY DeviceListEntry;
    ULONG SortKey;
    BOOLEAN Inserted;
} KDEVICE_QUEUE_ENTRY, *PKDEVICE_QUEUE_ENTRY, *PRKDEVICE_QUEUE_ENTRY;

typedef struct _KDEVICE_QUEUE {
    CSHORT Type;
    CSHORT Size;
    LIST_ENTRY DeviceListHead;
    KSPIN_LOCK Lock;
    union {
        BOOLEAN Busy;
        struct {
            LONG64 Reserved : 8;
            LONG64 Hint : 56;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
} KDEVICE_QUEUE, *PKDEVICE_QUEUE, *PRKDEVICE_QUEUE;
#endif

/* ------------------------------------------------------------------------ */
/* Object types, request types and their constants.                         */
/* ------------------------------------------------------------------------ */
#define IO_TYPE_ADAPTER                 1
#define IO_TYPE_CONTROLLER              2
#define IO_TYPE_DEVICE                  3
#define IO_TYPE_DRIVER                  4
#define IO_TYPE_FILE                    5
#define IO_TYPE_IRP                     6
#define IO_TYPE_MASTER_ADAPTER          7
#define IO_TYPE_OPEN_PACKET             8
#define IO_TYPE_TIMER                   9
#define IO_TYPE_VPB                     10
#define IO_TYPE_ERROR_LOG               11
#define IO_TYPE_ERROR_MESSAGE           12
#define IO_TYPE_DEVICE_OBJECT_EXTENSION 13

/* Major function codes. */
#define IRP_MJ_CREATE                   0x00
#define IRP_MJ_CREATE_NAMED_PIPE        0x01
#define IRP_MJ_CLOSE                    0x02
#define IRP_MJ_READ                     0x03
#define IRP_MJ_WRITE                    0x04
#define IRP_MJ_QUERY_INFORMATION        0x05
#define IRP_MJ_SET_INFORMATION          0x06
#define IRP_MJ_QUERY_EA                 0x07
#define IRP_MJ_SET_EA                   0x08
#define IRP_MJ_FLUSH_BUFFERS            0x09
#define IRP_MJ_QUERY_VOLUME_INFORMATION 0x0a
#define IRP_MJ_SET_VOLUME_INFORMATION   0x0b
#define IRP_MJ_DIRECTORY_CONTROL        0x0c
#define IRP_MJ_FILE_SYSTEM_CONTROL      0x0d
#define IRP_MJ_DEVICE_CONTROL           0x0e
#define IRP_MJ_INTERNAL_DEVICE_CONTROL  0x0f
#define IRP_MJ_SCSI                     IRP_MJ_INTERNAL_DEVICE_CONTROL
#define IRP_MJ_SHUTDOWN                 0x10
#define IRP_MJ_LOCK_CONTROL             0x11
#define IRP_MJ_CLEANUP                  0x12
#define IRP_MJ_CREATE_MAILSLOT          0x13
#define IRP_MJ_QUERY_SECURITY           0x14
#define IRP_MJ_SET_SECURITY             0x15
#define IRP_MJ_POWER                    0x16
#define IRP_MJ_SYSTEM_CONTROL           0x17
#define IRP_MJ_DEVICE_CHANGE            0x18
#define IRP_MJ_QUERY_QUOTA              0x19
#define IRP_MJ_SET_QUOTA                0x1a
#define IRP_MJ_PNP                      0x1b
#define IRP_MJ_PNP_POWER                IRP_MJ_PNP
#define IRP_MJ_MAXIMUM_FUNCTION         0x1b

/* IRP minor function codes (IO_STACK_LOCATION.MinorFunction), as the WDK
 * defines them; names and values only: mmsim's I/O manager sends no PnP,
 * power, WMI or file-system IRP itself, a test or harness may. */
#define IRP_MN_SCSI_CLASS                   0x01

/* IRP_MJ_PNP */
#define IRP_MN_START_DEVICE                 0x00
#define IRP_MN_QUERY_REMOVE_DEVICE          0x01
#define IRP_MN_REMOVE_DEVICE                0x02
#define IRP_MN_CANCEL_REMOVE_DEVICE         0x03
#define IRP_MN_STOP_DEVICE                  0x04
#define IRP_MN_QUERY_STOP_DEVICE            0x05
#define IRP_MN_CANCEL_STOP_DEVICE           0x06
#define IRP_MN_QUERY_DEVICE_RELATIONS       0x07
#define IRP_MN_QUERY_INTERFACE              0x08
#define IRP_MN_QUERY_CAPABILITIES           0x09
#define IRP_MN_QUERY_RESOURCES              0x0A
#define IRP_MN_QUERY_RESOURCE_REQUIREMENTS  0x0B
#define IRP_MN_QUERY_DEVICE_TEXT            0x0C
#define IRP_MN_FILTER_RESOURCE_REQUIREMENTS 0x0D
#define IRP_MN_READ_CONFIG                  0x0F
#define IRP_MN_WRITE_CONFIG                 0x10
#define IRP_MN_EJECT                        0x11
#define IRP_MN_SET_LOCK                     0x12
#define IRP_MN_QUERY_ID                     0x13
#define IRP_MN_QUERY_PNP_DEVICE_STATE       0x14
#define IRP_MN_QUERY_BUS_INFORMATION        0x15
#define IRP_MN_DEVICE_USAGE_NOTIFICATION    0x16
#define IRP_MN_SURPRISE_REMOVAL             0x17
#define IRP_MN_QUERY_LEGACY_BUS_INFORMATION 0x18
#define IRP_MN_DEVICE_ENUMERATED            0x19

/* IRP_MJ_POWER */
#define IRP_MN_WAIT_WAKE                    0x00
#define IRP_MN_POWER_SEQUENCE               0x01
#define IRP_MN_SET_POWER                    0x02
#define IRP_MN_QUERY_POWER                  0x03

/* IRP_MJ_SYSTEM_CONTROL (WMI) */
#define IRP_MN_QUERY_ALL_DATA               0x00
#define IRP_MN_QUERY_SINGLE_INSTANCE        0x01
#define IRP_MN_CHANGE_SINGLE_INSTANCE       0x02
#define IRP_MN_CHANGE_SINGLE_ITEM           0x03
#define IRP_MN_ENABLE_EVENTS                0x04
#define IRP_MN_DISABLE_EVENTS               0x05
#define IRP_MN_ENABLE_COLLECTION            0x06
#define IRP_MN_DISABLE_COLLECTION           0x07
#define IRP_MN_REGINFO                      0x08
#define IRP_MN_EXECUTE_METHOD               0x09
#define IRP_MN_REGINFO_EX                   0x0B

/* IRP_MJ_DIRECTORY_CONTROL, _FILE_SYSTEM_CONTROL, _LOCK_CONTROL,
 * _FLUSH_BUFFERS, and the READ/WRITE modifiers */
#define IRP_MN_QUERY_DIRECTORY              0x01
#define IRP_MN_NOTIFY_CHANGE_DIRECTORY      0x02
#define IRP_MN_USER_FS_REQUEST              0x00
#define IRP_MN_MOUNT_VOLUME                 0x01
#define IRP_MN_VERIFY_VOLUME                0x02
#define IRP_MN_LOAD_FILE_SYSTEM             0x03
#define IRP_MN_TRACK_LINK                   0x04
#define IRP_MN_KERNEL_CALL                  0x04
#define IRP_MN_LOCK                         0x01
#define IRP_MN_UNLOCK_SINGLE                0x02
#define IRP_MN_UNLOCK_ALL                   0x03
#define IRP_MN_UNLOCK_ALL_BY_KEY            0x04
#define IRP_MN_FLUSH_AND_PURGE              0x01
#define IRP_MN_NORMAL                       0x00
#define IRP_MN_DPC                          0x01
#define IRP_MN_MDL                          0x02
#define IRP_MN_COMPLETE                     0x04
#define IRP_MN_COMPRESSED                   0x08
#define IRP_MN_MDL_DPC                      (IRP_MN_MDL | IRP_MN_DPC)
#define IRP_MN_COMPLETE_MDL                 (IRP_MN_COMPLETE | IRP_MN_MDL)
#define IRP_MN_COMPLETE_MDL_DPC             (IRP_MN_COMPLETE_MDL | IRP_MN_DPC)

/* IRP.Flags. */
#define IRP_NOCACHE                     0x00000001
#define IRP_PAGING_IO                   0x00000002
#define IRP_MOUNT_COMPLETION            0x00000002
#define IRP_SYNCHRONOUS_API             0x00000004
#define IRP_ASSOCIATED_IRP              0x00000008
#define IRP_BUFFERED_IO                 0x00000010
#define IRP_DEALLOCATE_BUFFER           0x00000020
#define IRP_INPUT_OPERATION             0x00000040
#define IRP_SYNCHRONOUS_PAGING_IO       0x00000040
#define IRP_CREATE_OPERATION            0x00000080
#define IRP_READ_OPERATION              0x00000100
#define IRP_WRITE_OPERATION             0x00000200
#define IRP_CLOSE_OPERATION             0x00000400
#define IRP_DEFER_IO_COMPLETION         0x00000800
#define IRP_OB_QUERY_NAME               0x00001000
#define IRP_HOLD_DEVICE_QUEUE           0x00002000
#define IRP_RETRY_IO_COMPLETION         0x00004000
#define IRP_CLASS_CACHE_OPERATION       0x00008000

/* IRP.AllocationFlags: the I/O manager's own bookkeeping (names and values). */
#define IRP_QUOTA_CHARGED               0x01
#define IRP_ALLOCATED_MUST_SUCCEED      0x02
#define IRP_ALLOCATED_FIXED_SIZE        0x04

/* IO_STACK_LOCATION.Control. */
#define SL_PENDING_RETURNED             0x01
#define SL_ERROR_RETURNED               0x02
#define SL_INVOKE_ON_CANCEL             0x20
#define SL_INVOKE_ON_SUCCESS            0x40
#define SL_INVOKE_ON_ERROR              0x80

/* IO_STACK_LOCATION.Flags for read and write. */
#define SL_KEY_SPECIFIED                0x01
#define SL_OVERRIDE_VERIFY_VOLUME       0x02
#define SL_WRITE_THROUGH                0x04
#define SL_FT_SEQUENTIAL_WRITE          0x08
#define SL_FORCE_DIRECT_WRITE           0x10
#define SL_REALTIME_STREAM              0x20

/* DEVICE_OBJECT.Flags. */
#define DO_VERIFY_VOLUME                0x00000002
#define DO_BUFFERED_IO                  0x00000004
#define DO_EXCLUSIVE                    0x00000008
#define DO_DIRECT_IO                    0x00000010
#define DO_MAP_IO_BUFFER                0x00000020
#define DO_DEVICE_HAS_NAME              0x00000040
#define DO_DEVICE_INITIALIZING          0x00000080
#define DO_SYSTEM_BOOT_PARTITION        0x00000100
#define DO_LONG_TERM_REQUESTS           0x00000200
#define DO_NEVER_LAST_DEVICE            0x00000400
#define DO_SHUTDOWN_REGISTERED          0x00000800
#define DO_BUS_ENUMERATED_DEVICE        0x00001000
#define DO_POWER_PAGABLE                0x00002000
#define DO_POWER_INRUSH                 0x00004000
#define DO_LOW_PRIORITY_FILESYSTEM      0x00010000
#define DO_SUPPORTS_TRANSACTIONS        0x00040000
#define DO_FORCE_NEITHER_IO             0x00080000
#define DO_VOLUME_DEVICE_OBJECT         0x00100000
#define DO_SYSTEM_SYSTEM_PARTITION      0x00200000
#define DO_SYSTEM_CRITICAL_PARTITION    0x00400000
#define DO_DISALLOW_EXECUTE             0x00800000

/* DEVICE_OBJECT.Characteristics. */
#define FILE_REMOVABLE_MEDIA            0x00000001
#define FILE_READ_ONLY_DEVICE           0x00000002
#define FILE_FLOPPY_DISKETTE            0x00000004
#define FILE_WRITE_ONCE_MEDIA           0x00000008
#define FILE_REMOTE_DEVICE              0x00000010
#define FILE_DEVICE_IS_MOUNTED          0x00000020
#define FILE_VIRTUAL_VOLUME             0x00000040
#define FILE_AUTOGENERATED_DEVICE_NAME  0x00000080
#define FILE_DEVICE_SECURE_OPEN         0x00000100
#define FILE_CHARACTERISTIC_PNP_DEVICE  0x00000800
#define FILE_CHARACTERISTIC_TS_DEVICE   0x00001000
#define FILE_CHARACTERISTIC_WEBDAV_DEVICE 0x00002000

/* DEVICE_OBJECT.AlignmentRequirement. */
#define FILE_BYTE_ALIGNMENT             0x00000000
#define FILE_WORD_ALIGNMENT             0x00000001
#define FILE_LONG_ALIGNMENT             0x00000003
#define FILE_QUAD_ALIGNMENT             0x00000007
#define FILE_OCTA_ALIGNMENT             0x0000000f
#define FILE_32_BYTE_ALIGNMENT          0x0000001f
#define FILE_64_BYTE_ALIGNMENT          0x0000003f
#define FILE_128_BYTE_ALIGNMENT         0x0000007f
#define FILE_256_BYTE_ALIGNMENT         0x000000ff
#define FILE_512_BYTE_ALIGNMENT         0x000001ff

#include "../devioctl.h" /* device types, CTL_CODE, METHOD_*, FILE_*_ACCESS */

/* ACCESS_MASK: the standard and generic rights (the low 16 bits are each object type's). */
#define DELETE                          0x00010000L
#define READ_CONTROL                    0x00020000L
#define WRITE_DAC                       0x00040000L
#define WRITE_OWNER                     0x00080000L
#define SYNCHRONIZE                     0x00100000L
#define STANDARD_RIGHTS_REQUIRED        0x000F0000L
#define STANDARD_RIGHTS_READ            READ_CONTROL
#define STANDARD_RIGHTS_WRITE           READ_CONTROL
#define STANDARD_RIGHTS_EXECUTE         READ_CONTROL
#define STANDARD_RIGHTS_ALL             0x001F0000L
#define SPECIFIC_RIGHTS_ALL             0x0000FFFFL
#define ACCESS_SYSTEM_SECURITY          0x01000000L
#define MAXIMUM_ALLOWED                 0x02000000L
#define GENERIC_READ                    0x80000000L
#define GENERIC_WRITE                   0x40000000L
#define GENERIC_EXECUTE                 0x20000000L
#define GENERIC_ALL                     0x10000000L

/* A file object's specific rights (directory and pipe names share the bits), and the
 * generic mapping of files. */
#define FILE_READ_DATA                  (0x0001)
#define FILE_LIST_DIRECTORY             (0x0001)
#define FILE_WRITE_DATA                 (0x0002)
#define FILE_ADD_FILE                   (0x0002)
#define FILE_APPEND_DATA                (0x0004)
#define FILE_ADD_SUBDIRECTORY           (0x0004)
#define FILE_CREATE_PIPE_INSTANCE       (0x0004)
#define FILE_READ_EA                    (0x0008)
#define FILE_WRITE_EA                   (0x0010)
#define FILE_EXECUTE                    (0x0020)
#define FILE_TRAVERSE                   (0x0020)
#define FILE_DELETE_CHILD               (0x0040)
#define FILE_READ_ATTRIBUTES            (0x0080)
#define FILE_WRITE_ATTRIBUTES           (0x0100)
#define FILE_ALL_ACCESS                 (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x1FF)
#define FILE_GENERIC_READ               (STANDARD_RIGHTS_READ | FILE_READ_DATA | \
                                         FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE)
#define FILE_GENERIC_WRITE              (STANDARD_RIGHTS_WRITE | FILE_WRITE_DATA | \
                                         FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA | \
                                         FILE_APPEND_DATA | SYNCHRONIZE)
#define FILE_GENERIC_EXECUTE            (STANDARD_RIGHTS_EXECUTE | FILE_READ_ATTRIBUTES | \
                                         FILE_EXECUTE | SYNCHRONIZE)

/* Share access (IO_STACK_LOCATION.Parameters.Create.ShareAccess). */
#define FILE_SHARE_READ                 0x00000001
#define FILE_SHARE_WRITE                0x00000002
#define FILE_SHARE_DELETE               0x00000004
#define FILE_SHARE_VALID_FLAGS          0x00000007

/* File attributes (Parameters.Create.FileAttributes). */
#define FILE_ATTRIBUTE_READONLY             0x00000001
#define FILE_ATTRIBUTE_HIDDEN               0x00000002
#define FILE_ATTRIBUTE_SYSTEM               0x00000004
#define FILE_ATTRIBUTE_DIRECTORY            0x00000010
#define FILE_ATTRIBUTE_ARCHIVE              0x00000020
#define FILE_ATTRIBUTE_DEVICE               0x00000040
#define FILE_ATTRIBUTE_NORMAL               0x00000080
#define FILE_ATTRIBUTE_TEMPORARY            0x00000100
#define FILE_ATTRIBUTE_SPARSE_FILE          0x00000200
#define FILE_ATTRIBUTE_REPARSE_POINT        0x00000400
#define FILE_ATTRIBUTE_COMPRESSED           0x00000800
#define FILE_ATTRIBUTE_OFFLINE              0x00001000
#define FILE_ATTRIBUTE_NOT_CONTENT_INDEXED  0x00002000
#define FILE_ATTRIBUTE_ENCRYPTED            0x00004000
#define FILE_ATTRIBUTE_VIRTUAL              0x00010000
#define FILE_ATTRIBUTE_DEDICATED            FILE_ATTRIBUTE_TEMPORARY
#define FILE_ATTRIBUTE_VALID_FLAGS          0x00007fb7
#define FILE_ATTRIBUTE_VALID_SET_FLAGS      0x000031a7

/* Create dispositions (the high byte of Parameters.Create.Options) and what a create
 * reports in IoStatus.Information. */
#define FILE_SUPERSEDE                  0x00000000
#define FILE_OPEN                       0x00000001
#define FILE_CREATE                     0x00000002
#define FILE_OPEN_IF                    0x00000003
#define FILE_OVERWRITE                  0x00000004
#define FILE_OVERWRITE_IF               0x00000005
#define FILE_MAXIMUM_DISPOSITION        0x00000005
#define FILE_SUPERSEDED                 0x00000000
#define FILE_OPENED                     0x00000001
#define FILE_CREATED                    0x00000002
#define FILE_OVERWRITTEN                0x00000003
#define FILE_EXISTS                     0x00000004
#define FILE_DOES_NOT_EXIST             0x00000005

/* Create options (the low 24 bits of Parameters.Create.Options). */
#define FILE_DIRECTORY_FILE             0x00000001
#define FILE_WRITE_THROUGH              0x00000002
#define FILE_SEQUENTIAL_ONLY            0x00000004
#define FILE_NO_INTERMEDIATE_BUFFERING  0x00000008
#define FILE_SYNCHRONOUS_IO_ALERT       0x00000010
#define FILE_SYNCHRONOUS_IO_NONALERT    0x00000020
#define FILE_NON_DIRECTORY_FILE         0x00000040
#define FILE_CREATE_TREE_CONNECTION     0x00000080
#define FILE_COMPLETE_IF_OPLOCKED       0x00000100
#define FILE_NO_EA_KNOWLEDGE            0x00000200
#define FILE_OPEN_REMOTE_INSTANCE       0x00000400
#define FILE_RANDOM_ACCESS              0x00000800
#define FILE_DELETE_ON_CLOSE            0x00001000
#define FILE_OPEN_BY_FILE_ID            0x00002000
#define FILE_OPEN_FOR_BACKUP_INTENT     0x00004000
#define FILE_NO_COMPRESSION             0x00008000
#define FILE_OPEN_REQUIRING_OPLOCK      0x00010000
#define FILE_DISALLOW_EXCLUSIVE         0x00020000
#define FILE_RESERVE_OPFILTER           0x00100000
#define FILE_OPEN_REPARSE_POINT         0x00200000
#define FILE_OPEN_NO_RECALL             0x00400000
#define FILE_OPEN_FOR_FREE_SPACE_QUERY  0x00800000
#define FILE_VALID_OPTION_FLAGS         0x00ffffff
#define FILE_VALID_PIPE_OPTION_FLAGS    0x00000032
#define FILE_VALID_MAILSLOT_OPTION_FLAGS 0x00000032
#define FILE_VALID_SET_FLAGS            0x00000036

/* Byte offsets with a meaning of their own (Parameters.Read/Write.ByteOffset.LowPart, with
 * HighPart -1), and the completion modes of SetFileCompletionNotificationModes. */
#define FILE_USE_FILE_POINTER_POSITION  0xfffffffe
#define FILE_WRITE_TO_END_OF_FILE       0xffffffff
#define FILE_SKIP_COMPLETION_PORT_ON_SUCCESS 0x1
#define FILE_SKIP_SET_EVENT_ON_HANDLE   0x2
#define FILE_SKIP_SET_USER_EVENT_ON_FAST_IO 0x4

/* IoCreateDevice's DeviceCharacteristics and the priority boosts of IoCompleteRequest
 * (IO_NO_INCREMENT is in wdm.h). */
#define IO_CD_ROM_INCREMENT             1
#define IO_DISK_INCREMENT               1
#define IO_KEYBOARD_INCREMENT           6
#define IO_MAILSLOT_INCREMENT           2
#define IO_MOUSE_INCREMENT              6
#define IO_NAMED_PIPE_INCREMENT         2
#define IO_NETWORK_INCREMENT            2
#define IO_PARALLEL_INCREMENT           1
#define IO_SERIAL_INCREMENT             2
#define IO_SOUND_INCREMENT              8
#define IO_VIDEO_INCREMENT              1

/* FILE_INFORMATION_CLASS: the classes a QueryInformation/SetInformation IRP carries (the
 * first ones; a later name is a compile error, not a wrong value). */
typedef enum _FILE_INFORMATION_CLASS {
    FileDirectoryInformation = 1,
    FileFullDirectoryInformation,
    FileBothDirectoryInformation,
    FileBasicInformation,
    FileStandardInformation,
    FileInternalInformation,
    FileEaInformation,
    FileAccessInformation,
    FileNameInformation,
    FileRenameInformation,
    FileLinkInformation,
    FileNamesInformation,
    FileDispositionInformation,
    FilePositionInformation,
    FileFullEaInformation,
    FileModeInformation,
    FileAlignmentInformation,
    FileAllInformation,
    FileAllocationInformation,
    FileEndOfFileInformation
} FILE_INFORMATION_CLASS, *PFILE_INFORMATION_CLASS;

/* Fields the WDK aligns to a pointer inside the Parameters union. */
#ifndef POINTER_ALIGNMENT
#define POINTER_ALIGNMENT DECLSPEC_ALIGN(8)
#endif

/* ------------------------------------------------------------------------ */
/* Routine types (driver-supplied routines: `DRIVER_DISPATCH MyDispatch;`). */
/* ------------------------------------------------------------------------ */
struct _DEVICE_OBJECT;
struct _DRIVER_OBJECT;
struct _IRP;

typedef NTSTATUS NTAPI DRIVER_DISPATCH(_In_ struct _DEVICE_OBJECT *DeviceObject,
                                       _Inout_ struct _IRP *Irp);
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;
typedef DRIVER_DISPATCH DRIVER_DISPATCH_RAISED;
typedef DRIVER_DISPATCH DRIVER_DISPATCH_PAGED;
typedef VOID NTAPI DRIVER_STARTIO(_Inout_ struct _DEVICE_OBJECT *DeviceObject,
                                  _Inout_ struct _IRP *Irp);
typedef DRIVER_STARTIO *PDRIVER_STARTIO;
typedef NTSTATUS NTAPI DRIVER_ADD_DEVICE(_In_ struct _DRIVER_OBJECT *DriverObject,
                                         _In_ struct _DEVICE_OBJECT *PhysicalDeviceObject);
typedef DRIVER_ADD_DEVICE *PDRIVER_ADD_DEVICE;
typedef VOID NTAPI DRIVER_CANCEL(_Inout_ struct _DEVICE_OBJECT *DeviceObject,
                                 _Inout_ struct _IRP *Irp);
typedef DRIVER_CANCEL *PDRIVER_CANCEL;
typedef NTSTATUS NTAPI IO_COMPLETION_ROUTINE(_In_ struct _DEVICE_OBJECT *DeviceObject,
                                             _In_ struct _IRP *Irp, _In_opt_ PVOID Context);
typedef IO_COMPLETION_ROUTINE *PIO_COMPLETION_ROUTINE;
typedef enum _IO_ALLOCATION_ACTION {
    KeepObject = 1,
    DeallocateObject,
    DeallocateObjectKeepRegisters
} IO_ALLOCATION_ACTION, *PIO_ALLOCATION_ACTION;
typedef IO_ALLOCATION_ACTION NTAPI DRIVER_CONTROL(_In_ struct _DEVICE_OBJECT *DeviceObject,
                                                  _Inout_ struct _IRP *Irp,
                                                  _In_ PVOID MapRegisterBase,
                                                  _In_ PVOID Context);
typedef DRIVER_CONTROL *PDRIVER_CONTROL;
typedef VOID NTAPI IO_APC_ROUTINE(_In_ PVOID ApcContext, _In_ PIO_STATUS_BLOCK IoStatusBlock,
                                  _In_ ULONG Reserved);
typedef IO_APC_ROUTINE *PIO_APC_ROUTINE;

/* ------------------------------------------------------------------------ */
/* IRP and IO_STACK_LOCATION.                                               */
/* ------------------------------------------------------------------------ */
typedef struct _WAIT_CONTEXT_BLOCK {
    union {
        KDEVICE_QUEUE_ENTRY WaitQueueEntry;
        struct {
            LIST_ENTRY DmaWaitEntry;
            ULONG NumberOfChannels;
            ULONG SyncCallback : 1;
            ULONG DmaContext : 1;
            ULONG ZeroMapRegisters : 1;
            ULONG Reserved : 9;
            ULONG NumberOfRemapPages : 20;
        } DUMMYSTRUCTNAME;
    } DUMMYUNIONNAME;
    PDRIVER_CONTROL DeviceRoutine;
    PVOID DeviceContext;
    ULONG NumberOfMapRegisters;
    PVOID DeviceObject;
    PVOID CurrentIrp;
    PKDPC BufferChainingDpc;
} WAIT_CONTEXT_BLOCK, *PWAIT_CONTEXT_BLOCK;

typedef struct DECLSPEC_ALIGN(16) _IRP {
    CSHORT Type;
    USHORT Size;
    PMDL MdlAddress;
    ULONG Flags;
    union {
        struct _IRP *MasterIrp;
        volatile LONG IrpCount;
        PVOID SystemBuffer;
    } AssociatedIrp;
    LIST_ENTRY ThreadListEntry;
    IO_STATUS_BLOCK IoStatus;
    KPROCESSOR_MODE RequestorMode;
    BOOLEAN PendingReturned;
    CHAR StackCount;
    CHAR CurrentLocation;
    BOOLEAN Cancel;
    KIRQL CancelIrql;
    CCHAR ApcEnvironment;
    UCHAR AllocationFlags;
    PIO_STATUS_BLOCK UserIosb;
    PKEVENT UserEvent;
    union {
        struct {
            union {
                PIO_APC_ROUTINE UserApcRoutine;
                PVOID IssuingProcess;
            } DUMMYUNIONNAME;
            PVOID UserApcContext;
        } AsynchronousParameters;
        LARGE_INTEGER AllocationSize;
    } Overlay;
    volatile PDRIVER_CANCEL CancelRoutine;
    PVOID UserBuffer;
    union {
        struct {
            union {
                KDEVICE_QUEUE_ENTRY DeviceQueueEntry;
                struct {
                    PVOID DriverContext[4];
                } DUMMYSTRUCTNAME;
            } DUMMYUNIONNAME;
            PETHREAD Thread;
            PCHAR AuxiliaryBuffer;
            struct {
                LIST_ENTRY ListEntry;
                union {
                    struct _IO_STACK_LOCATION *CurrentStackLocation;
                    ULONG PacketType;
                } DUMMYUNIONNAME;
            } DUMMYSTRUCTNAME;
            struct _FILE_OBJECT *OriginalFileObject;
        } Overlay;
        KAPC Apc;
        PVOID CompletionKey;
    } Tail;
} IRP, *PIRP;

typedef struct _IO_STACK_LOCATION {
    UCHAR MajorFunction;
    UCHAR MinorFunction;
    UCHAR Flags;
    UCHAR Control;
    union {
        struct {
            PIO_SECURITY_CONTEXT SecurityContext;
            ULONG Options;
            USHORT POINTER_ALIGNMENT FileAttributes;
            USHORT ShareAccess;
            ULONG POINTER_ALIGNMENT EaLength;
        } Create;
        struct {
            ULONG Length;
            ULONG POINTER_ALIGNMENT Key;
            ULONG Flags;
            LARGE_INTEGER ByteOffset;
        } Read;
        struct {
            ULONG Length;
            ULONG POINTER_ALIGNMENT Key;
            ULONG Flags;
            LARGE_INTEGER ByteOffset;
        } Write;
        struct {
            ULONG Length;
            FILE_INFORMATION_CLASS POINTER_ALIGNMENT FileInformationClass;
        } QueryFile;
        struct {
            ULONG Length;
            FILE_INFORMATION_CLASS POINTER_ALIGNMENT FileInformationClass;
            PFILE_OBJECT FileObject;
            union {
                struct {
                    BOOLEAN ReplaceIfExists;
                    BOOLEAN AdvanceOnly;
                } DUMMYSTRUCTNAME;
                ULONG ClusterCount;
                HANDLE DeleteHandle;
            } DUMMYUNIONNAME;
        } SetFile;
        struct {
            ULONG OutputBufferLength;
            ULONG POINTER_ALIGNMENT InputBufferLength;
            ULONG POINTER_ALIGNMENT FsControlCode;
            PVOID Type3InputBuffer;
        } FileSystemControl;
        struct {
            ULONG OutputBufferLength;
            ULONG POINTER_ALIGNMENT InputBufferLength;
            ULONG POINTER_ALIGNMENT IoControlCode;
            PVOID Type3InputBuffer;
        } DeviceIoControl;
        struct {
            PVOID Argument1;
            PVOID Argument2;
            PVOID Argument3;
            PVOID Argument4;
        } Others;
    } Parameters;
    PDEVICE_OBJECT DeviceObject;
    PFILE_OBJECT FileObject;
    PIO_COMPLETION_ROUTINE CompletionRoutine;
    PVOID Context;
} IO_STACK_LOCATION, *PIO_STACK_LOCATION;

/* ------------------------------------------------------------------------ */
/* Device and driver objects (forward-declared in wdm.h).                   */
/* ------------------------------------------------------------------------ */
struct DECLSPEC_ALIGN(16) _DEVICE_OBJECT {
    CSHORT Type;
    USHORT Size;
    LONG ReferenceCount;
    struct _DRIVER_OBJECT *DriverObject;
    struct _DEVICE_OBJECT *NextDevice;
    struct _DEVICE_OBJECT *AttachedDevice;
    struct _IRP *CurrentIrp;
    PIO_TIMER Timer;
    ULONG Flags;
    ULONG Characteristics;
    volatile PVPB Vpb;
    PVOID DeviceExtension;
    DEVICE_TYPE DeviceType;
    CCHAR StackSize;
    union {
        LIST_ENTRY ListEntry;
        WAIT_CONTEXT_BLOCK Wcb;
    } Queue;
    ULONG AlignmentRequirement;
    KDEVICE_QUEUE DeviceQueue;
    KDPC Dpc;
    ULONG ActiveThreadCount;
    PSECURITY_DESCRIPTOR SecurityDescriptor;
    KEVENT DeviceLock;
    USHORT SectorSize;
    USHORT Spare1;
    struct _DEVOBJ_EXTENSION *DeviceObjectExtension;
    PVOID Reserved;
};

typedef struct _DRIVER_EXTENSION {
    struct _DRIVER_OBJECT *DriverObject;
    PDRIVER_ADD_DEVICE AddDevice;
    ULONG Count;
    UNICODE_STRING ServiceKeyName;
} DRIVER_EXTENSION, *PDRIVER_EXTENSION;

#define DRVO_UNLOAD_INVOKED             0x00000001
#define DRVO_LEGACY_DRIVER              0x00000002
#define DRVO_BUILTIN_DRIVER             0x00000004

struct _DRIVER_OBJECT {
    CSHORT Type;
    CSHORT Size;
    PDEVICE_OBJECT DeviceObject;
    ULONG Flags;
    PVOID DriverStart;
    ULONG DriverSize;
    PVOID DriverSection;
    PDRIVER_EXTENSION DriverExtension;
    UNICODE_STRING DriverName;
    PUNICODE_STRING HardwareDatabase;
    struct _FAST_IO_DISPATCH *FastIoDispatch;
    PDRIVER_INITIALIZE DriverInit;
    PDRIVER_STARTIO DriverStartIo;
    PDRIVER_UNLOAD DriverUnload;
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
};

/* ------------------------------------------------------------------------ */
/* File objects: what a create (CreateFile of the device) opens, passed in   */
/* each request's IO_STACK_LOCATION.FileObject. FsContext and FsContext2     */
/* are the driver's (a file system's, or a device driver's per-open state).  */
/* ------------------------------------------------------------------------ */
typedef struct _SECTION_OBJECT_POINTERS {
    PVOID DataSectionObject;
    PVOID SharedCacheMap;
    PVOID ImageSectionObject;
} SECTION_OBJECT_POINTERS, *PSECTION_OBJECT_POINTERS;

typedef struct _IO_COMPLETION_CONTEXT {
    PVOID Port;
    PVOID Key;
} IO_COMPLETION_CONTEXT, *PIO_COMPLETION_CONTEXT;

/* FILE_OBJECT.Flags. */
#define FO_FILE_OPEN                    0x00000001
#define FO_SYNCHRONOUS_IO               0x00000002
#define FO_ALERTABLE_IO                 0x00000004
#define FO_NO_INTERMEDIATE_BUFFERING    0x00000008
#define FO_WRITE_THROUGH                0x00000010
#define FO_SEQUENTIAL_ONLY              0x00000020
#define FO_CACHE_SUPPORTED              0x00000040
#define FO_NAMED_PIPE                   0x00000080
#define FO_STREAM_FILE                  0x00000100
#define FO_MAILSLOT                     0x00000200
#define FO_GENERATE_AUDIT_ON_CLOSE      0x00000400
#define FO_QUEUE_IRP_TO_THREAD          FO_GENERATE_AUDIT_ON_CLOSE
#define FO_DIRECT_DEVICE_OPEN           0x00000800
#define FO_FILE_MODIFIED                0x00001000
#define FO_FILE_SIZE_CHANGED            0x00002000
#define FO_CLEANUP_COMPLETE             0x00004000
#define FO_TEMPORARY_FILE               0x00008000
#define FO_DELETE_ON_CLOSE              0x00010000
#define FO_OPENED_CASE_SENSITIVE        0x00020000
#define FO_HANDLE_CREATED               0x00040000
#define FO_FILE_FAST_IO_READ            0x00080000
#define FO_RANDOM_ACCESS                0x00100000
#define FO_FILE_OPEN_CANCELLED          0x00200000
#define FO_VOLUME_OPEN                  0x00400000
#define FO_REMOTE_ORIGIN                0x01000000
#define FO_DISALLOW_EXCLUSIVE           0x02000000
#define FO_SKIP_COMPLETION_PORT         FO_DISALLOW_EXCLUSIVE
#define FO_SKIP_SET_EVENT               0x04000000
#define FO_SKIP_SET_FAST_IO             0x08000000
#define FO_FLAGS_VALID_ONLY_DURING_CREATE FO_DISALLOW_EXCLUSIVE

typedef struct _FILE_OBJECT {
    CSHORT Type;
    CSHORT Size;
    PDEVICE_OBJECT DeviceObject;
    PVPB Vpb;
    PVOID FsContext;
    PVOID FsContext2;
    PSECTION_OBJECT_POINTERS SectionObjectPointer;
    PVOID PrivateCacheMap;
    NTSTATUS FinalStatus;
    struct _FILE_OBJECT *RelatedFileObject;
    BOOLEAN LockOperation;
    BOOLEAN DeletePending;
    BOOLEAN ReadAccess;
    BOOLEAN WriteAccess;
    BOOLEAN DeleteAccess;
    BOOLEAN SharedRead;
    BOOLEAN SharedWrite;
    BOOLEAN SharedDelete;
    ULONG Flags;
    UNICODE_STRING FileName;
    LARGE_INTEGER CurrentByteOffset;
    volatile ULONG Waiters;
    volatile ULONG Busy;
    PVOID LastLock;
    KEVENT Lock;
    KEVENT Event;
    volatile PIO_COMPLETION_CONTEXT CompletionContext;
    KSPIN_LOCK IrpListLock;
    LIST_ENTRY IrpList;
    volatile PVOID FileObjectExtension;
} FILE_OBJECT;

/* ------------------------------------------------------------------------ */
/* Stack locations (macros and inline routines of the WDK).                 */
/* ------------------------------------------------------------------------ */
#define IoSizeOfIrp(StackSize) \
    ((USHORT)(sizeof(IRP) + ((StackSize) * (sizeof(IO_STACK_LOCATION)))))

FORCEINLINE PIO_STACK_LOCATION IoGetCurrentIrpStackLocation(_In_ PIRP Irp)
{
    return Irp->Tail.Overlay.CurrentStackLocation;
}

FORCEINLINE PIO_STACK_LOCATION IoGetNextIrpStackLocation(_In_ PIRP Irp)
{
    return Irp->Tail.Overlay.CurrentStackLocation - 1;
}

FORCEINLINE VOID IoSkipCurrentIrpStackLocation(_Inout_ PIRP Irp)
{
    Irp->CurrentLocation++;
    Irp->Tail.Overlay.CurrentStackLocation++;
}

FORCEINLINE VOID IoSetNextIrpStackLocation(_Inout_ PIRP Irp)
{
    Irp->CurrentLocation--;
    Irp->Tail.Overlay.CurrentStackLocation--;
}

/* Copies the current location to the next one up to (not including) the completion
 * routine, which the next driver must not inherit; Control is cleared. */
FORCEINLINE VOID IoCopyCurrentIrpStackLocationToNext(_Inout_ PIRP Irp)
{
    PIO_STACK_LOCATION IrpSp = IoGetCurrentIrpStackLocation(Irp);
    PIO_STACK_LOCATION NextIrpSp = IoGetNextIrpStackLocation(Irp);
    RtlCopyMemory(NextIrpSp, IrpSp, FIELD_OFFSET(IO_STACK_LOCATION, CompletionRoutine));
    NextIrpSp->Control = 0;
}

FORCEINLINE VOID IoMarkIrpPending(_Inout_ PIRP Irp)
{
    IoGetCurrentIrpStackLocation(Irp)->Control |= SL_PENDING_RETURNED;
}

FORCEINLINE VOID IoSetCompletionRoutine(_In_ PIRP Irp,
                                        _In_opt_ PIO_COMPLETION_ROUTINE CompletionRoutine,
                                        _In_opt_ PVOID Context, _In_ BOOLEAN InvokeOnSuccess,
                                        _In_ BOOLEAN InvokeOnError,
                                        _In_ BOOLEAN InvokeOnCancel)
{
    PIO_STACK_LOCATION IrpSp = IoGetNextIrpStackLocation(Irp);
    IrpSp->CompletionRoutine = CompletionRoutine;
    IrpSp->Context = Context;
    IrpSp->Control = 0;
    if (InvokeOnSuccess) {
        IrpSp->Control = SL_INVOKE_ON_SUCCESS;
    }
    if (InvokeOnError) {
        IrpSp->Control |= SL_INVOKE_ON_ERROR;
    }
    if (InvokeOnCancel) {
        IrpSp->Control |= SL_INVOKE_ON_CANCEL;
    }
}

/* ------------------------------------------------------------------------ */
/* I/O manager DDIs (docs/io.md). IRQL as documented on each page.          */
/* ------------------------------------------------------------------------ */
/* Creates a device object (with a zeroed device extension of DeviceExtensionSize bytes
 * right after it) and links it at the head of DriverObject->DeviceObject. A name that is
 * already used is STATUS_OBJECT_NAME_COLLISION. */
_IRQL_requires_max_(PASSIVE_LEVEL) _Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI IoCreateDevice(_In_ PDRIVER_OBJECT DriverObject,
                                          _In_ ULONG DeviceExtensionSize,
                                          _In_opt_ PUNICODE_STRING DeviceName,
                                          _In_ DEVICE_TYPE DeviceType,
                                          _In_ ULONG DeviceCharacteristics,
                                          _In_ BOOLEAN Exclusive,
                                          _Out_ PDEVICE_OBJECT *DeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI IoDeleteDevice(_In_ __drv_freesMem(Mem) PDEVICE_OBJECT DeviceObject);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoCreateSymbolicLink(_In_ PUNICODE_STRING SymbolicLinkName,
                                                _In_ PUNICODE_STRING DeviceName);

_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoDeleteSymbolicLink(_In_ PUNICODE_STRING SymbolicLinkName);

/* Completes the request: runs the completion routines set by the drivers above, in
 * order; the requester's copy-out and MDL release follow (SimIoCallDriver). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL IofCompleteRequest(_In_ PIRP Irp, _In_ CCHAR PriorityBoost);
#define IoCompleteRequest(a, b) IofCompleteRequest(a, b)

/* Sends the IRP to DeviceObject's driver: moves to the next stack location and calls
 * the MajorFunction routine. */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI NTSTATUS FASTCALL IofCallDriver(_In_ PDEVICE_OBJECT DeviceObject,
                                            _Inout_ __drv_aliasesMem PIRP Irp);
#define IoCallDriver(a, b) IofCallDriver(a, b)

/* An IRP with StackSize stack locations, from non-paged pool; NULL if none is left. */
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoAllocateIrp(_In_ CCHAR StackSize, _In_ BOOLEAN ChargeQuota);

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI VOID NTAPI IoFreeIrp(_In_ __drv_freesMem(Mem) PIRP Irp);

/* Raises STATUS_DATATYPE_MISALIGNMENT if Address is not a multiple of Alignment and
 * STATUS_ACCESS_VIOLATION if [Address, Address + Length) is not within user space.
 * Length 0: no check. mmsim has no user address space yet (issue 17), so every range
 * of non-zero length is outside it, as a kernel address is on Windows. */
_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForRead(_In_reads_bytes_(Length) const volatile VOID *Address,
                                    _In_ SIZE_T Length, _In_ ULONG Alignment);

_IRQL_requires_max_(APC_LEVEL)
NTKERNELAPI VOID NTAPI ProbeForWrite(_Inout_updates_bytes_(Length) volatile VOID *Address,
                                     _In_ SIZE_T Length, _In_ ULONG Alignment);

/* ------------------------------------------------------------------------ */
/* io32: device stacks, IRPs built for a lower driver, object references.   */
/* ------------------------------------------------------------------------ */
/* Attaches SourceDevice on top of the stack TargetDevice is in: returns the device it
 * was attached to (the old top), NULL if that device's driver is unloading. */
_IRQL_requires_max_(PASSIVE_LEVEL) _Must_inspect_result_
NTKERNELAPI PDEVICE_OBJECT NTAPI IoAttachDeviceToDeviceStack(_In_ _When_(return != 0, __drv_aliasesMem) PDEVICE_OBJECT SourceDevice,
                                                             _In_ PDEVICE_OBJECT TargetDevice);

/* The same, with the lower device stored in *AttachedToDeviceObject before the attachment
 * is visible (STATUS_NO_SUCH_DEVICE if it cannot be made). */
_IRQL_requires_max_(PASSIVE_LEVEL) _Must_inspect_result_
NTKERNELAPI NTSTATUS NTAPI IoAttachDeviceToDeviceStackSafe(_In_ PDEVICE_OBJECT SourceDevice,
                                                           _In_ PDEVICE_OBJECT TargetDevice,
                                                           _Outptr_ PDEVICE_OBJECT *AttachedToDeviceObject);

/* Releases the attachment of the device above TargetDevice. */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI VOID NTAPI IoDetachDevice(_Inout_ PDEVICE_OBJECT TargetDevice);

/* The top of DeviceObject's stack (no reference). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PDEVICE_OBJECT NTAPI IoGetAttachedDevice(_In_ PDEVICE_OBJECT DeviceObject);

/* The top of DeviceObject's stack, referenced (ObDereferenceObject releases it). */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI PDEVICE_OBJECT NTAPI IoGetAttachedDeviceReference(_In_ PDEVICE_OBJECT DeviceObject);

/* Opens the named device: *FileObject referenced, *DeviceObject the top of its stack. */
_IRQL_requires_max_(PASSIVE_LEVEL)
NTKERNELAPI NTSTATUS NTAPI IoGetDeviceObjectPointer(_In_ PUNICODE_STRING ObjectName,
                                                    _In_ ACCESS_MASK DesiredAccess,
                                                    _Out_ PFILE_OBJECT *FileObject,
                                                    _Out_ PDEVICE_OBJECT *DeviceObject);

/* An IRP_MJ_(INTERNAL_)DEVICE_CONTROL for DeviceObject with the buffers the control
 * code's transfer method asks for; at completion the I/O manager copies back, writes
 * *IoStatusBlock, signals Event and frees the IRP. NULL if it cannot be built. */
_IRQL_requires_max_(PASSIVE_LEVEL) _Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoBuildDeviceIoControlRequest(_In_ ULONG IoControlCode,
                                                     _In_ PDEVICE_OBJECT DeviceObject,
                                                     _In_opt_ PVOID InputBuffer,
                                                     _In_ ULONG InputBufferLength,
                                                     _Out_opt_ PVOID OutputBuffer,
                                                     _In_ ULONG OutputBufferLength,
                                                     _In_ BOOLEAN InternalDeviceIoControl,
                                                     _In_opt_ PKEVENT Event,
                                                     _Out_ PIO_STATUS_BLOCK IoStatusBlock);

/* An IRP_MJ_READ, _WRITE, _FLUSH_BUFFERS or _SHUTDOWN for DeviceObject, its buffer per
 * the device's DO_BUFFERED_IO / DO_DIRECT_IO; completed as IoBuildDeviceIoControlRequest's. */
_IRQL_requires_max_(PASSIVE_LEVEL) _Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoBuildSynchronousFsdRequest(_In_ ULONG MajorFunction,
                                                    _In_ PDEVICE_OBJECT DeviceObject,
                                                    _Inout_opt_ PVOID Buffer,
                                                    _In_opt_ ULONG Length,
                                                    _In_opt_ PLARGE_INTEGER StartingOffset,
                                                    _In_ PKEVENT Event,
                                                    _Out_ PIO_STATUS_BLOCK IoStatusBlock);

/* The same without an event: the caller's completion routine frees the IRP. */
_IRQL_requires_max_(DISPATCH_LEVEL) _Must_inspect_result_
NTKERNELAPI PIRP NTAPI IoBuildAsynchronousFsdRequest(_In_ ULONG MajorFunction,
                                                     _In_ PDEVICE_OBJECT DeviceObject,
                                                     _Inout_opt_ PVOID Buffer,
                                                     _In_opt_ ULONG Length,
                                                     _In_opt_ PLARGE_INTEGER StartingOffset,
                                                     _In_opt_ PIO_STATUS_BLOCK IoStatusBlock);

/* ObfReferenceObject / ObfDereferenceObject of device and file objects: mmsim/wdm_ps.h. */

/* ------------------------------------------------------------------------ */
/* Layout checks (x64 offsets of the WDK's structures).                     */
/* ------------------------------------------------------------------------ */
C_ASSERT(sizeof(KDPC) == 0x40);
C_ASSERT(sizeof(KAPC) == 0x58);
C_ASSERT(sizeof(KDEVICE_QUEUE) == 0x28);
C_ASSERT(sizeof(WAIT_CONTEXT_BLOCK) == 0x48);
C_ASSERT(sizeof(IRP) == 0xD0);
C_ASSERT(FIELD_OFFSET(IRP, MdlAddress) == 0x08);
C_ASSERT(FIELD_OFFSET(IRP, Flags) == 0x10);
C_ASSERT(FIELD_OFFSET(IRP, AssociatedIrp) == 0x18);
C_ASSERT(FIELD_OFFSET(IRP, IoStatus) == 0x30);
C_ASSERT(FIELD_OFFSET(IRP, RequestorMode) == 0x40);
C_ASSERT(FIELD_OFFSET(IRP, Cancel) == 0x44);
C_ASSERT(FIELD_OFFSET(IRP, UserIosb) == 0x48);
C_ASSERT(FIELD_OFFSET(IRP, CancelRoutine) == 0x68);
C_ASSERT(FIELD_OFFSET(IRP, UserBuffer) == 0x70);
C_ASSERT(FIELD_OFFSET(IRP, Tail) == 0x78);
C_ASSERT(FIELD_OFFSET(IRP, Tail.Overlay.Thread) == 0x98);
C_ASSERT(FIELD_OFFSET(IRP, Tail.Overlay.ListEntry) == 0xA8);
C_ASSERT(FIELD_OFFSET(IRP, Tail.Overlay.CurrentStackLocation) == 0xB8);
C_ASSERT(sizeof(IO_STACK_LOCATION) == 0x48);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, Parameters) == 0x08);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.InputBufferLength) == 0x10);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.IoControlCode) == 0x18);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, Parameters.DeviceIoControl.Type3InputBuffer) == 0x20);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, Parameters.Read.ByteOffset) == 0x18);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, DeviceObject) == 0x28);
C_ASSERT(FIELD_OFFSET(IO_STACK_LOCATION, CompletionRoutine) == 0x38);
C_ASSERT(sizeof(DEVICE_OBJECT) == 0x150);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, Flags) == 0x30);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, DeviceExtension) == 0x40);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, StackSize) == 0x4C);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, AlignmentRequirement) == 0x98);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, Dpc) == 0xC8);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, DeviceLock) == 0x118);
C_ASSERT(FIELD_OFFSET(DEVICE_OBJECT, DeviceObjectExtension) == 0x138);
C_ASSERT(sizeof(DRIVER_OBJECT) == 0x150);
C_ASSERT(FIELD_OFFSET(DRIVER_OBJECT, DriverUnload) == 0x68);
C_ASSERT(FIELD_OFFSET(DRIVER_OBJECT, MajorFunction) == 0x70);
C_ASSERT(sizeof(FILE_OBJECT) == 0xD8);
C_ASSERT(FIELD_OFFSET(FILE_OBJECT, FsContext) == 0x18);
C_ASSERT(FIELD_OFFSET(FILE_OBJECT, FinalStatus) == 0x38);
C_ASSERT(FIELD_OFFSET(FILE_OBJECT, Flags) == 0x50);
C_ASSERT(FIELD_OFFSET(FILE_OBJECT, FileName) == 0x58);
C_ASSERT(FIELD_OFFSET(FILE_OBJECT, Lock) == 0x80);
C_ASSERT(FIELD_OFFSET(FILE_OBJECT, IrpList) == 0xC0);

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MMSIM_WDM_IO_H_ */
