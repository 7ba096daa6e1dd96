using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Build;

/// <summary>The real log of a tinyconfig build of linux-source-6.1 (Recorded/README.md).</summary>
public sealed class TinyconfigBuildLogTests
{
    [Fact]
    public void Clean_build_log_has_no_problems()
    {
        Assert.Empty(BuildLog(Recorded("tinyconfig-build.log")));
    }

    [Fact]
    public void Error_and_warning_injected_into_the_build_log_are_exactly_what_is_found()
    {
        var log = Recorded("tinyconfig-build.log");
        var at = log.IndexOf("  CC      kernel/bounds.s", StringComparison.Ordinal);
        var injected = log[..at] + Recorded("make-gcc-error.txt") + log[at..];

        var problems = BuildLog(injected);

        Assert.Equal([ProblemKind.CompilerError, ProblemKind.CompilerWarning, ProblemKind.CompilerWarning], problems.Select(p => p.Kind));
        Assert.Equal(log[..at].Count(c => c == '\n') + 5, problems[0].LogLine);
    }
}
