using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.KciDev;

/// <summary>kci-dev ships as a .NET tool, installed the way docs/kci-dev.md "Install" says.</summary>
public sealed class KciDevToolTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-kcidev-tool-").FullName;

    [Fact]
    public async Task Packed_tool_installs_and_runs()
    {
        // Given the project packed as a NuGet package (built in a folder of its own, so the checkout's artifacts/ is untouched)
        var packages = Path.Combine(_root, "packages");
        var pack = await ProcessRun.RunAsync("dotnet", ["pack", Path.Combine(RepositoryPaths.Root, "src", "KernelCI.KciDev"), "-c", "Release", "-o", packages,
            "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo"], Budget);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        // When it is installed as a tool from that folder
        var tools = Path.Combine(_root, "tools");
        var install = await ProcessRun.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "KernelCI.KciDev"], Budget);
        Assert.True(install.ExitCode == 0, install.ToString());

        // Then the installed kci-dev runs its commands
        var help = await ProcessRun.RunAsync(Path.Combine(tools, "kci-dev"), ["results", "--help"], TimeSpan.FromMinutes(1));
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("trees", help.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
