/*
 * config.h - the one strict parser of configuration text: every MMSIM_*
 * environment variable, every MMSIM_FAULTS clause, the test kit's variables.
 * Not installed. Sits just above the host layer: it knows nothing of the
 * machine, so any layer may use it.
 *
 * The accepted syntax (README, "Environment"):
 * - number:  decimal digits without a leading zero ("0" itself is fine), or
 *            0x / 0X followed by hex digits; nothing else - no space, no
 *            sign, no suffix, no octal ("010" is refused, not read as 8), no
 *            value beyond the range (overflow is refused, never wrapped);
 * - boolean: exactly "0" or "1" (no, off, false, yes, true, " 1" are refused,
 *            so an unknown spelling can never silently mean "on");
 * - choice:  one of the listed names, exactly (case matters);
 * - path:    a file the simulator will append to: non-empty, and opening it
 *            for appending must work now (so its directory exists and is
 *            writable); the file is created empty if missing;
 * - empty:   an empty value is refused for every variable (unset it instead).
 * A refusal names the variable, quotes the value and says what is expected,
 * then the process exits with SIM_EXIT_CONFIG (89).
 */
#ifndef MMSIM_CONFIG_H
#define MMSIM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Text[0..Length) as a number (syntax above) in [Min, Max]. */
bool MiConfigParseNumber(const char *Text, size_t Length, uint64_t Min, uint64_t Max,
                         uint64_t *Value);
/* Text[0..Length) as hex digits only, with an optional 0x prefix (stack
 * identities, as the recorder writes them: "%016llx"). */
bool MiConfigParseHex(const char *Text, size_t Length, uint64_t *Value);
/* "0" or "1". */
bool MiConfigParseBool(const char *Text, bool *Value);
/* Index of Text in Choices (NULL-terminated), or -1. */
int MiConfigParseChoice(const char *Text, const char *const *Choices);
/* Whether Path can be appended to; if not, Why says why (the host's
 * reason). Creates the file, empty, if it does not exist. */
bool MiConfigCheckAppendPath(const char *Path, char *Why, size_t WhySize);

/* Prints "mmsim: NAME="VALUE" is not valid: expected EXPECTED" and exits
 * with SIM_EXIT_CONFIG. The value is quoted on one line: control characters
 * as \xNN, '"' and '\' escaped, a huge value cut at 200 characters with its
 * length ("... (5000 characters in all)"). */
_Noreturn void MiConfigRefuse(const char *Name, const char *Value, const char *Expected);
/* The same with the reason as given: "mmsim: NAME="VALUE" is not valid: WHY". */
_Noreturn void MiConfigRefuseWhy(const char *Name, const char *Value, const char *Why);

/* The MMSIM_* variables: Default when unset, else the value parsed
 * strictly, else MiConfigRefuse. Expected is the text of the refusal. */
uint64_t MiConfigEnvNumber(const char *Name, uint64_t Min, uint64_t Max, uint64_t Default,
                           const char *Expected);
bool MiConfigEnvBool(const char *Name, bool Default);
int MiConfigEnvChoice(const char *Name, const char *const *Choices, int Default,
                      const char *Expected);

/* MMSIM_PROFILE: 0 (modern) when unset, else the profile SimParseProfile
 * reads, else MiConfigRefuse. (SIM_PROFILE's values, as an int: this layer
 * sits below the machine.) */
int MiConfigEnvProfile(void);

/* mmdev: MMSIM_DEVICE_RANGES (docs/device-memory.md): unset leaves Config's
 * device ranges alone; else a comma-separated list of NAME@BASE+LENGTH
 * (NAME: 1 to 15 letters, digits or '_'; BASE and LENGTH numbers, both
 * multiples of 4096, LENGTH from 4096 to 1 GiB, BASE+LENGTH at most 2^52),
 * at most 8; anything else is MiConfigRefuse. (SIM_CONFIG *, as a void *:
 * this layer knows nothing of the machine.) */
void MiConfigEnvDeviceRanges(void *Config);

/* specialpool: MMSIM_SPECIAL_POOL into Config->SpecialPool (unset: left as
 * is; a bad value: MiConfigRefuse), and the check of SpecialPool.Tags that
 * SimInitialize makes too (false: Why says why). docs/special-pool.md. */
struct _SIM_CONFIG;
void MiConfigEnvSpecialPool(struct _SIM_CONFIG *Config);
bool MiCheckSpecialPoolTags(const char *Tags, char *Why, size_t WhySize);

#endif /* MMSIM_CONFIG_H */
