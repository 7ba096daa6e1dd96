namespace KernelCI.Pipeline.Runtimes.Results;

/// <summary>What a serial console log says: whether the kernel started and the shell prompt was reached, the kernel's
/// serious messages (panic, Oops, BUG, crit/alert/emerg) and the test suites reported with LAVA signals or KTAP.</summary>
internal sealed record BootLog(bool KernelStarted, bool PromptReached, IReadOnlyList<string> KernelErrors, IReadOnlyList<ResultNode> Suites);
