using System.Globalization;

namespace KernelCI.Bench.Storage.Cpu;

/// <summary>CPU seconds (user + system, from /proc; Linux only) used so far by a process and every process below it:
/// nginx's work is done by its worker processes, not by the master the bench started. The bench's own figure must
/// leave out its children (the servers), so it reads one process.</summary>
internal sealed class ProcessTreeCpu(int root, bool withDescendants = true)
{
    // Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every architecture it runs .NET on.
    private const double TicksPerSecond = 100;

    public static ProcessTreeCpu Self { get; } = new(Environment.ProcessId, withDescendants: false);

    /// <summary>The tree is listed at every call, so workers that nginx restarts are still counted from their start;
    /// a process that exited between two calls loses its time, which does not happen while the bench runs.</summary>
    public double Seconds()
    {
        if (!withDescendants)
        {
            return (Read(root)?.Ticks ?? 0) / TicksPerSecond;
        }

        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                parents[pid] = stat.Parent;
                ticks[pid] = stat.Ticks;
            }
        }

        var total = 0L;
        foreach (var (pid, cpu) in ticks)
        {
            if (IsInTree(pid, parents))
            {
                total += cpu;
            }
        }

        return total / TicksPerSecond;
    }

    private bool IsInTree(int pid, Dictionary<int, int> parents)
    {
        for (var current = pid; current > 1; current = parents.GetValueOrDefault(current))
        {
            if (current == root)
            {
                return true;
            }
        }

        return false;
    }

    // Fields after the command name, which is in parentheses and may hold spaces: state, ppid (4th field of the
    // line), ..., utime (14th), stime (15th).
    private static (int Parent, long Ticks)? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
