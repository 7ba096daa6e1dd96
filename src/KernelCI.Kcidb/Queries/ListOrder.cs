namespace KernelCI.Kcidb.Queries;

internal enum ListOrder
{
    /// <summary>start_time newest first, objects without one last; ties by id.</summary>
    NewestFirst,

    /// <summary>By id (and version), for the types without a start_time.</summary>
    ById,
}
