using System.Diagnostics;

namespace KernelCI.Client.Bisection;

/// <summary>Runs the `git` binary in one folder, never prompting for credentials.</summary>
internal sealed class GitProcess(string directory)
{
    public string Directory => directory;

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BisectionException("cannot run git: " + e.Message, e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, (await output).Trim(), (await error).Trim());
        }
    }

    /// <summary>Standard output; a failure becomes a <see cref="BisectionException"/> naming the command and git's
    /// first line of complaint.</summary>
    public async Task<string> OutputAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var (code, output, error) = await RunAsync(arguments, cancellationToken);
        if (code != 0)
        {
            var reason = (error.Length > 0 ? error : output).Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {code}";
            throw new BisectionException($"git {string.Join(' ', arguments.Take(2))} failed: {reason}");
        }

        return output;
    }
}
