namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>A "format" keyword, checked as upstream's <c>jsonschema[format]</c> checks it.</summary>
internal sealed class StringFormat(string name, Func<ReadOnlySpan<char>, bool> isValid)
{
    public static readonly StringFormat DateTime = new("date-time", DateTimeFormat.IsValid);
    public static readonly StringFormat Uri = new("uri", AbsoluteUriFormat.IsValid);

    // python-jsonschema only asks for an "@" anywhere.
    public static readonly StringFormat Email = new("email", value => value.Contains('@'));

    public string Name => name;

    /// <summary>The checker for a format name, or null for formats that are not checked.</summary>
    public static StringFormat? For(string name) => name switch
    {
        "date-time" => DateTime,
        "uri" => Uri,
        "email" => Email,
        _ => null,
    };

    public bool IsValid(ReadOnlySpan<char> value) => isValid(value);
}
