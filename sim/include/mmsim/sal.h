/*
 * mmsim/sal.h - SAL 2.0 annotations as no-ops.
 *
 * The WDK's headers annotate every DDI with SAL (sal.h / driverspecs.h). Driver
 * sources use the same annotations, so they must compile here; the annotations
 * carry no code. Intent: faithful copy of the WDK's names, no behaviour.
 */
#ifndef MMSIM_SAL_H
#define MMSIM_SAL_H

#ifndef _In_
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _In_reads_(s)
#define _In_reads_opt_(s)
#define _In_reads_bytes_(s)
#define _In_reads_bytes_opt_(s)
#define _Out_
#define _Out_opt_
#define _Out_writes_(s)
#define _Out_writes_opt_(s)
#define _Out_writes_bytes_(s)
#define _Out_writes_bytes_opt_(s)
#define _Out_writes_bytes_all_(s)
#define _Inout_
#define _Inout_opt_
#define _Inout_updates_(s)
#define _Inout_updates_bytes_(s)
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Ret_z_
#define _Must_inspect_result_
#define _Check_return_
#define _Success_(e)
#define _Pre_
#define _Post_
#define _Pre_notnull_
#define _Post_invalid_
#define _Post_writable_byte_size_(s)
#define _Post_readable_byte_size_(s)
#define _Result_nullonfailure_
#define _Field_size_(s)
#define _Field_size_bytes_(s)
#define _Field_size_opt_(s)
#define _Field_range_(a, b)
#define _In_range_(a, b)
#define _Out_range_(a, b)
#define _Ret_range_(a, b)
#define _Strict_type_match_
#define _Notliteral_
#define _Literal_
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Analysis_assume_(e)
#define _Analysis_noreturn_
#define _Use_decl_annotations_
#define _Printf_format_string_
#define _Reserved_
#define _Interlocked_operand_
#define _Acquires_lock_(l)
#define _Releases_lock_(l)
#define _Requires_lock_held_(l)
#define _Requires_lock_not_held_(l)
#define _Guarded_by_(l)
#define _Acquires_exclusive_lock_(l)
#define _Releases_exclusive_lock_(l)
#define _When_(c, a)
#define _At_(t, a)
#define _Always_(a)
#define _On_failure_(a)
#endif

/* driverspecs.h: IRQL and driver annotations. */
#ifndef _IRQL_requires_max_
#define _IRQL_requires_max_(irql)
#define _IRQL_requires_min_(irql)
#define _IRQL_requires_(irql)
#define _IRQL_raises_(irql)
#define _IRQL_saves_
#define _IRQL_saves_global_(kind, param)
#define _IRQL_restores_
#define _IRQL_restores_global_(kind, param)
#define _IRQL_requires_same_
#define _IRQL_always_function_max_(irql)
#define _IRQL_always_function_min_(irql)
#define _IRQL_uses_cancel_
#define _IRQL_is_cancel_
#define _Kernel_requires_resource_held_(r)
#define _Kernel_requires_resource_not_held_(r)
#define _Kernel_acquires_resource_(r)
#define _Kernel_releases_resource_(r)
#define _Kernel_clear_do_init_(yn)
#define _Kernel_float_saved_
#define _Kernel_float_restored_
#define _Dispatch_type_(t)
#define _Function_class_(c)
#define __drv_allocatesMem(kind)
#define __drv_freesMem(kind)
#define __drv_aliasesMem
#define __drv_when(c, a)
#define __drv_maxIRQL(i)
#define __drv_minIRQL(i)
#define __drv_setsIRQL(i)
#define __drv_savesIRQL
#define __drv_restoresIRQL
#define __drv_requiresIRQL(i)
#define __drv_reportError(e)
#define __drv_strictTypeMatch(m)
#define __drv_preferredFunction(f, r)
#define __drv_inTry
#define __drv_notInTry
#define __drv_dispatchType(t)
#define __drv_sameIRQL
#define __drv_valueIs(v)
#define __drv_out(a)
#define __drv_in(a)
#define __drv_Mode_impl(x)
/* realdrv: the rest of driverspecs.h's __drv_ (SAL 1) annotations, which
 * older driver files still carry on their own functions (e.g.
 * __drv_functionClass on a work item routine); all analysis-only. */
#define __drv_functionClass(c)
#define __drv_acquiresResource(k)
#define __drv_releasesResource(k)
#define __drv_acquiresExclusiveResource(k)
#define __drv_releasesExclusiveResource(k)
#define __drv_acquiresResourceGlobal(k, p)
#define __drv_releasesResourceGlobal(k, p)
#define __drv_mustHold(k)
#define __drv_neverHold(k)
#define __drv_mustHoldGlobal(k, p)
#define __drv_neverHoldGlobal(k, p)
#define __drv_acquiresCancelSpinLock
#define __drv_releasesCancelSpinLock
#define __drv_mustHoldCancelSpinLock
#define __drv_neverHoldCancelSpinLock
#define __drv_acquiresCriticalRegion
#define __drv_releasesCriticalRegion
#define __drv_mustHoldCriticalRegion
#define __drv_neverHoldCriticalRegion
#define __drv_acquiresPriorityRegion
#define __drv_releasesPriorityRegion
#define __drv_mustHoldPriorityRegion
#define __drv_neverHoldPriorityRegion
#define __drv_clearDoInit(yn)
#define __drv_IoGetDmaAdapter
#define __drv_floatSaved
#define __drv_floatRestored
#define __drv_floatUsed
#define __drv_interlocked
#define __drv_isCancelIRQL
#define __drv_useCancelIRQL
#define __drv_raisesIRQL(i)
#define __drv_maxFunctionIRQL(i)
#define __drv_minFunctionIRQL(i)
#define __drv_savesIRQLGlobal(k, p)
#define __drv_restoresIRQLGlobal(k, p)
#define __drv_isObjectPointer
#define __drv_nonConstant
#define __drv_constant
#define __drv_formatString(k)
#define __drv_at(e, a)
#define __drv_arg(e, a)
#define __drv_ret(a)
#define __drv_fun(a)
#define __drv_deref(a)
#define __drv_in_deref(a)
#define __drv_out_deref(a)
#define __drv_dispatchType_other
#define __drv_completionType(k)
#define __drv_callbackType(k)
#define __drv_strictType(t, m)
#define __in
#define __out
#define __inout
#define __in_opt
#define __out_opt
#define __inout_opt
#endif

/* String annotations (ntstrsafe.h and driver string code). */
#ifndef _Post_z_
#define _Post_z_
#define _Null_terminated_
#define _In_reads_or_z_(s)
#define _In_reads_or_z_opt_(s)
#define _Out_writes_z_(s)
#define _Inout_updates_z_(s)
#define _Deref_out_range_(l, h)
#define _String_length_(s)
#endif

/* Buffer annotations the intrinsics use. */
#ifndef _Out_writes_all_
#define _Out_writes_all_(s)
#endif
#ifndef _Out_writes_bytes_all_
#define _Out_writes_bytes_all_(s)
#endif


/* realdrv3: the rest of the SAL 1 (specstrings.h) annotations that older
 * driver files carry on their own functions - buffer sizes, return checks,
 * dereferences, ranges - all analysis-only, as in mingw-w64's sal.h. The
 * short ones libstdc++ uses as identifiers (__range, __success, __callback,
 * __pre, __post, __valid, __readonly) are left out: defining them would break
 * a C++ driver's standard headers. */
#ifndef __checkReturn
#define __checkReturn
#endif
#ifndef __in_bcount
#define __bcount(s)
#define __ecount(s)
#define __in_bcount(s)
#define __in_bcount_nz(s)
#define __in_bcount_z(s)
#define __in_ecount(s)
#define __in_ecount_nz(s)
#define __in_ecount_z(s)
#define __in_bcount_opt(s)
#define __in_ecount_opt(s)
#define __in_z
#define __in_z_opt
#define __out_bcount(s)
#define __out_bcount_nz(s)
#define __out_bcount_z(s)
#define __out_bcount_full(s)
#define __out_bcount_full_z(s)
#define __out_bcount_part(s, l)
#define __out_bcount_part_z(s, l)
#define __out_bcount_opt(s)
#define __out_bcount_part_opt(s, l)
#define __out_ecount(s)
#define __out_ecount_nz(s)
#define __out_ecount_z(s)
#define __out_ecount_full(s)
#define __out_ecount_full_z(s)
#define __out_ecount_part(s, l)
#define __out_ecount_part_z(s, l)
#define __out_ecount_opt(s)
#define __out_ecount_part_opt(s, l)
#define __out_z
#define __out_z_opt
#define __inout_bcount(s)
#define __inout_bcount_nz(s)
#define __inout_bcount_z(s)
#define __inout_bcount_full(s)
#define __inout_bcount_part(s, l)
#define __inout_bcount_opt(s)
#define __inout_ecount(s)
#define __inout_ecount_nz(s)
#define __inout_ecount_z(s)
#define __inout_ecount_full(s)
#define __inout_ecount_part(s, l)
#define __inout_ecount_opt(s)
#define __inout_z
#define __inout_z_opt
#define __deref
#define __deref_in
#define __deref_inout
#define __deref_opt_in
#define __deref_opt_out
#define __deref_opt_inout
#define __deref_opt_out_bcount(s)
#define __deref_out
#define __deref_out_opt
#define __deref_out_bcount(s)
#define __deref_out_ecount(s)
#define __deref_out_z
#define __deref_inout_z
#define __in_range(lo, hi)
#define __out_range(lo, hi)
#define __nullterminated
#define __nullnullterminated
#define __reserved
#define __field_bcount(s)
#define __field_ecount(s)
#define __field_range(lo, hi)
#define __format_string
#define __typefix(t)
#define __notnull
#define __maybenull
#define __analysis_assume(e)
#endif


/* realdrv3: MSVC's sized integer keywords are built into its compiler, so a
 * driver header may use them after <sal.h> alone, before any WDK header
 * (WinPmem's pte_mmap.h); ntdef.h takes them from here. */
#ifndef __int8
#define __int8 char
#endif
#ifndef __int16
#define __int16 short
#endif
#ifndef __int32
#define __int32 int
#endif
#ifndef __int64
#define __int64 long long
#endif

#endif /* MMSIM_SAL_H */
