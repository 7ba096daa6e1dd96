using KernelCI.Data;

namespace KernelCI.Kcidb.Store;

public static class KcidbMigrations
{
    public static IReadOnlyList<Migration> All { get; } = [];
}
