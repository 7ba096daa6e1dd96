namespace KernelCI.Bench.Infrastructure;

/// <summary>Where the repository's Release server binary and the results folder are, found from the bench binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ServerExecutable => Path.Combine(Root, "artifacts", "bin", "KernelCI.Host", "release", "kernelci");

    public static string ResultsDirectory => Path.Combine(Root, ".bench");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KernelCI.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new BenchFailure($"no KernelCI.slnx above {AppContext.BaseDirectory}; run the benchmarks through ./bench.sh");
    }
}
