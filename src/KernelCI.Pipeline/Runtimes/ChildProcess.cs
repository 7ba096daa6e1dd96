using System.Diagnostics;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>Runs a program with stdout and stderr going to a log file and stdin closed, killing its whole process
/// tree at the wall-clock limit or on cancellation.</summary>
internal static class ChildProcess
{
    /// <summary>The exit code, or null when the limit was reached first.</summary>
    public static async Task<int?> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, string logFile,
        TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // bash does the redirection so the child writes the log itself: no pumping, and the log survives our crash.
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$KCI_LOG_FILE\" 2>&1 </dev/null");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KCI_LOG_FILE"] = logFile;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }
}
