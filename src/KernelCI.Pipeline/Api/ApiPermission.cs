namespace KernelCI.Pipeline.Api;

/// <summary>Endpoint metadata: the token permission a route group requires, named in the refusal.</summary>
internal sealed record ApiPermission(string Name);
