using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tests.Git;

public sealed class GitNamesTests
{
    [Theory]
    [InlineData("mainline")]
    [InlineData("stable-rc")]
    [InlineData("linux-6.1.y_x")]
    [InlineData("..a")]
    public void Upstream_style_tree_names_are_accepted(string tree) => Assert.Null(GitNames.TreeProblem(tree));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("-o")]
    [InlineData("/srv/x")]
    [InlineData("../../x")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    public void Tree_names_that_are_not_plain_names_are_refused(string tree) => Assert.NotNull(GitNames.TreeProblem(tree));

    [Theory]
    [InlineData("master")]
    [InlineData("for-next/core")]
    [InlineData("linux-6.1.y")]
    [InlineData("net-next-2026-12-06--00-00")]
    public void Ordinary_branches_are_accepted(string branch) => Assert.Null(GitNames.BranchProblem(branch));

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("a:b")]
    [InlineData("-x")]
    [InlineData("a..b")]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a.lock")]
    [InlineData("a b")]
    [InlineData("a@{1}")]
    [InlineData(".hidden")]
    [InlineData("a/.b")]
    public void Branches_git_would_refuse_or_read_as_a_pattern_are_refused(string branch) => Assert.NotNull(GitNames.BranchProblem(branch));
}
