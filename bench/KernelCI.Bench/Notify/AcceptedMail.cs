namespace KernelCI.Bench.Notify;

/// <summary>One message the sink accepted: when (a Stopwatch timestamp), its Message-ID, subject, report kind and
/// envelope recipients.</summary>
internal sealed record AcceptedMail(long At, string MessageId, string Subject, string Kind, string To);
