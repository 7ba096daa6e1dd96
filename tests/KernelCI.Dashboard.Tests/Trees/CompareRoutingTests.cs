using KernelCI.Dashboard.Trees;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class CompareRoutingTests
{
    [Theory]
    [InlineData("master/compare", "master", "")]
    [InlineData("linux-6.1.y/compare/builds", "linux-6.1.y", "builds")]
    [InlineData("for-next/core/compare", "for-next/core", "")]
    [InlineData("for-next/core/compare/tests", "for-next/core", "tests")]
    [InlineData("stable/rc/6.1/compare/boots", "stable/rc/6.1", "boots")]
    public void A_branch_with_slashes_is_split_from_the_compare_suffix(string rest, string branch, string part)
    {
        Assert.True(CompareApi.TryMatch(rest, out var actualBranch, out var actualPart));
        Assert.Equal(branch, actualBranch);
        Assert.Equal(part, actualPart);
    }

    [Theory]
    [InlineData("master/commits")]
    [InlineData("compare")]
    [InlineData("master/abc123/builds")]
    [InlineData("master/compare/issues")]
    public void Other_tree_paths_are_not_compare(string rest) => Assert.False(CompareApi.TryMatch(rest, out _, out _));
}
