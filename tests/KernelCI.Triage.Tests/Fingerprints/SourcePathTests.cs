using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Tests.Fingerprints;

public sealed class SourcePathTests
{
    [Theory]
    [InlineData("drivers/misc/x.c")]
    [InlineData("./drivers/misc/x.c")]
    [InlineData("../drivers/misc/x.c")]
    [InlineData("/tmp/kernelci-test-kernel-1/src/drivers/misc/x.c")]
    public void Path_is_relative_to_the_kernel_tree(string path)
    {
        Assert.Equal("drivers/misc/x.c", SourcePath.Normalize(path));
    }

    [Fact]
    public void Temporary_object_is_one_name()
    {
        Assert.Equal("/tmp/_", SourcePath.Normalize("/tmp/ccWEfAD5.o"));
    }

    [Fact]
    public void First_kernel_directory_of_the_path_starts_the_tree()
    {
        Assert.Equal("arch/x86/kernel/x.c", SourcePath.Normalize("/home/ci/linux/arch/x86/kernel/x.c"));
    }
}
