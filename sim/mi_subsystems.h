/* Subsystems with machine-lifetime state, in initialisation order
 * (X-macro; see machine.c). Each is declared in mi.h. */
MI_SUBSYSTEM_ENTRY(MiKeSubsystem)
/* The worker threads before the clock: the machine boots (interrupt time 0)
 * after its slowest step, not before it. */
MI_SUBSYSTEM_ENTRY(MiWorkSubsystem)
MI_SUBSYSTEM_ENTRY(MiTimeSubsystem)
MI_SUBSYSTEM_ENTRY(MiInjectSubsystem)
MI_SUBSYSTEM_ENTRY(MiPhysSubsystem)
MI_SUBSYSTEM_ENTRY(MiSpaceSubsystem)
MI_SUBSYSTEM_ENTRY(MiPoolSubsystem)
MI_SUBSYSTEM_ENTRY(MiMdlSubsystem)
MI_SUBSYSTEM_ENTRY(MiReserveSubsystem)
MI_SUBSYSTEM_ENTRY(MiContigSubsystem)
MI_SUBSYSTEM_ENTRY(MiIoSpaceSubsystem) /* mmdev */

MI_SUBSYSTEM_ENTRY(MiLookasideSubsystem) /* exsync */
MI_SUBSYSTEM_ENTRY(MiCallbackSubsystem) /* exsync */
MI_SUBSYSTEM_ENTRY(MiResourceSubsystem) /* exsync */

MI_SUBSYSTEM_ENTRY(MiUserSubsystem) /* userva */
MI_SUBSYSTEM_ENTRY(MiPsSubsystem) /* ps32: system threads, notify routines */
MI_SUBSYSTEM_ENTRY(MiKdSubsystem) /* survey33: the kernel debugger's state */
