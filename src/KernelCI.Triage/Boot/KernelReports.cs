using System.Globalization;
using System.Text.RegularExpressions;
using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Boot;

/// <summary>The first lines of the kernel's reports, in the formats the kernel prints them (linux 6.1):
/// kernel/panic.c (panic, __warn), arch/x86/mm/fault.c and arch/arm64/mm/fault.c (page faults), arch/x86/kernel/
/// dumpstack.c and traps.c (Oops, general protection fault, RIP), arch/arm64/kernel/traps.c (Internal error),
/// lib/bug.c (kernel BUG at), mm/kasan/report.c, lib/ubsan.c, kernel/rcu/tree_stall.h, kernel/hung_task.c,
/// kernel/watchdog.c. Each method gets a line without its printk prefix and returns null when it is not its report.</summary>
internal static partial class KernelReports
{
    public static PendingReport? Panic(string line, long n)
    {
        var match = PanicLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var message = match.Groups["message"].Value.Trim();
        return new PendingReport
        {
            Kind = ProblemKind.KernelPanic, Summary = $"Kernel panic - not syncing: {message}",
            Core = Normalizer.Text(message), Evidence = line, LogLine = n,
        };
    }

    public static PendingReport? Kasan(string line, long n)
    {
        var match = KasanLine().Match(line);
        return match.Success
            ? new PendingReport
            {
                Kind = ProblemKind.Kasan, Summary = $"KASAN: {match.Groups["type"].Value}", Core = match.Groups["type"].Value,
                Function = match.Groups["symbol"].Success ? Normalizer.Function(match.Groups["symbol"].Value) : null,
                Evidence = line, LogLine = n,
            }
            : null;
    }

    public static PendingReport? SoftLockup(string line, long n) => SoftLockupLine().IsMatch(line)
        ? new PendingReport
        {
            Kind = ProblemKind.SoftLockup, Summary = "soft lockup", Core = "soft lockup", Evidence = line, LogLine = n,
            WantsFunction = true,
        }
        : null;

    /// <summary>A page fault or protection fault, or an "Oops" line that no such line preceded.</summary>
    public static PendingReport? Oops(string line, long n)
    {
        var match = OopsLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        // x86 prints "BUG: kernel NULL pointer dereference", arm64 "Unable to handle kernel NULL pointer
        // dereference": without "Unable to handle", the same fault in the same function is one issue on both.
        var what = match.Groups["what"].Value.Trim();
        var core = what.AsSpan(1).StartsWith("nable to handle ", StringComparison.Ordinal) ? what["Unable to handle ".Length..] : what;
        return new PendingReport
        {
            Kind = ProblemKind.Oops, Summary = what, Core = Normalizer.Text(core), Evidence = line, LogLine = n,
            WantsFunction = true,
        };
    }

    public static bool IsOopsBanner(string line) => OopsBanner().IsMatch(line);

    public static PendingReport? KernelBugAt(string line, long n)
    {
        var match = KernelBugLine().Match(line);
        return match.Success
            ? new PendingReport
            {
                Kind = ProblemKind.KernelBug, Summary = "kernel BUG", Core = "kernel BUG at",
                File = SourcePath.Normalize(match.Groups["file"].Value),
                Line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                Evidence = line, LogLine = n, WantsFunction = true,
            }
            : null;
    }

    /// <summary>Any other "BUG: description[ at file:line][: detail]"; the detail (comm, pid, address) is left out.</summary>
    public static PendingReport? Bug(string line, long n)
    {
        var match = BugLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var description = match.Groups["description"].Value.Trim();
        return new PendingReport
        {
            Kind = ProblemKind.KernelBug, Summary = $"BUG: {description}", Core = Normalizer.Text(description),
            File = match.Groups["file"].Success ? SourcePath.Normalize(match.Groups["file"].Value) : null,
            Evidence = line, LogLine = n,
        };
    }

    public static PendingReport? Warning(string line, long n)
    {
        var match = WarningLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["symbol"].Success)
        {
            return new PendingReport
            {
                Kind = ProblemKind.KernelWarning, Summary = "WARNING", Core = "WARNING",
                File = match.Groups["file"].Success ? SourcePath.Normalize(match.Groups["file"].Value) : null,
                Line = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : null,
                Function = Normalizer.Function(match.Groups["symbol"].Value), Evidence = line, LogLine = n,
            };
        }

        var message = match.Groups["message"].Value.Trim();
        return new PendingReport
        {
            Kind = ProblemKind.KernelWarning, Summary = $"WARNING: {message}", Core = Normalizer.Text(message),
            Evidence = line, LogLine = n,
        };
    }

    public static PendingReport? Ubsan(string line, long n)
    {
        var match = UbsanLine().Match(line);
        return match.Success
            ? new PendingReport
            {
                Kind = ProblemKind.Ubsan, Summary = $"UBSAN: {match.Groups["reason"].Value}", Core = match.Groups["reason"].Value,
                File = SourcePath.Normalize(match.Groups["file"].Value),
                Line = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : null,
                Evidence = line, LogLine = n, WantsDetail = true,
            }
            : null;
    }

    /// <summary>The RCU flavour (rcu_preempt, rcu_sched) depends on the config, not on the problem: it is left out.</summary>
    public static PendingReport? RcuStall(string line, long n)
    {
        var match = RcuStallLine().Match(line);
        return match.Success
            ? new PendingReport
            {
                Kind = ProblemKind.RcuStall, Summary = $"RCU {match.Groups["what"].Value}", Core = match.Groups["what"].Value,
                Evidence = line, LogLine = n, WantsFunction = true,
            }
            : null;
    }

    public static PendingReport? HungTask(string line, long n)
    {
        var match = HungTaskLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var task = Normalizer.Comm(match.Groups["comm"].Value);
        return new PendingReport
        {
            Kind = ProblemKind.HungTask, Summary = $"task {task} blocked (hung task)", Core = task, Evidence = line, LogLine = n,
        };
    }

    /// <summary>The function of "RIP: 0010:foo+0x1c/0x40" or "pc : foo+0x1c/0x40"; null for a raw address (a
    /// kernel without kallsyms prints one, which differs between builds).</summary>
    public static string? InstructionPointer(string line)
    {
        var match = InstructionPointerLine().Match(line);
        return match.Success && !match.Groups["symbol"].Value.StartsWith("0x", StringComparison.Ordinal)
            ? Normalizer.Function(match.Groups["symbol"].Value)
            : null;
    }

    [GeneratedRegex(@"^Kernel panic - not syncing: ?(?<message>.*)$")]
    private static partial Regex PanicLine();

    [GeneratedRegex(@"BUG: KASAN: (?<type>[\w-]+)(?: in (?<symbol>\S+))?")]
    private static partial Regex KasanLine();

    [GeneratedRegex(@"BUG: soft lockup - CPU#\d+ stuck for")]
    private static partial Regex SoftLockupLine();

    [GeneratedRegex(@"^(?:BUG: )?(?<what>kernel NULL pointer dereference|[Uu]nable to handle [^,:]+?|general protection fault)(?: at virtual address|,|:|$)")]
    private static partial Regex OopsLine();

    [GeneratedRegex(@"^(?:Internal error: )?Oops\b|^invalid opcode: ")]
    private static partial Regex OopsBanner();

    [GeneratedRegex(@"^kernel BUG at (?<file>[^:\s]+):(?<line>\d+)!")]
    private static partial Regex KernelBugLine();

    [GeneratedRegex(@"^BUG: (?<description>.+?)(?: at (?<file>[^\s:]+\.[ch]):\d+|:|$)")]
    private static partial Regex BugLine();

    // Besides __warn's "WARNING: CPU: …", only lockdep's and RCU's own "WARNING: …" reports (kernel/locking/lockdep.c,
    // kernel/rcu/update.c: "possible circular locking dependency detected", "suspicious RCU usage"): a test program
    // printing "WARNING: …" on the console is not the kernel.
    [GeneratedRegex(@"^WARNING: (?:CPU: \d+ PID: \d+ at (?:(?<file>[^\s:]+):(?<line>\d+) )?(?<symbol>\S+)|(?<message>.*(?:lock|RCU).*))")]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"^UBSAN: (?<reason>.+?) in (?<file>[^\s:]+)(?::(?<line>\d+))?")]
    private static partial Regex UbsanLine();

    [GeneratedRegex(@"INFO: [\w-]+ (?<what>detected stalls on CPUs/tasks|self-detected stall on CPU|detected expedited stalls on CPUs/tasks)")]
    private static partial Regex RcuStallLine();

    [GeneratedRegex(@"INFO: task (?<comm>.+):\d+ blocked for more than \d+ seconds")]
    private static partial Regex HungTaskLine();

    [GeneratedRegex(@"^(?:RIP: [0-9a-fA-F]{4}:|pc : )(?<symbol>\S+)")]
    private static partial Regex InstructionPointerLine();
}
