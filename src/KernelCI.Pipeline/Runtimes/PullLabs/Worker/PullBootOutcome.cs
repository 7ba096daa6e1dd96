using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>How a pull job's boot ended: the QEMU lab's verdict, the parsed serial log (none when QEMU never ran) and
/// the serial text.</summary>
internal sealed record PullBootOutcome(BootVerdict Verdict, BootLog? Log, string Serial);
