/* A driver file that uses names outside mmsim's scope (tests/oracle/
 * out_of_scope.txt): compiling it must fail, naming each (ctest
 * out_of_scope_*_names_it). */
#include <ntddk.h>

NTSTATUS DriverEntry(PVOID DriverObject, PVOID RegistryPath);

NTSTATUS DriverEntry(PVOID DriverObject, PVOID RegistryPath)
{
    (void)DriverObject;
    (void)RegistryPath;
#ifdef USE_TYPE
    KINTERRUPT_MODE Mode;
    (void)Mode;
#else
    KeSynchronizeExecution(NULL, NULL, NULL);
#endif
    return STATUS_SUCCESS;
}
