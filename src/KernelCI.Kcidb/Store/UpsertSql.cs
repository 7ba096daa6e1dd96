namespace KernelCI.Kcidb.Store;

/// <summary>The merge rule in SQL, shared by both databases: per column, a new non-null value replaces the stored one and a
/// null never overwrites (`COALESCE(new, old)`); `_timestamp` always becomes the time of this write.
/// Upstream kcidb alternates which side wins between loads and the Dashboard keeps the first writer; we let the later
/// submission win, so a submitter can correct a field (a test's status) by sending it again.</summary>
internal static class UpsertSql
{
    public static string ColumnList(KcidbTable table) => string.Join(", ", table.Columns.Select(c => c.Name));

    public static string OnConflict(KcidbTable table) =>
        $"ON CONFLICT ({string.Join(", ", table.Key)}) DO UPDATE SET\n    " +
        string.Join(",\n    ", table.Columns
            .Where(c => !table.Key.Contains(c.Name))
            .Select(c => $"{c.Name} = COALESCE(excluded.{c.Name}, {table.Name}.{c.Name})")
            .Append("_timestamp = excluded._timestamp"));
}
