/*
 * config.c - strict parsing of configuration text (config.h has the syntax).
 *
 * Hand-written rather than strtoull: strtoull skips leading space, accepts a
 * sign (" -5" becomes 2^64 - 5), reads "010" as octal and reports overflow
 * only through errno, each of which once turned a typo into a different
 * machine. Here every character is accounted for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "host/host.h"
#include "mi.h"

static int MiHexDigit(char Ch)
{
    if (Ch >= '0' && Ch <= '9') {
        return Ch - '0';
    }
    if (Ch >= 'a' && Ch <= 'f') {
        return Ch - 'a' + 10;
    }
    if (Ch >= 'A' && Ch <= 'F') {
        return Ch - 'A' + 10;
    }
    return -1;
}

/* Digits[0..Length) in Base (10 or 16), every character a digit, no
 * overflow. */
static bool MiParseDigits(const char *Digits, size_t Length, unsigned Base, uint64_t *Value)
{
    if (Length == 0) {
        return false;
    }
    uint64_t Number = 0;
    for (size_t i = 0; i < Length; i++) {
        int Digit = MiHexDigit(Digits[i]);
        if (Digit < 0 || (unsigned)Digit >= Base) {
            return false;
        }
        if (Number > (UINT64_MAX - (uint64_t)Digit) / Base) {
            return false; /* overflow */
        }
        Number = Number * Base + (uint64_t)Digit;
    }
    *Value = Number;
    return true;
}

bool MiConfigParseNumber(const char *Text, size_t Length, uint64_t Min, uint64_t Max,
                         uint64_t *Value)
{
    uint64_t Number;
    if (Text == NULL || Length == 0) {
        return false;
    }
    if (Length > 2 && Text[0] == '0' && (Text[1] == 'x' || Text[1] == 'X')) {
        if (!MiParseDigits(Text + 2, Length - 2, 16, &Number)) {
            return false;
        }
    } else {
        if (Length > 1 && Text[0] == '0') {
            return false; /* C would read it as octal; refuse the ambiguity */
        }
        if (!MiParseDigits(Text, Length, 10, &Number)) {
            return false;
        }
    }
    if (Number < Min || Number > Max) {
        return false;
    }
    *Value = Number;
    return true;
}

bool MiConfigParseHex(const char *Text, size_t Length, uint64_t *Value)
{
    if (Text == NULL) {
        return false;
    }
    if (Length > 2 && Text[0] == '0' && (Text[1] == 'x' || Text[1] == 'X')) {
        Text += 2;
        Length -= 2;
    }
    return MiParseDigits(Text, Length, 16, Value);
}

bool MiConfigParseBool(const char *Text, bool *Value)
{
    if (Text != NULL && strcmp(Text, "0") == 0) {
        *Value = false;
        return true;
    }
    if (Text != NULL && strcmp(Text, "1") == 0) {
        *Value = true;
        return true;
    }
    return false;
}

int MiConfigParseChoice(const char *Text, const char *const *Choices)
{
    for (int i = 0; Text != NULL && Choices[i] != NULL; i++) {
        if (strcmp(Text, Choices[i]) == 0) {
            return i;
        }
    }
    return -1;
}

bool MiConfigCheckAppendPath(const char *Path, char *Why, size_t WhySize)
{
    if (Path == NULL || Path[0] == '\0') {
        snprintf(Why, WhySize, "an empty file name");
        return false;
    }
    /* tidy: a device or FIFO would be read forever (/dev/zero, /dev/full:
     * the stacks loaded when a machine is built) or block the open (a FIFO
     * with no reader) - a hang, not a refusal. */
    if (HostIsStreamFile(Path)) {
        snprintf(Why, WhySize, "'%s' is a device or FIFO, not a regular file", Path);
        return false;
    }
    errno = 0;
    FILE *File = fopen(Path, "a");
    if (File == NULL) {
        int Error = errno;
        snprintf(Why, WhySize, "cannot open '%s' for appending: %s", Path,
                 Error != 0 ? strerror(Error) : "unknown reason");
        return false;
    }
    fclose(File);
    return true;
}

/* The value as the refusal quotes it: on one line, whatever it holds (a
 * control character as \xNN, a backslash or quote escaped), and at most
 * MI_QUOTE_MAX characters of a huge one, then how long it was. */
#define MI_QUOTE_MAX 200

static void MiQuote(const char *Value, char *Out, size_t Size)
{
    size_t Used = 0;
    size_t Length = strlen(Value);
    for (size_t i = 0; i < Length && i < MI_QUOTE_MAX && Used + 8 < Size; i++) {
        unsigned char Ch = (unsigned char)Value[i];
        if (Ch < 0x20 || Ch == 0x7F) {
            Used += (size_t)snprintf(Out + Used, Size - Used, "\\x%02x", Ch);
        } else if (Ch == '"' || Ch == '\\') {
            Out[Used++] = '\\';
            Out[Used++] = (char)Ch;
        } else {
            Out[Used++] = (char)Ch;
        }
    }
    Out[Used] = '\0';
    if (Length > MI_QUOTE_MAX) {
        snprintf(Out + Used, Size - Used, "\"... (%zu characters in all)", Length);
    } else {
        snprintf(Out + Used, Size - Used, "\"");
    }
}

_Noreturn void MiConfigRefuseWhy(const char *Name, const char *Value, const char *Why)
{
    char Quoted[MI_QUOTE_MAX * 4 + 64];
    MiQuote(Value != NULL ? Value : "", Quoted, sizeof(Quoted));
    /* One write, so that the line is not interleaved with other output. */
    char Text[2048];
    snprintf(Text, sizeof(Text), "mmsim: %s=\"%s is not valid: %s\n", Name, Quoted, Why);
    fputs(Text, stderr);
    fflush(stderr);
    _Exit(SIM_EXIT_CONFIG);
}

_Noreturn void MiConfigRefuse(const char *Name, const char *Value, const char *Expected)
{
    char Why[1024];
    snprintf(Why, sizeof(Why), "expected %s", Expected);
    MiConfigRefuseWhy(Name, Value, Why);
}

uint64_t MiConfigEnvNumber(const char *Name, uint64_t Min, uint64_t Max, uint64_t Default,
                           const char *Expected)
{
    const char *Value = getenv(Name);
    if (Value == NULL) {
        return Default;
    }
    uint64_t Number;
    if (!MiConfigParseNumber(Value, strlen(Value), Min, Max, &Number)) {
        MiConfigRefuse(Name, Value, Expected);
    }
    return Number;
}

bool MiConfigEnvBool(const char *Name, bool Default)
{
    const char *Value = getenv(Name);
    if (Value == NULL) {
        return Default;
    }
    bool Flag;
    if (!MiConfigParseBool(Value, &Flag)) {
        MiConfigRefuse(Name, Value, "0 or 1");
    }
    return Flag;
}

int MiConfigEnvChoice(const char *Name, const char *const *Choices, int Default,
                      const char *Expected)
{
    const char *Value = getenv(Name);
    if (Value == NULL) {
        return Default;
    }
    int Index = MiConfigParseChoice(Value, Choices);
    if (Index < 0) {
        MiConfigRefuse(Name, Value, Expected);
    }
    return Index;
}

/* ---------------------------------------------------------------------- */
/* Profiles: the one list of their names (MMSIM_PROFILE, MiProfileName,   */
/* the tools' --profile), in SIM_PROFILE order.                           */
/* ---------------------------------------------------------------------- */
static const char *const MiProfileNames[] = {"modern", "nt5", NULL};

_Static_assert(SimProfileModern == 0 && SimProfileNt5 == 1, "MiProfileNames order");

const char *MiProfileName(SIM_PROFILE Profile)
{
    return (unsigned)Profile < sizeof(MiProfileNames) / sizeof(MiProfileNames[0]) - 1
               ? MiProfileNames[Profile]
               : "?";
}

BOOLEAN MiParseProfile(const char *Name, SIM_PROFILE *Profile)
{
    int Index = Name != NULL ? MiConfigParseChoice(Name, MiProfileNames) : -1;
    if (Index < 0) {
        return FALSE;
    }
    *Profile = (SIM_PROFILE)Index;
    return TRUE;
}

int MiConfigEnvProfile(void)
{
    return MiConfigEnvChoice("MMSIM_PROFILE", MiProfileNames, SimProfileModern,
                             "\"modern\" or \"nt5\"");
}

/* ---------------------------------------------------------------------- */
/* mmdev: MMSIM_DEVICE_RANGES (config.h).                                 */
/* ---------------------------------------------------------------------- */
#define MI_DEVICE_MAX_LENGTH (1ull << 30)
#define MI_DEVICE_ADDRESS_LIMIT (1ull << 52)

void MiConfigEnvDeviceRanges(void *ConfigPointer)
{
    static const char Name[] = "MMSIM_DEVICE_RANGES";
    static const char Expected[] =
        "a comma-separated list of at most 8 NAME@BASE+LENGTH (NAME: 1 to 15 letters, digits "
        "or '_'; BASE and LENGTH: decimal or 0x hex, multiples of 4096; LENGTH 4096 to "
        "0x40000000; BASE+LENGTH at most 2^52), e.g. bar0@0xF0000000+0x10000";
    SIM_CONFIG *Config = (SIM_CONFIG *)ConfigPointer;
    const char *Value = getenv(Name);
    if (Value == NULL) {
        return;
    }
    SIM_DEVICE_RANGE Ranges[SIM_MAX_DEVICE_RANGES];
    ULONG Count = 0;
    memset(Ranges, 0, sizeof(Ranges));
    const char *Item = Value;
    for (;;) {
        const char *End = strchr(Item, ',');
        size_t Length = End != NULL ? (size_t)(End - Item) : strlen(Item);
        const char *At = memchr(Item, '@', Length);
        const char *Plus = At != NULL ? memchr(At, '+', Length - (size_t)(At - Item)) : NULL;
        if (Count == SIM_MAX_DEVICE_RANGES || At == NULL || Plus == NULL || At == Item ||
            (size_t)(At - Item) >= sizeof(Ranges[0].Name)) {
            MiConfigRefuse(Name, Value, Expected);
        }
        SIM_DEVICE_RANGE *Range = &Ranges[Count++];
        for (const char *c = Item; c < At; c++) {
            bool Ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                      (*c >= '0' && *c <= '9') || *c == '_';
            if (!Ok) {
                MiConfigRefuse(Name, Value, Expected);
            }
            Range->Name[c - Item] = *c;
        }
        uint64_t Base, Bytes;
        if (!MiConfigParseNumber(At + 1, (size_t)(Plus - At - 1), 1, MI_DEVICE_ADDRESS_LIMIT - 1,
                                 &Base) ||
            !MiConfigParseNumber(Plus + 1, Length - (size_t)(Plus + 1 - Item), 4096,
                                 MI_DEVICE_MAX_LENGTH, &Bytes) ||
            (Base | Bytes) % 4096 != 0 || Bytes > MI_DEVICE_ADDRESS_LIMIT - Base) {
            MiConfigRefuse(Name, Value, Expected);
        }
        Range->PhysicalBase = Base;
        Range->Length = Bytes;
        if (End == NULL) {
            break;
        }
        Item = End + 1;
    }
    memcpy(Config->DeviceRanges, Ranges, sizeof(Ranges));
    Config->DeviceRangeCount = Count;
}

/* ---------------------------------------------------------------------- */
/* specialpool: MMSIM_SPECIAL_POOL and SIM_CONFIG.SpecialPool             */
/* (docs/special-pool.md).                                                */
/* ---------------------------------------------------------------------- */
#define MI_SPECIAL_EXPECTED                                                                     \
    "\"off\", or items separated by ',': \"all\", \"tag=P1;P2\" (patterns of 1 to 4 "          \
    "characters, '*' and '?' wildcards), \"size=MIN-MAX\" (bytes, 1 <= MIN <= MAX), "          \
    "\"overrun\", \"underrun\", \"budget=N\" (system PTEs, at least 3)"

bool MiCheckSpecialPoolTags(const char *Tags, char *Why, size_t WhySize)
{
    size_t Total = strnlen(Tags, sizeof(((SIM_CONFIG *)0)->SpecialPool.Tags));
    if (Total == sizeof(((SIM_CONFIG *)0)->SpecialPool.Tags)) {
        snprintf(Why, WhySize, "the tag patterns are not NUL-terminated within %zu characters",
                 Total);
        return false;
    }
    unsigned Count = 0;
    for (const char *p = Tags; *p != '\0';) {
        size_t Length = strcspn(p, ";");
        if (Length == 0 || Length > 4) {
            snprintf(Why, WhySize, "tag pattern %u has %zu characters (1 to 4 expected)",
                     Count + 1, Length);
            return false;
        }
        for (size_t i = 0; i < Length; i++) {
            unsigned char Ch = (unsigned char)p[i];
            if (Ch < 0x21 || Ch > 0x7E || Ch == ',') {
                snprintf(Why, WhySize, "tag pattern %u has character 0x%02x (printable, no "
                         "space or ',' expected)", Count + 1, Ch);
                return false;
            }
        }
        if (++Count > 16) {
            snprintf(Why, WhySize, "more than 16 tag patterns");
            return false;
        }
        p += Length;
        if (*p == ';') {
            p++;
            if (*p == '\0') {
                snprintf(Why, WhySize, "an empty tag pattern after the last ';'");
                return false;
            }
        }
    }
    return true;
}

void MiConfigEnvSpecialPool(struct _SIM_CONFIG *Config)
{
    const char *Name = "MMSIM_SPECIAL_POOL";
    const char *Value = getenv(Name);
    if (Value == NULL) {
        return;
    }
    struct _SIM_SPECIAL_POOL_CONFIG Sp;
    memset(&Sp, 0, sizeof(Sp));
    if (strcmp(Value, "off") == 0 || strcmp(Value, "0") == 0) {
        Config->SpecialPool = Sp;
        return;
    }
    bool Tag = false, Size = false, Mode = false, Budget = false, All = false;
    const char *p = Value;
    char Why[512];
    do {
        size_t Length = strcspn(p, ",");
        if (Length == 3 && strncmp(p, "all", 3) == 0 && !All) {
            All = true;
        } else if ((Length == 7 && strncmp(p, "overrun", 7) == 0 && !Mode) ||
                   (Length == 8 && strncmp(p, "underrun", 8) == 0 && !Mode)) {
            Mode = true;
            Sp.Underrun = p[0] == 'u' ? TRUE : FALSE;
        } else if (Length > 4 && strncmp(p, "tag=", 4) == 0 && !Tag) {
            if (Length - 4 >= sizeof(Sp.Tags)) {
                MiConfigRefuseWhy(Name, Value, "the tag patterns are longer than 63 characters");
            }
            memcpy(Sp.Tags, p + 4, Length - 4);
            Sp.Tags[Length - 4] = '\0';
            if (!MiCheckSpecialPoolTags(Sp.Tags, Why, sizeof(Why))) {
                MiConfigRefuseWhy(Name, Value, Why);
            }
            Tag = true;
        } else if (Length > 5 && strncmp(p, "size=", 5) == 0 && !Size) {
            const char *Range = p + 5;
            size_t RangeLength = Length - 5;
            const char *Dash = memchr(Range, '-', RangeLength);
            uint64_t Min, Max;
            if (Dash == NULL ||
                !MiConfigParseNumber(Range, (size_t)(Dash - Range), 1, UINT64_MAX, &Min) ||
                !MiConfigParseNumber(Dash + 1, RangeLength - (size_t)(Dash + 1 - Range), 1,
                                     UINT64_MAX, &Max) ||
                Min > Max) {
                MiConfigRefuse(Name, Value, MI_SPECIAL_EXPECTED);
            }
            Sp.MinSize = Min;
            Sp.MaxSize = Max;
            Size = true;
        } else if (Length > 7 && strncmp(p, "budget=", 7) == 0 && !Budget) {
            uint64_t Ptes;
            if (!MiConfigParseNumber(p + 7, Length - 7, 3, 1ull << 24, &Ptes)) {
                MiConfigRefuse(Name, Value, MI_SPECIAL_EXPECTED);
            }
            Sp.Budget = Ptes;
            Budget = true;
        } else {
            MiConfigRefuse(Name, Value, MI_SPECIAL_EXPECTED);
        }
        p += Length;
    } while (*p++ == ',');
    Sp.Enabled = TRUE;
    Config->SpecialPool = Sp;
}
