using KernelCI.Pipeline.Services.SendKcidb;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class KcidbPathTests
{
    [Theory]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86", 2, "boot")]
    [InlineData("checkout,kbuild-gcc-x86,kselftest-dt,kselftest-dt,case", 2, "kselftest.dt.case")]
    [InlineData("checkout,kbuild-gcc-x86,kselftest-dt,dt,of/unittest", 2, "kselftest.dt.dt.of_unittest")]
    [InlineData("checkout,kunit-x86_64,exec,suite,case", 1, "kunit.exec.suite.case")]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86,os-release", 2, "boot.os-release")]
    public void Node_path_maps_to_kcidb_path(string path, int buildDepth, string expected)
    {
        Assert.Equal(expected, KcidbPath.Map(path.Split(','), buildDepth, BridgeNodes.Config));
    }

    [Theory]
    [InlineData("checkout,patchset,kbuild-gcc-x86,baseline-x86", 3, "boot")]
    [InlineData("checkout,patchset,kbuild-gcc-x86,kselftest-dt,kselftest-dt,case", 3, "kselftest.dt.case")]
    [InlineData("checkout,patchset,kunit-x86_64,exec,suite,case", 2, "kunit.exec.suite.case")]
    public void Path_under_a_patchset_maps_like_one_under_a_checkout(string path, int buildDepth, string expected)
    {
        Assert.Equal(expected, KcidbPath.Map(path.Split(','), buildDepth, BridgeNodes.Config));
    }

    [Theory]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86,setup")]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86,setup,login")]
    [InlineData("checkout,kbuild-gcc-x86,unmapped-job,case")]
    [InlineData("checkout,kbuild-gcc-x86,not-in-config")]
    public void Setup_steps_and_unmapped_jobs_are_not_sent(string path)
    {
        Assert.Null(KcidbPath.Map(path.Split(','), buildDepth: 2, BridgeNodes.Config));
    }
}
