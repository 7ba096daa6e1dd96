using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Build;

public sealed class KconfigAndMakeTests
{
    [Fact]
    public void Kconfig_syntax_errors_are_reported_with_their_file()
    {
        var problems = BuildLog(Recorded("kconfig-errors.txt"));

        Assert.Equal(["syntax error in drivers/misc/Kconfig", "unknown statement \"dependz\" in drivers/misc/Kconfig"],
            problems.Select(p => p.Summary));
        Assert.All(problems, p => Assert.Equal(ProblemKind.KconfigError, p.Kind));
    }

    [Fact]
    public void Kconfig_recursive_dependency_is_an_error()
    {
        var problem = Assert.Single(BuildLog("drivers/misc/Kconfig:5:error: recursive dependency detected!\n"));

        Assert.Equal((ProblemKind.KconfigError, 5), (problem.Kind, problem.Line));
    }

    [Fact]
    public void Config_override_warning_is_not_a_problem()
    {
        Assert.Empty(BuildLog(".config:1309:warning: override: UNWINDER_GUESS changes choice state\n"));
    }

    [Fact]
    public void Make_failure_explained_by_a_compiler_error_is_not_reported()
    {
        Assert.DoesNotContain(BuildLog(Recorded("make-gcc-error.txt")), p => p.Kind == ProblemKind.MakeError);
    }

    [Fact]
    public void Make_failure_alone_reports_its_deepest_target()
    {
        var problem = Assert.Single(BuildLog(Corpus("make-recipe-only.log")));

        Assert.Equal((ProblemKind.MakeError, "arch/x86/include/generated/asm/orc_hash.h"), (problem.Kind, problem.File));
    }

    [Fact]
    public void Make_missing_rule_is_reported()
    {
        var problem = Assert.Single(BuildLog(Corpus("make-no-rule.log")));

        Assert.Equal("make: No rule to make target 'drivers/misc/triage_firmware.bin', needed by 'drivers/misc/triage_fw.o'.  Stop.",
            problem.Summary);
    }

    [Fact]
    public void Make_waiting_for_unfinished_jobs_is_not_a_problem()
    {
        Assert.Empty(BuildLog("make[1]: *** Waiting for unfinished jobs....\n"));
    }

    [Fact]
    public void Recipe_killed_by_a_signal_is_a_make_error()
    {
        var problem = Assert.Single(BuildLog("make[2]: *** [scripts/Makefile.build:250: drivers/misc/x.o] Killed\n"));

        Assert.Equal("make: drivers/misc/x.o failed (scripts/Makefile.build, Killed)", problem.Summary);
    }
}
