using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Bisection;
using KernelCI.Pipeline.Services.Scheduler;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

public sealed class JobNodeFactoryTests
{
    private static readonly JobConfig Baseline = new("baseline-x86", "job", "baseline.jinja2", null, [], Rules.None);

    [Fact]
    public void Job_under_a_bisection_step_carries_its_regression()
    {
        var kbuild = new MaestroNode { Id = "k1", Kind = "kbuild", Name = "kbuild-gcc-x86", Path = ["checkout", "kbuild-gcc-x86"], Debug = BisectionStepMark.Mark("maestro:r1") };

        var job = JobNodeFactory.Create(kbuild, Baseline, "qemu-lab", "qemu-x86_64", 0, null, []);

        Assert.Equal("maestro:r1", BisectionStepMark.Of(job));
    }

    [Fact]
    public void Job_under_a_branch_checkout_has_no_bisection_mark()
    {
        var kbuild = new MaestroNode { Id = "k1", Kind = "kbuild", Name = "kbuild-gcc-x86", Path = ["checkout", "kbuild-gcc-x86"], Debug = new() { ["retry_by"] = "x" } };

        var job = JobNodeFactory.Create(kbuild, Baseline, "qemu-lab", "qemu-x86_64", 0, null, []);

        Assert.Null(BisectionStepMark.Of(job));
    }
}
