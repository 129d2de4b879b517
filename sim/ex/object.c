/*
 * object.c - the object manager's reference counts (docs/io.md, "Object
 * references"; docs/ps.md): ObfReferenceObject, ObfDereferenceObject,
 * ObReferenceObjectByPointer, and the object types a driver compares with
 * (*PsThreadType, *PsProcessType, *IoFileObjectType).
 *
 * mmsim keeps no object headers in driver-visible memory: the managers that
 * hand out objects keep each object's count in their own records and answer
 * for their own objects (mi.h, MiIoAdjustObject, MiPsAdjustObject). One
 * dereference too many, or a reference to an object already deleted, is
 * 0x18 REFERENCE_BY_POINTER (the object's type, the object, 0, 0: the last
 * two are reserved). An object no manager claims (a driver object, a test
 * thread's own KTHREAD) is accepted and not counted.
 */
#include "../mi.h"

/* Object types: the address is the type. */
struct _OBJECT_TYPE {
    const char *Name;
};
struct _OBJECT_TYPE MiThreadObjectType = {"Thread"};
struct _OBJECT_TYPE MiProcessObjectType = {"Process"};
struct _OBJECT_TYPE MiDeviceObjectType = {"Device"};
struct _OBJECT_TYPE MiFileObjectType = {"File"};
static POBJECT_TYPE MiThreadTypePointer = &MiThreadObjectType;
static POBJECT_TYPE MiProcessTypePointer = &MiProcessObjectType;
static POBJECT_TYPE MiFileTypePointer = &MiFileObjectType;
POBJECT_TYPE *PsThreadType = &MiThreadTypePointer;
POBJECT_TYPE *PsProcessType = &MiProcessTypePointer;
POBJECT_TYPE *IoFileObjectType = &MiFileTypePointer;

/* Asks the managers in turn; Type is NULL for an object none claims. */
static MI_OBJECT_ANSWER MiObAsk(PVOID Object, LONG Delta, ULONG_PTR Caller, POBJECT_TYPE *Type,
                                LONG_PTR *Count)
{
    MI_OBJECT_ANSWER Answer = MiIoAdjustObject(Object, Delta, Caller, Type, Count);
    if (Answer == MiObjectNotMine) {
        Answer = MiPsAdjustObject(Object, Delta, Type, Count);
    }
    if (Answer == MiObjectNotMine) {
        *Type = NULL;
        *Count = 1;
    }
    return Answer;
}

LONG_PTR MiObAdjust(PVOID Object, LONG Delta, ULONG_PTR Caller)
{
    MiCheckDriverPointer(Object, 0, false, Caller);
    POBJECT_TYPE Type;
    LONG_PTR Count;
    if (MiObAsk(Object, Delta, Caller, &Type, &Count) == MiObjectWrongCount) {
        KeBugCheckEx(REFERENCE_BY_POINTER, (ULONG_PTR)Type, (ULONG_PTR)Object, 0, 0);
    }
    return Count;
}

LONG_PTR FASTCALL ObfReferenceObject(PVOID Object)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ObfReferenceObject, 0, Caller);
    return MiObAdjust(Object, 1, Caller);
}

LONG_PTR FASTCALL ObfDereferenceObject(PVOID Object)
{
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ObfDereferenceObject, 0, Caller);
    return MiObAdjust(Object, -1, Caller);
}

NTSTATUS ObReferenceObjectByPointer(PVOID Object, ACCESS_MASK DesiredAccess,
                                    POBJECT_TYPE ObjectType, KPROCESSOR_MODE AccessMode)
{
    UNREFERENCED_PARAMETER(DesiredAccess);
    UNREFERENCED_PARAMETER(AccessMode);
    ULONG_PTR Caller = MI_CALLER_ADDRESS();
    MiDdiEnter(MiDdi_ObReferenceObjectByPointer, 0, Caller);
    MiCheckDriverPointer(Object, 0, false, Caller);
    POBJECT_TYPE Type;
    LONG_PTR Count;
    (void)MiObAsk(Object, 0, Caller, &Type, &Count);
    /* Every object of a type a driver can name is some manager's: one no manager
     * claims is of none of them. */
    if (ObjectType != NULL && ObjectType != Type) {
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    (void)MiObAdjust(Object, 1, Caller);
    return STATUS_SUCCESS;
}
