using KernelCI.Dashboard.Trees;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class TreePathTests
{
    [Theory]
    [InlineData("abc/summary", null, null, "abc", "summary")]
    [InlineData("abc/commits", null, null, "abc", "commits")]
    [InlineData("mainline/master/commits", "mainline", "master", null, "commits")]
    [InlineData("mainline/master/abc/builds", "mainline", "master", "abc", "builds")]
    [InlineData("next/pending-fixes/sub/abc/tests", "next", "pending-fixes/sub", "abc", "tests")]
    [InlineData("next/pending-fixes/sub/abc/commits", "next", "pending-fixes/sub", "abc", "commits")]
    [InlineData("mainline/master", "mainline", "master", null, null)]
    [InlineData("next/pending-fixes/sub", "next", "pending-fixes/sub", null, null)]
    [InlineData("mainline/master/summary", "mainline", "master/summary", null, null)]
    [InlineData("mainline/master/", "mainline", "master", null, null)]
    public void Tree_path_splits_off_the_known_suffixes(string path, string? tree, string? branch, string? commit, string? view)
    {
        Assert.Equal(new TreePath(tree, branch, commit, view), TreePath.Parse(path));
    }

    [Theory]
    [InlineData("mainline/master/compare", true)]
    [InlineData("next/pending-fixes/sub/compare/boots", true)]
    [InlineData("mainline/compare", false)]
    [InlineData("mainline/master/abc/summary", false)]
    public void Tree_path_recognises_the_compare_endpoints(string path, bool compare)
    {
        Assert.Equal(compare, TreePath.IsCompare(path));
    }
}
