namespace KernelCI.Kcidb.Store;

/// <summary>One table column and the object field it holds; nested fields are flattened ("environment_comment").</summary>
internal sealed record KcidbColumn(string Name, ColumnKind Kind, string? Parent = null)
{
    /// <summary>The field's name inside its object: the column name without the parent prefix.</summary>
    public string Field => Parent is null ? Name : Name[(Parent.Length + 1)..];
}
