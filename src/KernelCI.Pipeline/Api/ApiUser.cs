namespace KernelCI.Pipeline.Api;

/// <summary>The developer a token names.</summary>
internal sealed record ApiUser(string Email, IReadOnlyList<string> Permissions);
