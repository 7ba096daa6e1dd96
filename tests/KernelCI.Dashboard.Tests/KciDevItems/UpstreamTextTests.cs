using System.Text.RegularExpressions;
using KernelCI.Dashboard.Tests.Issues;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Upstream's kci-dev and ours against the same seeded dashboard (IssueSeed) print the same text, but for what
/// docs/kci-dev.md lists as differences: categories as `a, b` rather than a Python list, each issue once, and no raw
/// Python list after `--missing`.</summary>
public sealed partial class UpstreamTextTests(IssueSeedServer server) : IClassFixture<IssueSeedServer>
{
    [Theory]
    [InlineData("results", "build", "--id", "maestro:b1")]
    [InlineData("results", "boot", "--id", "maestro:t1")]
    [InlineData("results", "test", "--id", "maestro:t2")]
    [InlineData("results", "issue", "--id", "maestro:i2")]
    [InlineData("results", "issues")]
    [InlineData("results", "issues", "--new", "--days", "10")]
    [InlineData("results", "issues", "--missing", "--days", "10")]
    [InlineData("results", "issues", "--giturl", IssueSeed.NextUrl, "--branch", "master", "--commit", IssueSeed.NextCommit, "--tree", "next")]
    public async Task Text_is_upstreams(params string[] arguments)
    {
        using var upstream = new KciDev.KciDevClient(server.ApiUrl);
        using var ours = new OurKciDev(server.ApiUrl);

        var theirs = await upstream.RunAsync(arguments);
        var result = await ours.RunAsync(arguments);

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Normalized(theirs.Output), result.Output);
    }

    /// <summary>Upstream's text with its documented differences from ours undone.</summary>
    private static string Normalized(string upstream) =>
        RawList().Replace(Categories().Replace(upstream, m => "  categories: " + string.Join(", ", Quoted().Matches(m.Groups[1].Value).Select(q => q.Groups[1].Value))), "");

    [GeneratedRegex(@"^  categories:\[(.*)\]$", RegexOptions.Multiline)]
    private static partial Regex Categories();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\[\[.*\]\]\n", RegexOptions.Multiline)]
    private static partial Regex RawList();
}
