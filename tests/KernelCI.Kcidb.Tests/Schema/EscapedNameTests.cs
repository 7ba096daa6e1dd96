using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>Field names are looked up on their UTF-8 as written, and decoded only when that matches no field.</summary>
public sealed class EscapedNameTests
{
    [Fact]
    public void Escaped_field_name_is_checked_as_its_decoded_field()
    {
        AssertSingleError(Process(WithTest("\"p\\u0061th\": \"a..b\"")), "tests[0].path: \"a..b\" does not match");
    }

    [Fact]
    public void Escaped_unknown_field_is_named_decoded()
    {
        AssertSingleError(Process(WithBuild("\"v\\u0061lid\": true")), "builds[0]: unexpected field \"valid\"");
    }

    [Fact]
    public void Escaped_required_field_counts_as_present()
    {
        Assert.True(Process($$"""{"version": {{V53}}, "builds": [{"\u0069d": "o:b1", "origin": "o", "checkout_id": "o:c1"}]}""").IsValid);
    }
}
