namespace KernelCI.Bench.KcidbIngest;

internal enum BenchDatabase
{
    PostgreSql,
    Sqlite,
}
