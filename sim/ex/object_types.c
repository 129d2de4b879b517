/*
 * object_types.c - the exported object types of wdm.h beyond the thread,
 * process and file types of object.c (survey33; mmsim/wdm_se.h), and
 * IoIs32bitProcess.
 *
 * Each type is a distinct object whose address is the type, as object.c's:
 * drivers pass *ExEventObjectType and its siblings to ObReferenceObjectByHandle,
 * which answers STATUS_OBJECT_TYPE_MISMATCH for a handle of another type
 * (mmsim hands out handles to threads and processes only: docs/ps.md).
 */
#include "../mi.h"

struct _OBJECT_TYPE {
    const char *Name;
};

#define MI_EXPORTED_TYPE(Variable, TypeName)                                            \
    static struct _OBJECT_TYPE Mi##Variable##Object = {TypeName};                        \
    static POBJECT_TYPE Mi##Variable##Pointer = &Mi##Variable##Object;                  \
    POBJECT_TYPE *Variable = &Mi##Variable##Pointer;

MI_EXPORTED_TYPE(CmKeyObjectType, "Key")
MI_EXPORTED_TYPE(ExEventObjectType, "Event")
MI_EXPORTED_TYPE(ExSemaphoreObjectType, "Semaphore")
MI_EXPORTED_TYPE(SeTokenObjectType, "Token")
MI_EXPORTED_TYPE(TmEnlistmentObjectType, "TmEn")
MI_EXPORTED_TYPE(TmResourceManagerObjectType, "TmRm")
MI_EXPORTED_TYPE(TmTransactionManagerObjectType, "TmTm")
MI_EXPORTED_TYPE(TmTransactionObjectType, "TmTx")

/* wdm/nf-wdm-iois32bitprocess: <= DISPATCH_LEVEL. mmsim runs no WOW64 process,
 * so no request comes from a 32-bit one. */
BOOLEAN IoIs32bitProcess(PIRP Irp)
{
    UNREFERENCED_PARAMETER(Irp);
    MiDdiEnter(MiDdi_IoIs32bitProcess, 0, MI_CALLER_ADDRESS());
    return FALSE;
}
