using System.Text.RegularExpressions;

namespace KernelCI.Dashboard.Web.Logs;

/// <summary>The one place that says which log lines the viewer marks. Errors: the kernel's `BUG:`, `Oops`, `Kernel
/// panic`, `Call Trace`, `Unable to handle kernel`, `general protection fault`, `segfault`, and the toolchain's
/// `error:` / `Error N` (make) and `fatal error`; warnings: the kernel's `WARNING:` and the compiler's `warning:`.
/// Upstream's log viewer marks nothing (kernelci/dashboard:dashboard/src/pages/LogViewer.tsx); these are the headers of
/// the kernel's own reports and gcc's and make's diagnostics.</summary>
internal static partial class LogPatterns
{
    public static LogLineKind Classify(string line) =>
        Error().IsMatch(line) ? LogLineKind.Error
        : Warning().IsMatch(line) ? LogLineKind.Warning
        : LogLineKind.Plain;

    [GeneratedRegex(@"\bBUG:|\bOops\b|Kernel panic|Call Trace|Unable to handle kernel|general protection fault|\bsegfault\b|\berror:|\bError \d+\b|fatal error",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Error();

    [GeneratedRegex(@"\bwarning:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Warning();
}
