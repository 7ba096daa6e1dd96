using System.Diagnostics;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Git;

/// <summary>Runs the `git` binary (auto-detection, `--tipoftree`, tag resolution, bisect: kci-dev.md §5).</summary>
internal static class GitRunner
{
    /// <summary>Runs git in <paramref name="directory"/>; returns its exit code and trimmed standard output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string directory, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CliException("cannot run git: " + e.Message);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, (await output).Trim(), (await error).Trim());
        }
    }

    /// <summary>Standard output, or null when git fails.</summary>
    public static async Task<string?> TryAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var (code, output, _) = await RunAsync(directory, arguments, cancellationToken);
        return code == 0 ? output : null;
    }
}
