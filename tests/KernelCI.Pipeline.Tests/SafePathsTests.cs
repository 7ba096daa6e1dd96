namespace KernelCI.Pipeline.Tests;

public sealed class SafePathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "kernelci-root");

    [Fact]
    public void Plain_names_join_below_the_root() =>
        Assert.Equal(Path.Combine(Root, "git", "mainline"), SafePaths.Under(Root, "git", "mainline"));

    [Fact]
    public void File_system_root_works_as_a_root() => Assert.Equal("/x", SafePaths.Under("/", "x"));

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("/etc")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\0b")]
    public void Names_that_are_not_one_plain_segment_are_refused(string name) =>
        Assert.Throws<UnsafePathException>(() => SafePaths.Under(Root, "git", name));

    [Fact]
    public void Root_itself_is_not_below_the_root()
    {
        Assert.False(SafePaths.IsBelow(Root, Root));
        Assert.False(SafePaths.IsBelow(Root, Root + "-other/x"));
        Assert.True(SafePaths.IsBelow(Root, Path.Combine(Root, "x")));
    }
}
