using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Servers;

internal static class NginxInstaller
{
    private static readonly string[] Candidates = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"];

    /// <summary>The nginx binary; when missing and running as root, installs Debian's `nginx` package first.</summary>
    public static async Task<string> FindOrInstallAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (Find() is { } found)
        {
            return found;
        }

        if (Environment.UserName != "root")
        {
            throw new BenchFailure("nginx is not installed and this is not root: run `apt-get install -y nginx` first");
        }

        await output.WriteLineAsync("[nginx] not installed; running apt-get install -y nginx");
        var update = await ProcessRunner.RunAsync("apt-get", ["update", "-q"], cancellationToken);
        var install = await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-q", "nginx"], cancellationToken);
        return Find() ?? throw new BenchFailure(
            $"apt-get install nginx failed (update exit {update.ExitCode}, install exit {install.ExitCode}): {install.Error}");
    }

    private static string? Find() => Candidates.FirstOrDefault(File.Exists);
}
