using KernelCI.Pipeline.Bridge;

namespace KernelCI.Pipeline.Tests.Bridge;

public sealed class KcidbPathTests
{
    [Theory]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86", true, "boot")]
    [InlineData("checkout,kbuild-gcc-x86,kselftest-dt,kselftest-dt,case", true, "kselftest.dt.case")]
    [InlineData("checkout,kbuild-gcc-x86,kselftest-dt,dt,of/unittest", true, "kselftest.dt.dt.of_unittest")]
    [InlineData("checkout,kunit-x86_64,exec,suite,case", false, "kunit.exec.suite.case")]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86,os-release", true, "boot.os-release")]
    public void Node_path_maps_to_kcidb_path(string path, bool underKbuild, string expected)
    {
        Assert.Equal(expected, KcidbPath.Map(path.Split(','), underKbuild, BridgeNodes.Config));
    }

    [Theory]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86,setup")]
    [InlineData("checkout,kbuild-gcc-x86,baseline-x86,setup,login")]
    [InlineData("checkout,kbuild-gcc-x86,unmapped-job,case")]
    [InlineData("checkout,kbuild-gcc-x86,not-in-config")]
    public void Setup_steps_and_unmapped_jobs_are_not_sent(string path)
    {
        Assert.Null(KcidbPath.Map(path.Split(','), underKbuild: true, BridgeNodes.Config));
    }
}
