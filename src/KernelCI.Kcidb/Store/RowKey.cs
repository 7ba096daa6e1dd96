namespace KernelCI.Kcidb.Store;

/// <summary>A row's primary key: the id, plus the version for issues (0 for the other types).</summary>
internal readonly record struct RowKey(string Id, long Version) : IComparable<RowKey>
{
    public int CompareTo(RowKey other)
    {
        var byId = string.CompareOrdinal(Id, other.Id);
        return byId != 0 ? byId : Version.CompareTo(other.Version);
    }
}
