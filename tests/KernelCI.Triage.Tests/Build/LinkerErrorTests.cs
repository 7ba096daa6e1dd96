using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Build;

public sealed class LinkerErrorTests
{
    [Fact]
    public void Undefined_reference_names_the_symbol_the_file_and_the_function()
    {
        var undefined = Assert.Single(BuildLog(Recorded("gcc-link-errors.txt")), p => p.Summary.StartsWith("undefined", StringComparison.Ordinal));

        Assert.Equal(("triage_link.c", "main"), (undefined.File, undefined.Function));
        Assert.Equal("undefined reference to `triage_missing_symbol' in triage_link.c", undefined.Summary);
    }

    [Fact]
    public void Multiple_definition_is_a_linker_error()
    {
        var problems = BuildLog(Recorded("gcc-link-errors.txt"));

        Assert.Contains(problems, p => p is { Kind: ProblemKind.LinkerError, Summary: "multiple definition of `triage_twice' in triage_twice.c" });
    }

    [Fact]
    public void Collect2_and_the_clang_driver_summaries_are_not_problems()
    {
        Assert.Equal(2, BuildLog(Recorded("clang-link-errors.txt")).Count);
    }

    [Fact]
    public void Gcc_and_clang_builds_with_different_temporary_objects_give_the_same_fingerprints()
    {
        var gcc = BuildLog(Recorded("gcc-link-errors.txt")).Select(p => p.Fingerprint);
        var clang = BuildLog(Recorded("clang-link-errors.txt")).Select(p => p.Fingerprint);

        Assert.Equal(gcc, clang);
    }

    [Fact]
    public void Lld_undefined_symbol_has_the_fingerprint_of_ld_bfd_undefined_reference()
    {
        var lld = Assert.Single(BuildLog(Corpus("lld-undefined-symbol.log")));
        var bfd = BuildLog(Recorded("gcc-link-errors.txt")).Single(p => p.Summary.StartsWith("undefined", StringComparison.Ordinal));

        Assert.Equal(bfd.Fingerprint, lld.Fingerprint);
    }

    [Fact]
    public void Other_ld_error_is_reported_with_its_message()
    {
        var problem = Assert.Single(BuildLog("/usr/bin/ld: cannot find -ltriage: No such file or directory\n"));

        Assert.Equal((ProblemKind.LinkerError, "ld: cannot find -ltriage: No such file or directory"), (problem.Kind, problem.Summary));
    }
}
