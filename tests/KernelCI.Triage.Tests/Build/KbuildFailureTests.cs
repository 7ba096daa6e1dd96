using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Build;

/// <summary>A real out-of-tree Kbuild failure of linux-source-6.1: kernel/bounds.c given an undeclared identifier
/// and two unused things (Recorded/README.md).</summary>
public sealed class KbuildFailureTests
{
    [Fact]
    public void Error_and_warnings_are_found_in_the_tree_file()
    {
        var problems = BuildLog(Recorded("kbuild-bounds-error.log"));

        Assert.Equal([ProblemKind.CompilerError, ProblemKind.CompilerWarning, ProblemKind.CompilerWarning], problems.Select(p => p.Kind));
        Assert.All(problems, p => Assert.Equal("kernel/bounds.c", p.File));
    }

    [Fact]
    public void Out_of_tree_error_has_the_fingerprint_of_the_same_error_in_tree()
    {
        var log = Recorded("kbuild-bounds-error.log");

        var inTree = BuildLog(log.Replace("/tmp/triage-kb/linux/", "", StringComparison.Ordinal));

        Assert.Equal(BuildLog(log).Select(p => p.Fingerprint), inTree.Select(p => p.Fingerprint));
    }

    [Fact]
    public void Makefile_of_an_out_of_tree_build_is_known_by_its_name()
    {
        var problem = Assert.Single(BuildLog("make[1]: *** [/home/ci/linux/Makefile:1331: prepare0] Error 2\n"));

        Assert.Equal("build.make.error | Makefile | prepare0", problem.Signature);
    }
}
