/*
 * test_userva_protect_names.c - a PAGE_* protection as !vad, !address and
 * the tour's user strip name it (SimFormatProtection, docs/mmsim.md): one
 * table for all three, the base and then each modifier.
 */
#include <ntddk.h>
#include <mmsim.h>
#include <mmsim_cmocka.h>

static const struct {
    ULONG Protect;
    const char *Name;
} Names[] = {
    {0,                                          ""},
    {PAGE_NOACCESS,                              "PAGE_NOACCESS"},
    {PAGE_READONLY,                              "PAGE_READONLY"},
    {PAGE_READWRITE,                             "PAGE_READWRITE"},
    {PAGE_EXECUTE,                               "PAGE_EXECUTE"},
    {PAGE_EXECUTE_READ,                          "PAGE_EXECUTE_READ"},
    {PAGE_EXECUTE_READWRITE,                     "PAGE_EXECUTE_READWRITE"},
    {PAGE_READWRITE | PAGE_GUARD,                "PAGE_READWRITE | PAGE_GUARD"},
    {PAGE_READONLY | PAGE_NOCACHE,               "PAGE_READONLY | PAGE_NOCACHE"},
    {PAGE_EXECUTE_READ | PAGE_WRITECOMBINE,      "PAGE_EXECUTE_READ | PAGE_WRITECOMBINE"},
    /* not one the simulated PTEs can hold, named all the same */
    {PAGE_READWRITE | PAGE_GUARD | PAGE_NOCACHE, "PAGE_READWRITE | PAGE_GUARD | PAGE_NOCACHE"},
    {PAGE_WRITECOPY,                             ""},
    {PAGE_GUARD,                                 "PAGE_GUARD"},
};

SIM_TEST(each_protection_is_named_base_first_then_its_modifiers)
{
    for (size_t i = 0; i < sizeof(Names) / sizeof(Names[0]); i++) {
        char Text[96];
        assert_ptr_equal(SimFormatProtection(Names[i].Protect, Text, sizeof(Text)), Text);
        assert_string_equal(Text, Names[i].Name);
    }
}

SIM_TEST(a_short_buffer_is_truncated_and_an_empty_one_untouched)
{
    char Text[8] = "unset";
    SimFormatProtection(PAGE_READWRITE | PAGE_GUARD, Text, sizeof(Text));
    assert_string_equal(Text, "PAGE_RE");
    SimFormatProtection(PAGE_READWRITE, Text, 0);
    assert_string_equal(Text, "PAGE_RE");
}

/* What a committed page holds, named: the tour's strip and !address agree. */
SIM_TEST(a_committed_page_s_protection_is_named_as_the_pte_holds_it)
{
    PVOID Buffer = SimAllocateUserBuffer(PAGE_SIZE, PAGE_READWRITE | PAGE_GUARD, NULL, 0);
    assert_non_null(Buffer);
    char Text[96];
    assert_string_equal(SimFormatProtection(SimUserPageProtect(Buffer), Text, sizeof(Text)),
                        "PAGE_READWRITE | PAGE_GUARD");
    SimFreeUserBuffer(Buffer);
}

int main(void)
{
    return SimRunTests("userva_protect_names", NULL, NULL);
}
