using KernelCI.KciDev.Results.Items;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>The filters' shell patterns match as Python's fnmatch does on Linux (upstream's kcidev/libs/filters.py).</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("x86_64_*", "x86_64_defconfig", true)]
    [InlineData("*defconfig", "defconfig", true)]
    [InlineData("defconfig", "x86_64_defconfig", false)]
    [InlineData("baseline.?ogin", "baseline.login", true)]
    [InlineData("baseline.login", "baselineXlogin", false)]
    [InlineData("rk33[0-9]9-*", "rk3399-rock-pi-4b", true)]
    [InlineData("rk33[!9]9-*", "rk3399-rock-pi-4b", false)]
    [InlineData("[]x]", "]", true)]
    [InlineData("a[b", "a[b", true)]
    [InlineData("Master", "master", false)]
    [InlineData("a+b(c)", "a+b(c)", true)]
    public void Glob_matches_the_whole_value_as_fnmatch(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, Glob.ToRegex(pattern).IsMatch(value));
    }

    [Theory]
    [InlineData("2026-12-01", false, "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-12-01", true, "2026-12-01T23:59:59+00:00")]
    [InlineData("2026-12-01T10:30:00Z", true, "2026-12-01T10:30:00+00:00")]
    [InlineData("2026-12-01T10:30:00", false, "2026-12-01T10:30:00+00:00")]
    [InlineData("2026-12-01T10:30:00+02:00", false, "2026-12-01T08:30:00+00:00")]
    public void Dates_are_days_or_iso_times_in_utc(string text, bool endOfDay, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ItemFilterOptions.Date(text, "--start-date", endOfDay));
    }
}
