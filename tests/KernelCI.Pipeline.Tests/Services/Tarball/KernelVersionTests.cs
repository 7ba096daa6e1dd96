using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

public sealed class KernelVersionTests
{
    [Theory]
    [InlineData("v6.1", 6, 1, null, "")]
    [InlineData("v6.12.7-rc1-3-gabcdef0", 6, 12, 7, "-rc1-3-gabcdef0")]
    [InlineData("v5.4-rc2", 5, 4, null, "-rc2")]
    public void Describe_output_splits_into_version_fields(string describe, int version, int patchlevel, int? sublevel, string extra)
    {
        var parsed = KernelVersion.Parse(describe, null)!;

        Assert.Equal((version, patchlevel, sublevel, extra),
            ((int)parsed["version"]!, (int)parsed["patchlevel"]!, (int?)parsed["sublevel"], parsed["extra"]!.ToString()));
    }

    [Fact]
    public void Describe_without_a_release_tag_has_no_version() => Assert.Null(KernelVersion.Parse("abcdef0", null));
}
