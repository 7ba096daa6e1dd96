using System.CommandLine;

namespace KernelCI.Host;

internal static class CommonOptions
{
    public static Option<string> DataDir() => new("--data-dir")
    {
        Description = "Folder for the embedded database, spool, files and secrets",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KERNELCI_DATA_DIR") ?? "data",
    };
}
