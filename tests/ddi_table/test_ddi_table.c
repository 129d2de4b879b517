/*
 * test_ddi_table.c - what is derived from the one DDI table
 * (sim/mi_ddi_table.h) agrees with it, and profile names have one parser
 * (SimParseProfile, sim/config.c) that SimProfileName inverts.
 */
#include <string.h>

#include <mmsim_cmocka.h>

#include "script.h"

/* ------------------------------------------------------------------------ */
/* The scenario language's DDIs: an MI_DDI_CALL row has its IRQL rule (the   */
/* same row made both), an MI_DDI_TOOL row has none.                         */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(ScriptDdisAndIrqlRulesComeFromOneTable, NULL, NULL)
{
    (void)State;
    for (int d = 0; d < DdiCount; d++) {
        const SCRIPT_DDI *Ddi = &ScriptDdis[d];
        const SIM_IRQL_RULE *Rule = SimIrqlRule(Ddi->Name);
        if (Ddi->IrqlRule && Rule == NULL) {
            fail_msg("%s is an MI_DDI_CALL row but has no IRQL rule", Ddi->Name);
        }
        if (!Ddi->IrqlRule && Rule != NULL) {
            fail_msg("%s is an MI_DDI_TOOL row but has an IRQL rule", Ddi->Name);
        }
    }
}

/* Arity and argument names as the rows give them (spot checks), and every
 * argument named and of a known kind. */
SIM_TEST_F(ScriptDdisCarryTheRowsArguments, NULL, NULL)
{
    (void)State;
    static const struct {
        SCRIPT_DDI_ID Ddi;
        const char *Name;
        int ArgCount;
        const char *Last;          /* the last argument's name */
        SCRIPT_ARG_KIND LastKind;
        SCRIPT_RESULT Result;
    } Rows[] = {
        {DdiMmAllocateMappingAddress, "MmAllocateMappingAddress", 2, "PoolTag", ScriptArgTag,
         ResultPointer},
        {DdiIoAllocateMdl, "IoAllocateMdl", 5, "Irp", ScriptArgIrp, ResultMdl},
        {DdiIoFreeMdl, "IoFreeMdl", 1, "Mdl", ScriptArgFreedMdl, ResultVoid},
        {DdiExAllocatePool2, "ExAllocatePool2", 3, "Tag", ScriptArgTag, ResultPool},
        {DdiMmGetPhysicalAddress, "MmGetPhysicalAddress", 1, "BaseAddress", ScriptArgVa,
         ResultPhysical},
        {DdiGrDestroy, "GrDestroy", 1, "Region", ScriptArgFreedRegion, ResultVoid},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        const SCRIPT_DDI *Ddi = &ScriptDdis[Rows[i].Ddi];
        assert_string_equal(Ddi->Name, Rows[i].Name);
        assert_int_equal(Ddi->ArgCount, Rows[i].ArgCount);
        assert_string_equal(Ddi->Args[Ddi->ArgCount - 1].Name, Rows[i].Last);
        assert_int_equal(Ddi->Args[Ddi->ArgCount - 1].Kind, Rows[i].LastKind);
        assert_int_equal(Ddi->Result, Rows[i].Result);
    }
    assert_int_equal(ScriptDdis[DdiKeGetCurrentIrql].ArgCount, 0);
    for (int d = 0; d < DdiCount; d++) {
        const SCRIPT_DDI *Ddi = &ScriptDdis[d];
        assert_true(Ddi->ArgCount >= 0 && Ddi->ArgCount <= SCRIPT_MAX_ARGS);
        for (int i = 0; i < Ddi->ArgCount; i++) {
            if (Ddi->Args[i].Name == NULL || Ddi->Args[i].Name[0] == '\0') {
                fail_msg("%s: argument %d has no name (an MI_ARG index skipped?)", Ddi->Name, i);
            }
            assert_true((unsigned)Ddi->Args[i].Kind < ScriptArgKindCount);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Profile names: exactly "modern" and "nt5", both ways.                     */
/* ------------------------------------------------------------------------ */
SIM_TEST_F(ProfileNamesParseExactly, NULL, NULL)
{
    (void)State;
    static const struct {
        const char *Name;
        BOOLEAN Valid;
        SIM_PROFILE Profile;
    } Rows[] = {
        {"modern", TRUE, SimProfileModern},
        {"nt5", TRUE, SimProfileNt5},
        {"Modern", FALSE, SimProfileModern}, /* case matters */
        {"NT5", FALSE, SimProfileModern},
        {"nt5 ", FALSE, SimProfileModern},
        {" modern", FALSE, SimProfileModern},
        {"nt4", FALSE, SimProfileModern},
        {"", FALSE, SimProfileModern},
        {"modernx", FALSE, SimProfileModern},
    };
    for (size_t i = 0; i < sizeof(Rows) / sizeof(Rows[0]); i++) {
        SIM_PROFILE Profile = (SIM_PROFILE)77;
        BOOLEAN Valid = SimParseProfile(Rows[i].Name, &Profile);
        if (Valid != Rows[i].Valid) {
            fail_msg("SimParseProfile(\"%s\") = %d, expected %d", Rows[i].Name, Valid,
                     Rows[i].Valid);
        }
        if (Valid) {
            assert_int_equal(Profile, Rows[i].Profile);
        } else {
            assert_int_equal(Profile, 77); /* untouched */
        }
    }
    SIM_PROFILE Profile;
    assert_false(SimParseProfile(NULL, &Profile));
}

SIM_TEST_F(ProfileNameIsTheParsersInverse, NULL, NULL)
{
    (void)State;
    static const SIM_PROFILE Profiles[] = {SimProfileModern, SimProfileNt5};
    for (size_t i = 0; i < sizeof(Profiles) / sizeof(Profiles[0]); i++) {
        SIM_PROFILE Back = (SIM_PROFILE)77;
        assert_true(SimParseProfile(SimProfileName(Profiles[i]), &Back));
        assert_int_equal(Back, Profiles[i]);
    }
    assert_string_equal(SimProfileName(SimProfileModern), "modern");
    assert_string_equal(SimProfileName(SimProfileNt5), "nt5");
    assert_string_equal(SimProfileName((SIM_PROFILE)2), "?");
}

int main(void)
{
    return SimRunTests("test_ddi_table", NULL, NULL);
}
