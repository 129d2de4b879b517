/*
 * mmsim/wdm_se.h - wdm.h's security types and exported object types, and
 * IoIs32bitProcess (survey33: what further real driver files stopped at;
 * docs/wdk-surface.md, "Found by compiling further real files (survey33)").
 *
 * The security types are types only: mmsim has no tokens, access checks or
 * security descriptors, but drivers name these types in their own
 * declarations (an ObReferenceObjectByName prototype takes a PACCESS_STATE,
 * an object type's callbacks a PSECURITY_INFORMATION and a PGENERIC_MAPPING)
 * and IRP_MJ_CREATE's parameters carry an IO_SECURITY_CONTEXT. Names, members,
 * member order, packing and values as the WDK's wdm.h (x64).
 */
#ifndef MMSIM_WDM_SE_H
#define MMSIM_WDM_SE_H

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------- */
/* Security types (wdm.h)                                                  */
/* ---------------------------------------------------------------------- */
typedef ACCESS_MASK *PACCESS_MASK;
typedef PVOID PACCESS_TOKEN;
typedef PVOID PSID;

typedef struct _GENERIC_MAPPING {
    ACCESS_MASK GenericRead;
    ACCESS_MASK GenericWrite;
    ACCESS_MASK GenericExecute;
    ACCESS_MASK GenericAll;
} GENERIC_MAPPING, *PGENERIC_MAPPING;

#define ACL_REVISION     2
#define ACL_REVISION_DS  4
#define ACL_REVISION1    1
#define MIN_ACL_REVISION ACL_REVISION2
#define ACL_REVISION2    2
#define ACL_REVISION3    3
#define ACL_REVISION4    4
#define MAX_ACL_REVISION ACL_REVISION4

typedef struct _ACL {
    UCHAR AclRevision;
    UCHAR Sbz1;
    USHORT AclSize;
    USHORT AceCount;
    USHORT Sbz2;
} ACL, *PACL;

#define SECURITY_DESCRIPTOR_REVISION  (1)
#define SECURITY_DESCRIPTOR_REVISION1 (1)

#define SE_PRIVILEGE_ENABLED_BY_DEFAULT (0x00000001L)
#define SE_PRIVILEGE_ENABLED            (0x00000002L)
#define SE_PRIVILEGE_REMOVED            (0X00000004L)
#define SE_PRIVILEGE_USED_FOR_ACCESS    (0x80000000L)
#define SE_PRIVILEGE_VALID_ATTRIBUTES                                                   \
    (SE_PRIVILEGE_ENABLED_BY_DEFAULT | SE_PRIVILEGE_ENABLED | SE_PRIVILEGE_REMOVED |    \
     SE_PRIVILEGE_USED_FOR_ACCESS)

/* A LUID and its attributes: 12 bytes, packed to 4 (the WDK's #include <pshpack4.h>). */
#pragma pack(push, 4)
typedef struct _LUID_AND_ATTRIBUTES {
    LUID Luid;
    ULONG Attributes;
} LUID_AND_ATTRIBUTES, *PLUID_AND_ATTRIBUTES;
#pragma pack(pop)
typedef LUID_AND_ATTRIBUTES LUID_AND_ATTRIBUTES_ARRAY[ANYSIZE_ARRAY];
typedef LUID_AND_ATTRIBUTES_ARRAY *PLUID_AND_ATTRIBUTES_ARRAY;

#define PRIVILEGE_SET_ALL_NECESSARY (1)

typedef struct _PRIVILEGE_SET {
    ULONG PrivilegeCount;
    ULONG Control;
    LUID_AND_ATTRIBUTES Privilege[ANYSIZE_ARRAY];
} PRIVILEGE_SET, *PPRIVILEGE_SET;

typedef enum _SECURITY_IMPERSONATION_LEVEL {
    SecurityAnonymous,
    SecurityIdentification,
    SecurityImpersonation,
    SecurityDelegation
} SECURITY_IMPERSONATION_LEVEL, *PSECURITY_IMPERSONATION_LEVEL;

#define SECURITY_MAX_IMPERSONATION_LEVEL SecurityDelegation
#define SECURITY_MIN_IMPERSONATION_LEVEL SecurityAnonymous
#define DEFAULT_IMPERSONATION_LEVEL      SecurityImpersonation
#define VALID_IMPERSONATION_LEVEL(L)                                                    \
    (((L) >= SECURITY_MIN_IMPERSONATION_LEVEL) && ((L) <= SECURITY_MAX_IMPERSONATION_LEVEL))

#define SECURITY_DYNAMIC_TRACKING (TRUE)
#define SECURITY_STATIC_TRACKING  (FALSE)
typedef BOOLEAN SECURITY_CONTEXT_TRACKING_MODE, *PSECURITY_CONTEXT_TRACKING_MODE;

typedef struct _SECURITY_QUALITY_OF_SERVICE {
    ULONG Length;
    SECURITY_IMPERSONATION_LEVEL ImpersonationLevel;
    SECURITY_CONTEXT_TRACKING_MODE ContextTrackingMode;
    BOOLEAN EffectiveOnly;
} SECURITY_QUALITY_OF_SERVICE, *PSECURITY_QUALITY_OF_SERVICE;

typedef struct _SE_IMPERSONATION_STATE {
    PACCESS_TOKEN Token;
    BOOLEAN CopyOnOpen;
    BOOLEAN EffectiveOnly;
    SECURITY_IMPERSONATION_LEVEL Level;
} SE_IMPERSONATION_STATE, *PSE_IMPERSONATION_STATE;

typedef ULONG SECURITY_INFORMATION, *PSECURITY_INFORMATION;
#define OWNER_SECURITY_INFORMATION            (0x00000001L)
#define GROUP_SECURITY_INFORMATION            (0x00000002L)
#define DACL_SECURITY_INFORMATION             (0x00000004L)
#define SACL_SECURITY_INFORMATION             (0x00000008L)
#define LABEL_SECURITY_INFORMATION            (0x00000010L)
#define PROTECTED_DACL_SECURITY_INFORMATION   (0x80000000L)
#define PROTECTED_SACL_SECURITY_INFORMATION   (0x40000000L)
#define UNPROTECTED_DACL_SECURITY_INFORMATION (0x20000000L)
#define UNPROTECTED_SACL_SECURITY_INFORMATION (0x10000000L)

typedef enum _SECURITY_OPERATION_CODE {
    SetSecurityDescriptor,
    QuerySecurityDescriptor,
    DeleteSecurityDescriptor,
    AssignSecurityDescriptor
} SECURITY_OPERATION_CODE, *PSECURITY_OPERATION_CODE;

#define INITIAL_PRIVILEGE_COUNT 3
typedef struct _INITIAL_PRIVILEGE_SET {
    ULONG PrivilegeCount;
    ULONG Control;
    LUID_AND_ATTRIBUTES Privilege[INITIAL_PRIVILEGE_COUNT];
} INITIAL_PRIVILEGE_SET, *PINITIAL_PRIVILEGE_SET;

/* The well-known privileges' LUID low parts (wdm.h). */
#define SE_MIN_WELL_KNOWN_PRIVILEGE         (2L)
#define SE_CREATE_TOKEN_PRIVILEGE           (2L)
#define SE_ASSIGNPRIMARYTOKEN_PRIVILEGE     (3L)
#define SE_LOCK_MEMORY_PRIVILEGE            (4L)
#define SE_INCREASE_QUOTA_PRIVILEGE         (5L)
#define SE_MACHINE_ACCOUNT_PRIVILEGE        (6L)
#define SE_TCB_PRIVILEGE                    (7L)
#define SE_SECURITY_PRIVILEGE               (8L)
#define SE_TAKE_OWNERSHIP_PRIVILEGE         (9L)
#define SE_LOAD_DRIVER_PRIVILEGE            (10L)
#define SE_SYSTEM_PROFILE_PRIVILEGE         (11L)
#define SE_SYSTEMTIME_PRIVILEGE             (12L)
#define SE_PROF_SINGLE_PROCESS_PRIVILEGE    (13L)
#define SE_INC_BASE_PRIORITY_PRIVILEGE      (14L)
#define SE_CREATE_PAGEFILE_PRIVILEGE        (15L)
#define SE_CREATE_PERMANENT_PRIVILEGE       (16L)
#define SE_BACKUP_PRIVILEGE                 (17L)
#define SE_RESTORE_PRIVILEGE                (18L)
#define SE_SHUTDOWN_PRIVILEGE               (19L)
#define SE_DEBUG_PRIVILEGE                  (20L)
#define SE_AUDIT_PRIVILEGE                  (21L)
#define SE_SYSTEM_ENVIRONMENT_PRIVILEGE     (22L)
#define SE_CHANGE_NOTIFY_PRIVILEGE          (23L)
#define SE_REMOTE_SHUTDOWN_PRIVILEGE        (24L)
#define SE_UNDOCK_PRIVILEGE                 (25L)
#define SE_SYNC_AGENT_PRIVILEGE             (26L)
#define SE_ENABLE_DELEGATION_PRIVILEGE      (27L)
#define SE_MANAGE_VOLUME_PRIVILEGE          (28L)
#define SE_IMPERSONATE_PRIVILEGE            (29L)
#define SE_CREATE_GLOBAL_PRIVILEGE          (30L)
#define SE_TRUSTED_CREDMAN_ACCESS_PRIVILEGE (31L)
#define SE_RELABEL_PRIVILEGE                (32L)
#define SE_INC_WORKING_SET_PRIVILEGE        (33L)
#define SE_TIME_ZONE_PRIVILEGE              (34L)
#define SE_CREATE_SYMBOLIC_LINK_PRIVILEGE   (35L)
#define SE_DELEGATE_SESSION_USER_IMPERSONATE_PRIVILEGE (36L)
#define SE_MAX_WELL_KNOWN_PRIVILEGE         (SE_DELEGATE_SESSION_USER_IMPERSONATE_PRIVILEGE)

typedef struct _SECURITY_SUBJECT_CONTEXT {
    PACCESS_TOKEN ClientToken;
    SECURITY_IMPERSONATION_LEVEL ImpersonationLevel;
    PACCESS_TOKEN PrimaryToken;
    PVOID ProcessAuditId;
} SECURITY_SUBJECT_CONTEXT, *PSECURITY_SUBJECT_CONTEXT;

typedef struct _ACCESS_STATE {
    LUID OperationID;
    BOOLEAN SecurityEvaluated;
    BOOLEAN GenerateAudit;
    BOOLEAN GenerateOnClose;
    BOOLEAN PrivilegesAllocated;
    ULONG Flags;
    ACCESS_MASK RemainingDesiredAccess;
    ACCESS_MASK PreviouslyGrantedAccess;
    ACCESS_MASK OriginalDesiredAccess;
    SECURITY_SUBJECT_CONTEXT SubjectSecurityContext;
    PSECURITY_DESCRIPTOR SecurityDescriptor;
    PVOID AuxData;
    union {
        INITIAL_PRIVILEGE_SET InitialPrivilegeSet;
        PRIVILEGE_SET PrivilegeSet;
    } Privileges;
    BOOLEAN AuditPrivileges;
    UNICODE_STRING ObjectName;
    UNICODE_STRING ObjectTypeName;
} ACCESS_STATE, *PACCESS_STATE;

/* IRP_MJ_CREATE's Parameters.Create.SecurityContext (mmsim/wdm_io.h names the pointer). */
typedef struct _IO_SECURITY_CONTEXT {
    PSECURITY_QUALITY_OF_SERVICE SecurityQos;
    PACCESS_STATE AccessState;
    ACCESS_MASK DesiredAccess;
    ULONG FullCreateOptions;
} IO_SECURITY_CONTEXT;

/* ---------------------------------------------------------------------- */
/* Exported object types (wdm.h), beside *PsThreadType, *PsProcessType and */
/* *IoFileObjectType (mmsim/wdm_ps.h). Each is a distinct type: a handle   */
/* of another type is STATUS_OBJECT_TYPE_MISMATCH for                      */
/* ObReferenceObjectByHandle; mmsim hands out no handles to events,        */
/* semaphores, keys, tokens or transactions (docs/ps.md).                  */
/* ---------------------------------------------------------------------- */
extern POBJECT_TYPE *CmKeyObjectType;
extern POBJECT_TYPE *ExEventObjectType;
extern POBJECT_TYPE *ExSemaphoreObjectType;
extern POBJECT_TYPE *SeTokenObjectType;
extern POBJECT_TYPE *TmEnlistmentObjectType;
extern POBJECT_TYPE *TmResourceManagerObjectType;
extern POBJECT_TYPE *TmTransactionManagerObjectType;
extern POBJECT_TYPE *TmTransactionObjectType;

/* ---------------------------------------------------------------------- */
/* IoIs32bitProcess (wdm.h, _WIN64 only): TRUE when the IRP's originator   */
/* (with no IRP, the current process) is a 32-bit process under WOW64.     */
/* mmsim runs no 32-bit processes: FALSE.                                  */
/* ---------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI BOOLEAN IoIs32bitProcess(_In_opt_ PIRP Irp);

#ifdef __cplusplus
} /* extern "C" */
#endif

/*
 * MSVC's C compiler passes a pointer to any object pointer (PKEVENT *,
 * PETHREAD *) for ObReferenceObjectByHandle's `PVOID *Object` without a
 * diagnostic, and the WDK's own samples rely on it (the event and cancel
 * samples); gcc and clang reject it (-Wincompatible-pointer-types). In C, the
 * name is also a function-like macro over the function itself that converts
 * that one argument, as DbgPrint is (mmsim/msvc_va.h): a call is the same
 * call, and &ObReferenceObjectByHandle and (ObReferenceObjectByHandle)(...)
 * are the function. C++ keeps the function alone: MSVC's C++ rejects the
 * conversion too (C2664). mmsim's own sources (which define the function;
 * they include sim/mi.h, or build with MMSIM_BUILDING_SIM) do not see the macro.
 */
#if !defined(__cplusplus) && !defined(MMSIM_BUILDING_SIM) && !defined(MMSIM_MI_H)
#define ObReferenceObjectByHandle(Handle, DesiredAccess, ObjectType, AccessMode, Object,   \
                                  HandleInformation)                                       \
    (ObReferenceObjectByHandle)((Handle), (DesiredAccess), (ObjectType), (AccessMode),     \
                                (PVOID *)(Object), (HandleInformation))
#endif

#endif /* MMSIM_WDM_SE_H */
