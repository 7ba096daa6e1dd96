namespace KernelCI.Dashboard.Http;

/// <summary>A request parameter (query, path or body field) that cannot be used: answered 400 naming it.</summary>
internal sealed class BadParameterException(string parameter, string problem) : Exception($"{parameter}: {problem}")
{
    public string Parameter { get; } = parameter;
}
