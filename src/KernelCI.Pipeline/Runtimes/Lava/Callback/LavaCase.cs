namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>One entry of a suite's result list in a LAVA callback: the case's name, LAVA's result (pass, fail, skip,
/// unknown), the test set it belongs to (`metadata.set`) and, in the `lava` suite, the `job` stage's error type and
/// message.</summary>
internal sealed record LavaCase(string Name, string Result, string? Set, string? ErrorType = null, string? ErrorMessage = null);
