using KernelCI.Kcidb.Schema.Validation;
using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class DateTimeFormatTests
{
    [Theory]
    [InlineData("2020-08-14T23:08:06.967000+00:00")]
    [InlineData("2020-08-14T23:08:06Z")]
    [InlineData("2020-08-14t23:08:06z")]
    [InlineData("2020-08-14T23:08:06-23:59")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2020-08-14T23:08:06Z\n")]
    public void Accepts(string value)
    {
        Assert.True(DateTimeFormat.IsValid(value));
    }

    [Theory]
    [InlineData("2020-08-14T23:08:06")]
    [InlineData("2020-08-14 23:08:06Z")]
    [InlineData("2020-08-14")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2020-13-01T00:00:00Z")]
    [InlineData("2020-08-14T24:00:00Z")]
    [InlineData("2020-08-14T23:60:00Z")]
    [InlineData("2020-08-14T23:59:60Z")]
    [InlineData("2020-08-14T23:08:06.Z")]
    [InlineData("2020-08-14T23:08:06+0000")]
    [InlineData("2020-08-14T23:08:06+24:00")]
    [InlineData("2020-08-14T23:08:06Z ")]
    [InlineData("2020-08-14T23:08:06Z\n\n")]
    [InlineData("２０２０-08-14T23:08:06Z")]
    public void Rejects(string value)
    {
        Assert.False(DateTimeFormat.IsValid(value));
    }

    [Fact]
    public void Invalid_date_time_in_a_document_names_the_field()
    {
        AssertSingleError(Process(WithTest("\"start_time\": \"2020-08-14T23:08:06\"")), "tests[0].start_time: \"2020-08-14T23:08:06\" is not a valid date-time");
    }
}
