namespace KernelCI.Bench;

/// <summary>The benchmark cannot go on (a submission failed, counts are wrong, the server died): report and exit 2.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
