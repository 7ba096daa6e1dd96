namespace KernelCI.Bench.KcidbIngest.Queries;

/// <summary>One query endpoint to time; <see cref="UrlFor"/> gives the n-th request's URL (each asks about another object).</summary>
internal sealed record QueryEndpoint(string Name, Func<int, string> UrlFor);
