namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>One manifest entry: <see cref="Url"/> is null while the run is in progress.</summary>
internal sealed record NipaRun(string Executor, string Branch, string CheckoutId, DateTime Started, string? Url);
