/* faults.h - the `mmsim faults` runner (faults.c). */
#ifndef MMSIM_TOOLS_FAULTS_H
#define MMSIM_TOOLS_FAULTS_H

/* argv[0] is "faults". Returns the process exit status. */
int MmsimFaultsCommand(int argc, char **argv);

#endif
