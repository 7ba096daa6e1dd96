namespace KernelCI.Kcidb.Schema;

internal readonly record struct KcidbVersion(int Major, int Minor)
{
    public static readonly KcidbVersion Latest = new(5, 3);

    /// <summary>Every version we hold a schema for, oldest first.</summary>
    public static readonly KcidbVersion[] Supported =
    [
        new(3, 0),
        new(4, 0), new(4, 1), new(4, 2), new(4, 3), new(4, 4), new(4, 5),
        new(5, 0), new(5, 1), new(5, 2), new(5, 3),
    ];

    public override string ToString() => $"{Major}.{Minor}";
}
