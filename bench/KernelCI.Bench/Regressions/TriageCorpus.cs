using System.Text;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Regressions;

/// <summary>The log triage part's corpus: a file of build logs and a file of serial consoles, each about half of
/// <c>--triage-mb</c>, made from the real logs the triage tests use (tests/KernelCI.Triage.Tests/Recorded: the
/// tinyconfig build of linux-source-6.1, its QEMU console) with a planted problem in every second log (the recorded
/// gcc, clang, ld, Kconfig and make outputs; the Corpus samples of every kernel report kind).</summary>
internal static class TriageCorpus
{
    public static (string BuildLog, string BootLog, int BuildPlanted, int BootPlanted) Write(string directory, int megabytes)
    {
        var tests = Path.Combine(RepoPaths.Root, "tests", "KernelCI.Triage.Tests");
        var recorded = Path.Combine(tests, "Recorded");
        var corpus = Path.Combine(tests, "Corpus");
        string[] buildProblems = ["gcc-warning.txt", "gcc-error-and-warnings.txt", "clang-error.txt", "clang-warning.txt", "gcc-link-errors.txt",
            "clang-link-errors.txt", "kconfig-errors.txt", "make-gcc-error.txt", "gcc-werror.txt"];
        var bootProblems = Directory.GetFiles(corpus, "*.log").Where(f => !Path.GetFileName(f).StartsWith("make-", StringComparison.Ordinal)
            && !Path.GetFileName(f).Contains("modpost", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("lld-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        var half = megabytes * 1_000_000L / 2;
        var build = Path.Combine(directory, "build-logs.txt");
        var boot = Path.Combine(directory, "boot-logs.txt");
        var buildPlanted = Fill(build, half, File.ReadAllText(Path.Combine(recorded, "tinyconfig-build.log")),
            buildProblems.Select(f => File.ReadAllText(Path.Combine(recorded, f))).ToArray());
        var bootPlanted = Fill(boot, half, File.ReadAllText(Path.Combine(recorded, "qemu-login.log")),
            bootProblems.Select(File.ReadAllText).ToArray());
        return (build, boot, buildPlanted, bootPlanted);
    }

    private static int Fill(string path, long bytes, string log, string[] problems)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        long written = 0;
        var planted = 0;
        for (var i = 0; written < bytes; i++)
        {
            writer.Write(log);
            written += Encoding.UTF8.GetByteCount(log);
            if (i % 2 == 1)
            {
                var problem = problems[planted++ % problems.Length];
                writer.Write(problem.EndsWith('\n') ? problem : problem + "\n");
                written += Encoding.UTF8.GetByteCount(problem);
            }
        }

        return planted;
    }
}
