namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>Rows copied into one table, and how long producing them took (overlapped with the COPY itself).</summary>
internal sealed record TableCopy(long Rows, TimeSpan Generation);
