namespace KernelCI.Testing;

/// <summary>The one ccache of the machine's test and benchmark kbuilds (KERNELCI_TEST_CCACHE, default
/// /tmp/kernelci-test-ccache), so that only the first tinyconfig build of a tree compiles the whole kernel.</summary>
public static class SharedCcache
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("KERNELCI_TEST_CCACHE") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "kernelci-test-ccache");

    /// <summary>Links it where the shell runtime keeps its ccache: the pipeline's work folder, DATA/pipeline/ccache.</summary>
    public static void LinkInto(string dataDirectory)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(dataDirectory, "pipeline"));
        System.IO.Directory.CreateDirectory(Directory);
        File.CreateSymbolicLink(Path.Combine(dataDirectory, "pipeline", "ccache"), Directory);
    }
}
