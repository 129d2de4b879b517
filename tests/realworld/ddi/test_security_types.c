/*
 * test_security_types.c - what survey33 added to <wdm.h> (mmsim/wdm_se.h;
 * docs/wdk-surface.md, "Found by compiling further real files (survey33)"):
 *
 *   the security types           layouts as the x64 WDK's (mingw-w64's ddk headers
 *                                agree: ACCESS_STATE 160 bytes, ...), values
 *   the exported object types    distinct; ObReferenceObjectByHandle of a thread handle
 *                                with another type: STATUS_OBJECT_TYPE_MISMATCH
 *   ObReferenceObjectByHandle    in C, a PKEVENT * / PETHREAD * for its PVOID * Object,
 *                                as MSVC's C compiler takes it (this file does not
 *                                compile as C without that)
 *   IoIs32bitProcess             FALSE (no WOW64 process); <= DISPATCH_LEVEL, else 0xA
 */
#include <ntddk.h>

#include <mmsim_cmocka.h>

/* The x64 layouts (offsets and sizes as the WDK's and mingw-w64's headers give them). */
C_ASSERT(sizeof(LUID_AND_ATTRIBUTES) == 12); /* packed to 4 */
C_ASSERT(sizeof(PRIVILEGE_SET) == 20);
C_ASSERT(sizeof(INITIAL_PRIVILEGE_SET) == 44);
C_ASSERT(sizeof(SECURITY_SUBJECT_CONTEXT) == 32);
C_ASSERT(sizeof(SECURITY_QUALITY_OF_SERVICE) == 12);
C_ASSERT(sizeof(GENERIC_MAPPING) == 16);
C_ASSERT(sizeof(SE_IMPERSONATION_STATE) == 16);
C_ASSERT(sizeof(ACL) == 8);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, Flags) == 12);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, SubjectSecurityContext) == 32);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, SecurityDescriptor) == 64);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, Privileges) == 80);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, AuditPrivileges) == 124);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, ObjectName) == 128);
C_ASSERT(FIELD_OFFSET(ACCESS_STATE, ObjectTypeName) == 144);
C_ASSERT(sizeof(ACCESS_STATE) == 160);
C_ASSERT(sizeof(IO_SECURITY_CONTEXT) == 24);
C_ASSERT(FIELD_OFFSET(IO_SECURITY_CONTEXT, DesiredAccess) == 16);

/* What the file names as IRP_MJ_CREATE's security context is the one structure. */
static PACCESS_STATE AccessStateOf(PIO_STACK_LOCATION Stack)
{
    return Stack->Parameters.Create.SecurityContext->AccessState;
}

/* C takes the typed out-pointer as MSVC's C does; C++ (MSVC's too) wants the cast. */
#ifdef __cplusplus
#define OBJECT_OUT(p) ((PVOID *)(p))
#else
#define OBJECT_OUT(p) (p)
#endif

SIM_TEST(ValuesAreTheWdks)
{
    static const struct {
        const char *Name;
        LONGLONG Value, Expected;
    } Values[] = {
        {"SetSecurityDescriptor", SetSecurityDescriptor, 0},
        {"AssignSecurityDescriptor", AssignSecurityDescriptor, 3},
        {"SecurityDelegation", SecurityDelegation, 3},
        {"DEFAULT_IMPERSONATION_LEVEL", DEFAULT_IMPERSONATION_LEVEL, SecurityImpersonation},
        {"SE_DEBUG_PRIVILEGE", SE_DEBUG_PRIVILEGE, 20},
        {"SE_LOAD_DRIVER_PRIVILEGE", SE_LOAD_DRIVER_PRIVILEGE, 10},
        {"SE_MAX_WELL_KNOWN_PRIVILEGE", SE_MAX_WELL_KNOWN_PRIVILEGE, 36},
        {"DACL_SECURITY_INFORMATION", DACL_SECURITY_INFORMATION, 4},
        {"PROTECTED_DACL_SECURITY_INFORMATION", PROTECTED_DACL_SECURITY_INFORMATION,
         0x80000000LL},
        {"SE_PRIVILEGE_USED_FOR_ACCESS", SE_PRIVILEGE_USED_FOR_ACCESS, 0x80000000LL},
        {"INITIAL_PRIVILEGE_COUNT", INITIAL_PRIVILEGE_COUNT, 3},
        {"ACL_REVISION", ACL_REVISION, 2},
        {"MAX_ACL_REVISION", MAX_ACL_REVISION, 4},
    };
    for (size_t i = 0; i < sizeof(Values) / sizeof(Values[0]); i++) {
        if (Values[i].Value != Values[i].Expected) {
            fail_msg("%s is %lld, the WDK's %lld", Values[i].Name, Values[i].Value,
                     Values[i].Expected);
        }
    }
    assert_true(VALID_IMPERSONATION_LEVEL(SecurityAnonymous));
    assert_false(VALID_IMPERSONATION_LEVEL(SecurityDelegation + 1));
    (void)AccessStateOf;
}

SIM_TEST(ObjectTypesAreDistinct)
{
    POBJECT_TYPE Types[] = {*CmKeyObjectType,        *ExEventObjectType,
                            *ExSemaphoreObjectType,  *IoFileObjectType,
                            *PsThreadType,           *PsProcessType,
                            *SeTokenObjectType,      *TmEnlistmentObjectType,
                            *TmResourceManagerObjectType, *TmTransactionManagerObjectType,
                            *TmTransactionObjectType};
    size_t Count = sizeof(Types) / sizeof(Types[0]);
    for (size_t i = 0; i < Count; i++) {
        assert_non_null(Types[i]);
        for (size_t j = 0; j < i; j++) {
            assert_ptr_not_equal(Types[i], Types[j]);
        }
    }
}

static KSTART_ROUTINE Returns;
static VOID Returns(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
}

SIM_TEST(AThreadHandleIsNoEventSemaphoreKeyOrToken)
{
    HANDLE Handle;
    assert_int_equal(PsCreateSystemThread(&Handle, THREAD_ALL_ACCESS, NULL, NULL, NULL,
                                          Returns, NULL),
                     STATUS_SUCCESS);
    POBJECT_TYPE Others[] = {*ExEventObjectType, *ExSemaphoreObjectType, *CmKeyObjectType,
                             *SeTokenObjectType, *TmTransactionObjectType};
    for (size_t i = 0; i < sizeof(Others) / sizeof(Others[0]); i++) {
        PKEVENT Event = NULL; /* as the event sample passes its PKEVENT's address */
        assert_int_equal(ObReferenceObjectByHandle(Handle, SYNCHRONIZE | EVENT_MODIFY_STATE,
                                                   Others[i], KernelMode, OBJECT_OUT(&Event),
                                                   NULL),
                         STATUS_OBJECT_TYPE_MISMATCH);
        assert_null(Event);
    }
    PETHREAD Thread = NULL; /* as the cancel sample passes its PETHREAD's address */
    assert_int_equal(ObReferenceObjectByHandle(Handle, THREAD_ALL_ACCESS, *PsThreadType,
                                               KernelMode, OBJECT_OUT(&Thread), NULL),
                     STATUS_SUCCESS);
    assert_non_null(Thread);
    assert_int_equal(ZwClose(Handle), STATUS_SUCCESS);
    assert_int_equal(KeWaitForSingleObject(Thread, Executive, KernelMode, FALSE, NULL),
                     STATUS_SUCCESS);
    ObDereferenceObject(Thread);
}

SIM_TEST(NoRequestComesFromA32BitProcess)
{
    /*   caller                          IRQL             result
     *   fast I/O (no IRP)               PASSIVE_LEVEL    FALSE
     *   an IRP                          DISPATCH_LEVEL   FALSE
     *   any                             above DISPATCH   0xA (0, IRQL, 0, caller) */
    assert_false(IoIs32bitProcess(NULL));
    PIRP Irp = IoAllocateIrp(1, FALSE);
    assert_non_null(Irp);
    KIRQL Old;
    KeRaiseIrql(DISPATCH_LEVEL, &Old);
    assert_false(IoIs32bitProcess(Irp));
    KeLowerIrql(Old);
    IoFreeIrp(Irp);
    KeRaiseIrql(HIGH_LEVEL, &Old);
    SIM_EXPECT_BUGCHECK4(0xA, 0, HIGH_LEVEL, 0, SIM_ANY, IoIs32bitProcess(NULL));
    SimReset();
}

int main(void)
{
    return SimRunTests("realworld: wdm.h's security types and object types (survey33)", NULL,
                       NULL);
}
