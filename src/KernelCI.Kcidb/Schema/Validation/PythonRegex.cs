namespace KernelCI.Kcidb.Schema.Validation;

internal static class PythonRegex
{
    /// <summary>
    /// Python's <c>$</c> also matches just before a final newline, so upstream's
    /// anchored checks accept one trailing "\n"; keep that quirk for equal verdicts.
    /// </summary>
    public static ReadOnlySpan<char> TrimFinalNewline(ReadOnlySpan<char> value) =>
        value.Length > 0 && value[^1] == '\n' ? value[..^1] : value;
}
