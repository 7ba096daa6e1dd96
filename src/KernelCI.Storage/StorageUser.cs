namespace KernelCI.Storage;

/// <summary>A user (the token's email) and the path prefixes it may upload under; "" means everywhere.</summary>
public sealed record StorageUser
{
    public string Name { get; init; } = "";

    public IReadOnlyList<string> Prefixes { get; init; } = [];
}
