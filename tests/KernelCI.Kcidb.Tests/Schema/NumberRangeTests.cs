using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>A number no double can hold would be stored as Infinity, which no JSON reply can carry.</summary>
public sealed class NumberRangeTests
{
    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.5E+309")]
    public void Number_out_of_a_doubles_range_is_refused_with_the_field_named(string number)
    {
        AssertSingleError(Process(WithTest($"\"duration\": {number}")), $"tests[0].duration: {number} is out of the range of a double-precision number");
    }

    [Fact]
    public void Integer_literal_too_long_for_a_double_is_refused()
    {
        var number = "1" + new string('0', 400);

        AssertSingleError(Process(WithBuild($"\"duration\": {number}")), "builds[0].duration: ");
    }

    [Fact]
    public void Nested_number_out_of_range_is_refused()
    {
        AssertSingleError(Process(WithTest("\"number\": {\"value\": 1e400}")), "tests[0].number.value: 1e400 is out of the range");
    }

    [Fact]
    public void Large_and_tiny_numbers_within_range_are_valid()
    {
        Assert.True(Process(WithTest("\"duration\": 1.7e308, \"number\": {\"value\": 1e-400}")).IsValid);
    }

    [Fact]
    public void Number_out_of_range_inside_misc_is_left_to_misc()
    {
        Assert.True(Process(WithTest("\"misc\": {\"big\": 1e400}")).IsValid);
    }
}
