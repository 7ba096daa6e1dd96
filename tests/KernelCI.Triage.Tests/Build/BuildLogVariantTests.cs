using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Build;

public sealed class BuildLogVariantTests
{
    [Fact]
    public void Modpost_undefined_symbol_has_the_fingerprint_of_ld_undefined_reference()
    {
        var modpost = Assert.Single(BuildLog(Corpus("modpost-undefined.log")));
        var ld = BuildLog(Recorded("gcc-link-errors.txt")).Single(p => p.Summary.StartsWith("undefined", StringComparison.Ordinal));

        Assert.Equal(("drivers/misc/triage_mod.ko", ld.Fingerprint), (modpost.File, modpost.Fingerprint));
    }

    [Fact]
    public void Time_before_each_line_is_ignored()
    {
        var timed = string.Join('\n', Recorded("gcc-warning.txt").Split('\n').Select(l => "12:34:56 " + l));

        Assert.Equal(Assert.Single(BuildLog(Recorded("gcc-warning.txt"))).Fingerprint, Assert.Single(BuildLog(timed)).Fingerprint);
    }

    [Fact]
    public void Missing_header_is_a_compiler_error()
    {
        var problem = Assert.Single(BuildLog("drivers/misc/x.c:3:10: fatal error: 'triage.h' file not found\n"));

        Assert.Equal((ProblemKind.CompilerError, "'triage.h' file not found in drivers/misc/x.c"), (problem.Kind, problem.Summary));
    }
}
