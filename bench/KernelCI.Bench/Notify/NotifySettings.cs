namespace KernelCI.Bench.Notify;

/// <summary>`./bench.sh notify`'s options (docs/benchmarks.md, "notify").</summary>
internal sealed record NotifySettings(int Subscriptions, int Regressions, int LatencySamples, bool Keep);
