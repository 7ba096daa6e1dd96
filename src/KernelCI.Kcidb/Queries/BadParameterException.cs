namespace KernelCI.Kcidb.Queries;

/// <summary>A query parameter that cannot be used; becomes a 400 whose message starts with the parameter's name.</summary>
internal sealed class BadParameterException(string parameter, string problem) : Exception($"{parameter}: {problem}");
