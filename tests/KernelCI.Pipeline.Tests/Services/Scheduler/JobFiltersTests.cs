using KernelCI.Pipeline.Services.Scheduler;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

public sealed class JobFiltersTests
{
    private static readonly string[] BaselinePath = ["checkout", "kbuild-gcc-x86", "baseline-x86"];

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("baseline-x86", true)]
    [InlineData("kbuild-gcc-x86", false)]
    [InlineData("kbuild-gcc-x86+", true)]
    [InlineData("baseline-x86+", true)]
    [InlineData("checkout+", true)]
    [InlineData("kbuild-clang-x86+", false)]
    [InlineData("kselftest,kbuild-gcc-x86", false)]
    [InlineData("kselftest,baseline-x86", true)]
    public void Jobfilter_lists_jobs_or_subtrees_with_plus(string? filter, bool allowed)
    {
        var jobfilter = filter?.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(allowed, JobFilters.AllowsJob(jobfilter, "baseline-x86", BaselinePath));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("qemu-x86_64", true)]
    [InlineData("rpi4,qemu-x86_64", true)]
    [InlineData("rpi4", false)]
    public void Platform_filter_lists_platforms(string filter, bool allowed) =>
        Assert.Equal(allowed, JobFilters.AllowsPlatform(filter.Split(',', StringSplitOptions.RemoveEmptyEntries), "qemu-x86_64"));
}
