namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>One line of LAVA's structured log (output.yaml): time, level (target, info, debug, results…) and message.</summary>
internal sealed record LavaLogLine(string? Dt, string? Lvl, string Msg);
