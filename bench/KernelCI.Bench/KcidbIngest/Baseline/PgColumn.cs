namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>A table column as PostgreSQL describes it; <see cref="TypeName"/> is `format_type` without modifiers.</summary>
internal sealed record PgColumn(string Name, string TypeName, bool IsEnum, bool NotNull, bool HasDefault);
