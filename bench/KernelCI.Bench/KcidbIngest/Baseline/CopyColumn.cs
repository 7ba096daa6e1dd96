namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>A KCIDB field flattened into its upstream PostgreSQL column (kcidb-db's naming: `environment_comment`, …).</summary>
internal sealed record CopyColumn<T>(string Name, Func<T, object?> Value);
