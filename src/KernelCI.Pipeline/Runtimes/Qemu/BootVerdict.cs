using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>The job node's result from how QEMU ended and what the log says (docs/pipeline/runtimes.md): pass when the prompt was
/// reached and no suite failed; fail when the kernel ran but no prompt came (a panic) or a suite failed; incomplete
/// with LAVA's codes when the guest hung past the limit (LAVATimeout) or QEMU itself failed (Infrastructure).</summary>
internal sealed record BootVerdict(string Result, string? ErrorCode, string? ErrorMessage)
{
    public static BootVerdict From(BootLog log, int? exitCode, TimeSpan limit, IReadOnlyList<string> tail)
    {
        if (exitCode is null)
        {
            return new BootVerdict("incomplete", "LAVATimeout",
                $"the guest did not finish within {limit.TotalMinutes:0.#} minutes" + (log.PromptReached ? " (after reaching the prompt)" : ""));
        }

        if (!log.KernelStarted && !log.PromptReached)
        {
            return exitCode == 0
                ? new BootVerdict("fail", null, "the kernel printed nothing on the serial console")
                : new BootVerdict("incomplete", "Infrastructure", $"qemu failed (rc {exitCode}): {string.Join(" | ", tail)}");
        }

        if (!log.PromptReached)
        {
            return new BootVerdict("fail", null, log.KernelErrors.FirstOrDefault(e => e.Contains("panic", StringComparison.OrdinalIgnoreCase))
                ?? log.KernelErrors.FirstOrDefault() ?? "the shell prompt was not reached");
        }

        var failed = log.Suites.Where(s => s.Result == "fail").Select(s => s.Name).ToList();
        return failed.Count > 0
            ? new BootVerdict("fail", null, "failed suites: " + string.Join(", ", failed))
            : new BootVerdict("pass", null, null);
    }

    public static BootVerdict Incomplete(string code, string message) => new("incomplete", code, message);
}
