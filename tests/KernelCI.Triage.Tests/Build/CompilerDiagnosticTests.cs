using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Build;

/// <summary>Real gcc 12 and clang 14 output (Recorded/README.md).</summary>
public sealed class CompilerDiagnosticTests
{
    [Fact]
    public void Gcc_error_gives_its_file_line_column_and_message()
    {
        var error = Assert.Single(BuildLog(Recorded("gcc-error-and-warnings.txt")), p => p.Kind == ProblemKind.CompilerError);

        Assert.Equal(("drivers/misc/triage_demo.c", 5, 21), (error.File, error.Line, error.Column));
        Assert.Equal("'undeclared_offset' undeclared (first use in this function) in drivers/misc/triage_demo.c", error.Summary);
    }

    [Fact]
    public void Gcc_warnings_are_reported_with_their_flags()
    {
        var warnings = BuildLog(Recorded("gcc-error-and-warnings.txt")).Where(p => p.Kind == ProblemKind.CompilerWarning);

        Assert.Equal(["-Wunused-variable", "-Wreturn-type"], warnings.Select(w => w.Flag));
    }

    [Fact]
    public void Gcc_notes_are_not_problems()
    {
        Assert.Equal(3, BuildLog(Recorded("gcc-error-and-warnings.txt")).Count);
    }

    [Fact]
    public void Clang_error_is_parsed()
    {
        var error = Assert.Single(BuildLog(Recorded("clang-error.txt")));

        Assert.Equal((ProblemKind.CompilerError, "drivers/misc/triage_demo.c", 5, 14), (error.Kind, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Same_warning_from_gcc_and_clang_has_one_fingerprint()
    {
        var gcc = Assert.Single(BuildLog(Recorded("gcc-warning.txt")));
        var clang = Assert.Single(BuildLog(Recorded("clang-warning.txt")));

        Assert.Equal(gcc.Fingerprint, clang.Fingerprint);
    }

    [Fact]
    public void Werror_from_gcc_and_clang_has_one_fingerprint_and_the_warning_flag()
    {
        var gcc = Assert.Single(BuildLog(Recorded("gcc-werror.txt")));
        var clang = Assert.Single(BuildLog(Recorded("clang-werror.txt")));

        Assert.Equal((ProblemKind.CompilerError, "-Wunused-variable"), (gcc.Kind, gcc.Flag));
        Assert.Equal(gcc.Fingerprint, clang.Fingerprint);
    }

    [Fact]
    public void Warning_that_moved_to_another_line_keeps_its_fingerprint()
    {
        var log = Recorded("gcc-warning.txt");

        var moved = BuildLog(log.Replace("triage_warn.c:3:13:", "triage_warn.c:97:13:", StringComparison.Ordinal));

        Assert.Equal(Assert.Single(BuildLog(log)).Fingerprint, Assert.Single(moved).Fingerprint);
    }

    [Fact]
    public void Same_warning_in_another_file_is_another_problem()
    {
        var log = Recorded("gcc-warning.txt");

        var other = BuildLog(log.Replace("drivers/misc/triage_warn.c:", "drivers/misc/other.c:", StringComparison.Ordinal));

        Assert.NotEqual(Assert.Single(BuildLog(log)).Fingerprint, Assert.Single(other).Fingerprint);
    }

    [Fact]
    public void Out_of_tree_absolute_path_is_the_same_file()
    {
        var log = Recorded("gcc-warning.txt");

        var absolute = BuildLog(log.Replace("drivers/misc/triage_warn.c:", "/home/ci/linux/drivers/misc/triage_warn.c:", StringComparison.Ordinal));

        Assert.Equal("drivers/misc/triage_warn.c", Assert.Single(absolute).File);
        Assert.Equal(Assert.Single(BuildLog(log)).Fingerprint, Assert.Single(absolute).Fingerprint);
    }
}
