namespace KernelCI.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's root, found from the test assembly's folder (artifacts/ lives under it).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The `kernelci` host built in the same configuration as the tests.</summary>
    public static string HostExecutable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/release/", StringComparison.Ordinal) ? "release" : "debug";
            return Path.Combine(Root, "artifacts", "bin", "KernelCI.Host", configuration, "kernelci");
        }
    }

    /// <summary>Where upstream's programs the tests run against live: `../shared/vendor` beside the repository
    /// (KERNELCI_VENDOR_DIR overrides).</summary>
    public static string VendorDirectory =>
        Environment.GetEnvironmentVariable("KERNELCI_VENDOR_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "vendor"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KernelCI.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KernelCI.slnx not found above " + AppContext.BaseDirectory);
    }
}
