namespace KernelCI.Bench.Storage.Servers;

/// <summary>The command line that starts a server, wrapped in `env` and `taskset` when asked: both exec the server,
/// so the process id the bench holds (for CPU and memory) stays the server's.</summary>
internal static class Launcher
{
    public static (string Executable, List<string> Arguments) Wrap(
        string executable, IEnumerable<string> arguments, string? cpus, IReadOnlyList<string> environment)
    {
        List<string> command = [executable, .. arguments];
        if (cpus is not null)
        {
            command = ["taskset", "-c", cpus, .. command];
        }

        if (environment.Count > 0)
        {
            command = ["env", .. environment, .. command];
        }

        return (command[0], command[1..]);
    }
}
