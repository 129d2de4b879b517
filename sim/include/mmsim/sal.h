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
/* Defined in C++ too, unlike mingw-w64's sal.h: Microsoft's own C++ driver
 * code annotates with them (KMDF's mx primitives). libstdc++ names
 * parameters __in and __out, so a C++ file includes the standard library
 * before the kernel headers (docs/wdk-surface.md). */
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


/* survey31: every other annotation of the WDK's sal.h and driverspecs.h
 * (the names and parameter counts mingw-w64's headers spell too; the
 * oracle_sal test compares them), so a driver that annotates its own types
 * and functions with any of them (MiniVisor's `typedef
 * _Return_type_success_(return >= 0) long MV_STATUS;`) compiles. All
 * analysis-only. `__range` is left out, as above. */
#ifndef _Return_type_success_
#define _Analysis_assume_nullterminated_(a)
#define _Analysis_mode_(a)
#define _At_buffer_(a, b, c, d)
#define _COM_Outptr_
#define _COM_Outptr_opt_
#define _COM_Outptr_opt_result_maybenull_
#define _COM_Outptr_result_maybenull_
#define _Called_from_function_class_(a)
#define _Const_
#define _Deref_in_range_(a, b)
#define _Deref_inout_range_(a, b)
#define _Deref_opt_out_
#define _Deref_opt_out_opt_
#define _Deref_out_
#define _Deref_out_opt_
#define _Deref_ret_range_(a, b)
#define _Field_size_bytes_full_(a)
#define _Field_size_bytes_full_opt_(a)
#define _Field_size_bytes_opt_(a)
#define _Field_size_bytes_part_(a, b)
#define _Field_size_bytes_part_opt_(a, b)
#define _Field_size_full_(a)
#define _Field_size_full_opt_(a)
#define _Field_size_part_(a, b)
#define _Field_size_part_opt_(a, b)
#define _Field_z_
#define _Format_string_impl_(a, b)
#define _Group_(a)
#define _In_bytecount_(a)
#define _In_bytecount_c_(a)
#define _In_bytecount_x_(a)
#define _In_count_(a)
#define _In_count_c_(a)
#define _In_count_x_(a)
#define _In_opt_bytecount_(a)
#define _In_opt_bytecount_c_(a)
#define _In_opt_bytecount_x_(a)
#define _In_opt_count_(a)
#define _In_opt_count_c_(a)
#define _In_opt_count_x_(a)
#define _In_opt_ptrdiff_count_(a)
#define _In_opt_z_bytecount_(a)
#define _In_opt_z_bytecount_c_(a)
#define _In_opt_z_count_(a)
#define _In_opt_z_count_c_(a)
#define _In_ptrdiff_count_(a)
#define _In_reads_opt_z_(a)
#define _In_reads_to_ptr_(a)
#define _In_reads_to_ptr_opt_(a)
#define _In_reads_to_ptr_opt_z_(a)
#define _In_reads_to_ptr_z_(a)
#define _In_reads_z_(a)
#define _In_z_bytecount_(a)
#define _In_z_bytecount_c_(a)
#define _In_z_count_(a)
#define _In_z_count_c_(a)
#define _Inout_bytecap_(a)
#define _Inout_bytecap_c_(a)
#define _Inout_bytecap_x_(a)
#define _Inout_bytecount_(a)
#define _Inout_bytecount_c_(a)
#define _Inout_bytecount_x_(a)
#define _Inout_cap_(a)
#define _Inout_cap_c_(a)
#define _Inout_cap_x_(a)
#define _Inout_count_(a)
#define _Inout_count_c_(a)
#define _Inout_count_x_(a)
#define _Inout_opt_bytecap_(a)
#define _Inout_opt_bytecap_c_(a)
#define _Inout_opt_bytecap_x_(a)
#define _Inout_opt_bytecount_(a)
#define _Inout_opt_bytecount_c_(a)
#define _Inout_opt_bytecount_x_(a)
#define _Inout_opt_cap_(a)
#define _Inout_opt_cap_c_(a)
#define _Inout_opt_cap_x_(a)
#define _Inout_opt_count_(a)
#define _Inout_opt_count_c_(a)
#define _Inout_opt_count_x_(a)
#define _Inout_opt_ptrdiff_count_(a)
#define _Inout_opt_z_
#define _Inout_opt_z_bytecap_(a)
#define _Inout_opt_z_bytecap_c_(a)
#define _Inout_opt_z_bytecap_x_(a)
#define _Inout_opt_z_bytecount_(a)
#define _Inout_opt_z_bytecount_c_(a)
#define _Inout_opt_z_cap_(a)
#define _Inout_opt_z_cap_c_(a)
#define _Inout_opt_z_cap_x_(a)
#define _Inout_opt_z_count_(a)
#define _Inout_opt_z_count_c_(a)
#define _Inout_ptrdiff_count_(a)
#define _Inout_updates_all_(a)
#define _Inout_updates_all_opt_(a)
#define _Inout_updates_bytes_all_(a)
#define _Inout_updates_bytes_all_opt_(a)
#define _Inout_updates_bytes_opt_(a)
#define _Inout_updates_bytes_to_(a, b)
#define _Inout_updates_bytes_to_opt_(a, b)
#define _Inout_updates_opt_(a)
#define _Inout_updates_opt_z_(a)
#define _Inout_updates_to_(a, b)
#define _Inout_updates_to_opt_(a, b)
#define _Inout_z_
#define _Inout_z_bytecap_(a)
#define _Inout_z_bytecap_c_(a)
#define _Inout_z_bytecap_x_(a)
#define _Inout_z_bytecount_(a)
#define _Inout_z_bytecount_c_(a)
#define _Inout_z_cap_(a)
#define _Inout_z_cap_c_(a)
#define _Inout_z_cap_x_(a)
#define _Inout_z_count_(a)
#define _Inout_z_count_c_(a)
#define _Maybe_raises_SEH_exception_
#define _NullNull_terminated_
#define _Out_bytecap_(a)
#define _Out_bytecap_c_(a)
#define _Out_bytecap_post_bytecount_(a, b)
#define _Out_bytecap_x_(a)
#define _Out_bytecapcount_(a)
#define _Out_bytecapcount_x_(a)
#define _Out_cap_(a)
#define _Out_cap_c_(a)
#define _Out_cap_m_(a, b)
#define _Out_cap_post_count_(a, b)
#define _Out_cap_x_(a)
#define _Out_capcount_(a)
#define _Out_capcount_x_(a)
#define _Out_opt_bytecap_(a)
#define _Out_opt_bytecap_c_(a)
#define _Out_opt_bytecap_post_bytecount_(a, b)
#define _Out_opt_bytecap_x_(a)
#define _Out_opt_bytecapcount_(a)
#define _Out_opt_bytecapcount_x_(a)
#define _Out_opt_cap_(a)
#define _Out_opt_cap_c_(a)
#define _Out_opt_cap_m_(a, b)
#define _Out_opt_cap_post_count_(a, b)
#define _Out_opt_cap_x_(a)
#define _Out_opt_capcount_(a)
#define _Out_opt_capcount_x_(a)
#define _Out_opt_ptrdiff_cap_(a)
#define _Out_opt_z_bytecap_(a)
#define _Out_opt_z_bytecap_c_(a)
#define _Out_opt_z_bytecap_post_bytecount_(a, b)
#define _Out_opt_z_bytecap_x_(a)
#define _Out_opt_z_bytecapcount_(a)
#define _Out_opt_z_cap_(a)
#define _Out_opt_z_cap_c_(a)
#define _Out_opt_z_cap_m_(a, b)
#define _Out_opt_z_cap_post_count_(a, b)
#define _Out_opt_z_cap_x_(a)
#define _Out_opt_z_capcount_(a)
#define _Out_ptrdiff_cap_(a)
#define _Out_writes_all_opt_(a)
#define _Out_writes_bytes_all_opt_(a)
#define _Out_writes_bytes_to_opt_(a, b)
#define _Out_writes_opt_z_(a)
#define _Out_writes_to_opt_(a, b)
#define _Out_writes_to_ptr_(a)
#define _Out_writes_to_ptr_opt_(a)
#define _Out_writes_to_ptr_opt_z_(a)
#define _Out_writes_to_ptr_z_(a)
#define _Out_z_bytecap_(a)
#define _Out_z_bytecap_c_(a)
#define _Out_z_bytecap_post_bytecount_(a, b)
#define _Out_z_bytecap_x_(a)
#define _Out_z_bytecapcount_(a)
#define _Out_z_cap_(a)
#define _Out_z_cap_c_(a)
#define _Out_z_cap_m_(a, b)
#define _Out_z_cap_post_count_(a, b)
#define _Out_z_cap_x_(a)
#define _Out_z_capcount_(a)
#define _Outptr_opt_result_buffer_(a)
#define _Outptr_opt_result_buffer_all_(a)
#define _Outptr_opt_result_buffer_all_maybenull_(a)
#define _Outptr_opt_result_buffer_maybenull_(a)
#define _Outptr_opt_result_buffer_to_(a, b)
#define _Outptr_opt_result_buffer_to_maybenull_(a, b)
#define _Outptr_opt_result_bytebuffer_(a)
#define _Outptr_opt_result_bytebuffer_all_(a)
#define _Outptr_opt_result_bytebuffer_all_maybenull_(a)
#define _Outptr_opt_result_bytebuffer_maybenull_(a)
#define _Outptr_opt_result_bytebuffer_to_(a, b)
#define _Outptr_opt_result_bytebuffer_to_maybenull_(a, b)
#define _Outptr_opt_result_maybenull_
#define _Outptr_opt_result_maybenull_z_
#define _Outptr_opt_result_nullonfailure_
#define _Outptr_opt_result_z_
#define _Outptr_result_buffer_(a)
#define _Outptr_result_buffer_all_(a)
#define _Outptr_result_buffer_all_maybenull_(a)
#define _Outptr_result_buffer_maybenull_(a)
#define _Outptr_result_buffer_to_(a, b)
#define _Outptr_result_buffer_to_maybenull_(a, b)
#define _Outptr_result_bytebuffer_(a)
#define _Outptr_result_bytebuffer_all_(a)
#define _Outptr_result_bytebuffer_all_maybenull_(a)
#define _Outptr_result_bytebuffer_maybenull_(a)
#define _Outptr_result_bytebuffer_to_(a, b)
#define _Outptr_result_bytebuffer_to_maybenull_(a, b)
#define _Outptr_result_maybenull_z_
#define _Outptr_result_nullonfailure_
#define _Outptr_result_z_
#define _Outref_
#define _Outref_result_buffer_(a)
#define _Outref_result_buffer_all_(a)
#define _Outref_result_buffer_all_maybenull_(a)
#define _Outref_result_buffer_maybenull_(a)
#define _Outref_result_buffer_to_(a, b)
#define _Outref_result_buffer_to_maybenull_(a, b)
#define _Outref_result_bytebuffer_(a)
#define _Outref_result_bytebuffer_all_(a)
#define _Outref_result_bytebuffer_all_maybenull_(a)
#define _Outref_result_bytebuffer_maybenull_(a)
#define _Outref_result_bytebuffer_to_(a, b)
#define _Outref_result_bytebuffer_to_maybenull_(a, b)
#define _Outref_result_maybenull_
#define _Outref_result_nullonfailure_
#define _Points_to_data_
#define _Post_equal_to_(a)
#define _Post_readable_size_(a)
#define _Post_satisfies_(a)
#define _Post_writable_size_(a)
#define _Pre_equal_to_(a)
#define _Pre_readable_byte_size_(a)
#define _Pre_readable_size_(a)
#define _Pre_satisfies_(a)
#define _Pre_writable_byte_size_(a)
#define _Pre_writable_size_(a)
#define _Printf_format_string_params_(a)
#define _Raises_SEH_exception_
#define _Readable_bytes_(a)
#define _Readable_elements_(a)
#define _Result_zeroonfailure_
#define _Ret_maybenull_z_
#define _Ret_null_
#define _Ret_valid_
#define _Ret_writes_(a)
#define _Ret_writes_bytes_(a)
#define _Ret_writes_bytes_maybenull_(a)
#define _Ret_writes_bytes_to_(a, b)
#define _Ret_writes_bytes_to_maybenull_(a, b)
#define _Ret_writes_maybenull_(a)
#define _Ret_writes_maybenull_z_(a)
#define _Ret_writes_to_(a, b)
#define _Ret_writes_to_maybenull_(a, b)
#define _Ret_writes_z_(a)
#define _Return_type_success_(a)
#define _Scanf_format_string_
#define _Scanf_format_string_params_(a)
#define _Scanf_s_format_string_
#define _Scanf_s_format_string_params_(a)
#define _Struct_size_bytes_(a)
#define _Unchanged_(a)
#define _Writable_bytes_(a)
#define _Writable_elements_(a)
#define __inner_checkReturn
#define __internal_kernel_driver
#define __kernel_code
#define __kernel_driver
#define __user_code
#define __user_driver
#endif

/* survey31: and the rest of the public annotations of Microsoft's own sal.h
 * that mingw-w64's lacks (the pre/post, deref, ret and bound layers: e.g.
 * MiniVisor's `_Post_maybenull_` on its own allocator); the parameter
 * counts are Microsoft's. mingw-w64 defines none of these, so on a Windows
 * host this block is all mmsim's. */
#ifndef _Post_maybenull_
#define _Deref_in_bound_
#define _Deref_inout_bound_
#define _Deref_inout_z_
#define _Deref_inout_z_bytecap_c_(a)
#define _Deref_inout_z_cap_c_(a)
#define _Deref_opt_out_opt_z_
#define _Deref_opt_out_z_
#define _Deref_out_bound_
#define _Deref_out_opt_z_
#define _Deref_out_z_
#define _Deref_out_z_bytecap_c_(a)
#define _Deref_out_z_cap_c_(a)
#define _Deref_post_bytecap_(a)
#define _Deref_post_bytecap_c_(a)
#define _Deref_post_bytecap_x_(a)
#define _Deref_post_bytecount_(a)
#define _Deref_post_bytecount_c_(a)
#define _Deref_post_bytecount_x_(a)
#define _Deref_post_cap_(a)
#define _Deref_post_cap_c_(a)
#define _Deref_post_cap_x_(a)
#define _Deref_post_count_(a)
#define _Deref_post_count_c_(a)
#define _Deref_post_count_x_(a)
#define _Deref_post_maybenull_
#define _Deref_post_notnull_
#define _Deref_post_null_
#define _Deref_post_opt_bytecap_(a)
#define _Deref_post_opt_bytecap_c_(a)
#define _Deref_post_opt_bytecap_x_(a)
#define _Deref_post_opt_bytecount_(a)
#define _Deref_post_opt_bytecount_c_(a)
#define _Deref_post_opt_bytecount_x_(a)
#define _Deref_post_opt_cap_(a)
#define _Deref_post_opt_cap_c_(a)
#define _Deref_post_opt_cap_x_(a)
#define _Deref_post_opt_count_(a)
#define _Deref_post_opt_count_c_(a)
#define _Deref_post_opt_count_x_(a)
#define _Deref_post_opt_valid_
#define _Deref_post_opt_valid_bytecap_(a)
#define _Deref_post_opt_valid_bytecap_c_(a)
#define _Deref_post_opt_valid_bytecap_x_(a)
#define _Deref_post_opt_valid_cap_(a)
#define _Deref_post_opt_valid_cap_c_(a)
#define _Deref_post_opt_valid_cap_x_(a)
#define _Deref_post_opt_z_
#define _Deref_post_opt_z_bytecap_(a)
#define _Deref_post_opt_z_bytecap_c_(a)
#define _Deref_post_opt_z_bytecap_x_(a)
#define _Deref_post_opt_z_cap_(a)
#define _Deref_post_opt_z_cap_c_(a)
#define _Deref_post_opt_z_cap_x_(a)
#define _Deref_post_valid_
#define _Deref_post_valid_bytecap_(a)
#define _Deref_post_valid_bytecap_c_(a)
#define _Deref_post_valid_bytecap_x_(a)
#define _Deref_post_valid_cap_(a)
#define _Deref_post_valid_cap_c_(a)
#define _Deref_post_valid_cap_x_(a)
#define _Deref_post_z_
#define _Deref_post_z_bytecap_(a)
#define _Deref_post_z_bytecap_c_(a)
#define _Deref_post_z_bytecap_x_(a)
#define _Deref_post_z_cap_(a)
#define _Deref_post_z_cap_c_(a)
#define _Deref_post_z_cap_x_(a)
#define _Deref_pre_bytecap_(a)
#define _Deref_pre_bytecap_c_(a)
#define _Deref_pre_bytecap_x_(a)
#define _Deref_pre_bytecount_(a)
#define _Deref_pre_bytecount_c_(a)
#define _Deref_pre_bytecount_x_(a)
#define _Deref_pre_cap_(a)
#define _Deref_pre_cap_c_(a)
#define _Deref_pre_cap_x_(a)
#define _Deref_pre_count_(a)
#define _Deref_pre_count_c_(a)
#define _Deref_pre_count_x_(a)
#define _Deref_pre_invalid_
#define _Deref_pre_maybenull_
#define _Deref_pre_notnull_
#define _Deref_pre_null_
#define _Deref_pre_opt_bytecap_(a)
#define _Deref_pre_opt_bytecap_c_(a)
#define _Deref_pre_opt_bytecap_x_(a)
#define _Deref_pre_opt_bytecount_(a)
#define _Deref_pre_opt_bytecount_c_(a)
#define _Deref_pre_opt_bytecount_x_(a)
#define _Deref_pre_opt_cap_(a)
#define _Deref_pre_opt_cap_c_(a)
#define _Deref_pre_opt_cap_x_(a)
#define _Deref_pre_opt_count_(a)
#define _Deref_pre_opt_count_c_(a)
#define _Deref_pre_opt_count_x_(a)
#define _Deref_pre_opt_valid_
#define _Deref_pre_opt_valid_bytecap_(a)
#define _Deref_pre_opt_valid_bytecap_c_(a)
#define _Deref_pre_opt_valid_bytecap_x_(a)
#define _Deref_pre_opt_valid_cap_(a)
#define _Deref_pre_opt_valid_cap_c_(a)
#define _Deref_pre_opt_valid_cap_x_(a)
#define _Deref_pre_opt_z_
#define _Deref_pre_opt_z_bytecap_(a)
#define _Deref_pre_opt_z_bytecap_c_(a)
#define _Deref_pre_opt_z_bytecap_x_(a)
#define _Deref_pre_opt_z_cap_(a)
#define _Deref_pre_opt_z_cap_c_(a)
#define _Deref_pre_opt_z_cap_x_(a)
#define _Deref_pre_readonly_
#define _Deref_pre_valid_
#define _Deref_pre_valid_bytecap_(a)
#define _Deref_pre_valid_bytecap_c_(a)
#define _Deref_pre_valid_bytecap_x_(a)
#define _Deref_pre_valid_cap_(a)
#define _Deref_pre_valid_cap_c_(a)
#define _Deref_pre_valid_cap_x_(a)
#define _Deref_pre_writeonly_
#define _Deref_pre_z_
#define _Deref_pre_z_bytecap_(a)
#define _Deref_pre_z_bytecap_c_(a)
#define _Deref_pre_z_bytecap_x_(a)
#define _Deref_pre_z_cap_(a)
#define _Deref_pre_z_cap_c_(a)
#define _Deref_pre_z_cap_x_(a)
#define _Deref_prepost_bytecap_(a)
#define _Deref_prepost_bytecap_x_(a)
#define _Deref_prepost_bytecount_(a)
#define _Deref_prepost_bytecount_x_(a)
#define _Deref_prepost_cap_(a)
#define _Deref_prepost_cap_x_(a)
#define _Deref_prepost_count_(a)
#define _Deref_prepost_count_x_(a)
#define _Deref_prepost_opt_bytecap_(a)
#define _Deref_prepost_opt_bytecap_x_(a)
#define _Deref_prepost_opt_bytecount_(a)
#define _Deref_prepost_opt_bytecount_x_(a)
#define _Deref_prepost_opt_cap_(a)
#define _Deref_prepost_opt_cap_x_(a)
#define _Deref_prepost_opt_count_(a)
#define _Deref_prepost_opt_count_x_(a)
#define _Deref_prepost_opt_valid_
#define _Deref_prepost_opt_valid_bytecap_(a)
#define _Deref_prepost_opt_valid_bytecap_x_(a)
#define _Deref_prepost_opt_valid_cap_(a)
#define _Deref_prepost_opt_valid_cap_x_(a)
#define _Deref_prepost_opt_z_
#define _Deref_prepost_opt_z_bytecap_(a)
#define _Deref_prepost_opt_z_cap_(a)
#define _Deref_prepost_valid_
#define _Deref_prepost_valid_bytecap_(a)
#define _Deref_prepost_valid_bytecap_x_(a)
#define _Deref_prepost_valid_cap_(a)
#define _Deref_prepost_valid_cap_x_(a)
#define _Deref_prepost_z_
#define _Deref_prepost_z_bytecap_(a)
#define _Deref_prepost_z_cap_(a)
#define _Deref_ret_bound_
#define _Deref_ret_opt_z_
#define _Deref_ret_z_
#define _Enum_is_bitflag_
#define _In_bound_
#define _In_defensive_(a)
#define _In_function_class_(a)
#define _Inout_defensive_(a)
#define _Maybenull_
#define _Maybevalid_
#define _Notnull_
#define _Notref_
#define _Notvalid_
#define _Null_
#define _Out_bound_
#define _Out_defensive_(a)
#define _Post_bytecap_(a)
#define _Post_bytecount_(a)
#define _Post_bytecount_c_(a)
#define _Post_bytecount_x_(a)
#define _Post_cap_(a)
#define _Post_count_(a)
#define _Post_count_c_(a)
#define _Post_count_x_(a)
#define _Post_defensive_
#define _Post_maybenull_
#define _Post_maybez_
#define _Post_notnull_
#define _Post_null_
#define _Post_ptr_invalid_
#define _Post_valid_
#define _Post_z_bytecount_(a)
#define _Post_z_bytecount_c_(a)
#define _Post_z_bytecount_x_(a)
#define _Post_z_count_(a)
#define _Post_z_count_c_(a)
#define _Post_z_count_x_(a)
#define _Pre_bytecap_(a)
#define _Pre_bytecap_c_(a)
#define _Pre_bytecap_x_(a)
#define _Pre_bytecount_(a)
#define _Pre_bytecount_c_(a)
#define _Pre_bytecount_x_(a)
#define _Pre_cap_(a)
#define _Pre_cap_c_(a)
#define _Pre_cap_c_one_
#define _Pre_cap_for_(a)
#define _Pre_cap_m_(a, b)
#define _Pre_cap_x_(a)
#define _Pre_count_(a)
#define _Pre_count_c_(a)
#define _Pre_count_x_(a)
#define _Pre_defensive_
#define _Pre_invalid_
#define _Pre_maybenull_
#define _Pre_null_
#define _Pre_opt_bytecap_(a)
#define _Pre_opt_bytecap_c_(a)
#define _Pre_opt_bytecap_x_(a)
#define _Pre_opt_bytecount_(a)
#define _Pre_opt_bytecount_c_(a)
#define _Pre_opt_bytecount_x_(a)
#define _Pre_opt_cap_(a)
#define _Pre_opt_cap_c_(a)
#define _Pre_opt_cap_c_one_
#define _Pre_opt_cap_for_(a)
#define _Pre_opt_cap_m_(a, b)
#define _Pre_opt_cap_x_(a)
#define _Pre_opt_count_(a)
#define _Pre_opt_count_c_(a)
#define _Pre_opt_count_x_(a)
#define _Pre_opt_ptrdiff_cap_(a)
#define _Pre_opt_ptrdiff_count_(a)
#define _Pre_opt_valid_
#define _Pre_opt_valid_bytecap_(a)
#define _Pre_opt_valid_bytecap_c_(a)
#define _Pre_opt_valid_bytecap_x_(a)
#define _Pre_opt_valid_cap_(a)
#define _Pre_opt_valid_cap_c_(a)
#define _Pre_opt_valid_cap_x_(a)
#define _Pre_opt_z_
#define _Pre_opt_z_bytecap_(a)
#define _Pre_opt_z_bytecap_c_(a)
#define _Pre_opt_z_bytecap_x_(a)
#define _Pre_opt_z_cap_(a)
#define _Pre_opt_z_cap_c_(a)
#define _Pre_opt_z_cap_x_(a)
#define _Pre_ptrdiff_cap_(a)
#define _Pre_ptrdiff_count_(a)
#define _Pre_readonly_
#define _Pre_unknown_
#define _Pre_valid_
#define _Pre_valid_bytecap_(a)
#define _Pre_valid_bytecap_c_(a)
#define _Pre_valid_bytecap_x_(a)
#define _Pre_valid_cap_(a)
#define _Pre_valid_cap_c_(a)
#define _Pre_valid_cap_x_(a)
#define _Pre_writeonly_
#define _Pre_z_
#define _Pre_z_bytecap_(a)
#define _Pre_z_bytecap_c_(a)
#define _Pre_z_bytecap_x_(a)
#define _Pre_z_cap_(a)
#define _Pre_z_cap_c_(a)
#define _Pre_z_cap_x_(a)
#define _Prepost_bytecount_(a)
#define _Prepost_bytecount_c_(a)
#define _Prepost_bytecount_x_(a)
#define _Prepost_count_(a)
#define _Prepost_count_c_(a)
#define _Prepost_count_x_(a)
#define _Prepost_opt_bytecount_(a)
#define _Prepost_opt_bytecount_c_(a)
#define _Prepost_opt_bytecount_x_(a)
#define _Prepost_opt_count_(a)
#define _Prepost_opt_count_c_(a)
#define _Prepost_opt_count_x_(a)
#define _Prepost_opt_valid_
#define _Prepost_opt_z_
#define _Prepost_valid_
#define _Prepost_z_
#define _Ret_
#define _Ret_bound_
#define _Ret_bytecap_(a)
#define _Ret_bytecap_c_(a)
#define _Ret_bytecap_x_(a)
#define _Ret_bytecount_(a)
#define _Ret_bytecount_c_(a)
#define _Ret_bytecount_x_(a)
#define _Ret_cap_(a)
#define _Ret_cap_c_(a)
#define _Ret_cap_x_(a)
#define _Ret_count_(a)
#define _Ret_count_c_(a)
#define _Ret_count_x_(a)
#define _Ret_opt_
#define _Ret_opt_bytecap_(a)
#define _Ret_opt_bytecap_c_(a)
#define _Ret_opt_bytecap_x_(a)
#define _Ret_opt_bytecount_(a)
#define _Ret_opt_bytecount_c_(a)
#define _Ret_opt_bytecount_x_(a)
#define _Ret_opt_cap_(a)
#define _Ret_opt_cap_c_(a)
#define _Ret_opt_cap_x_(a)
#define _Ret_opt_count_(a)
#define _Ret_opt_count_c_(a)
#define _Ret_opt_count_x_(a)
#define _Ret_opt_valid_
#define _Ret_opt_z_
#define _Ret_opt_z_bytecap_(a)
#define _Ret_opt_z_bytecount_(a)
#define _Ret_opt_z_cap_(a)
#define _Ret_opt_z_count_(a)
#define _Ret_z_bytecap_(a)
#define _Ret_z_bytecount_(a)
#define _Ret_z_cap_(a)
#define _Ret_z_count_(a)
#define _Valid_
#endif

/* survey31: concurrencysal.h, which the WDK's sal.h includes: the lock
 * annotations a driver puts on its own locks (MiniVisor's
 * `_Analysis_assume_lock_acquired_(*SpinLock)`). */
#ifndef _Analysis_assume_lock_acquired_
#define _Benign_race_begin_
#define _Benign_race_end_
#define _No_competing_thread_begin_
#define _No_competing_thread_end_
#define _Acquires_nonreentrant_lock_(lock)
#define _Acquires_shared_lock_(lock)
#define _Analysis_assume_lock_acquired_(lock)
#define _Analysis_assume_lock_released_(lock)
#define _Analysis_assume_lock_held_(lock)
#define _Analysis_assume_lock_not_held_(lock)
#define _Analysis_assume_same_lock_(lock1, lock2)
#define _Analysis_suppress_lock_checking_(lock)
#define _Create_lock_level_(level)
#define _Function_ignore_lock_checking_(lock)
#define _Has_lock_kind_(kind)
#define _Has_lock_level_(level)
#define _Interlocked_
#define _Lock_level_order_(a, b)
#define _No_competing_thread_
#define _Post_same_lock_(lock1, lock2)
#define _Releases_nonreentrant_lock_(lock)
#define _Releases_shared_lock_(lock)
#define _Requires_exclusive_lock_held_(lock)
#define _Requires_shared_lock_held_(lock)
#define _Requires_no_locks_held_
#define _Write_guarded_by_(lock)
#define _Internal_lock_level_order_(a, b)
#define _Csalcat1_(x, y)
#define _Csalcat2_(x, y)
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
