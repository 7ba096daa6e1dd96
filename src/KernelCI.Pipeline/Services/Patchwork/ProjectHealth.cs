namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>How one followed project fares, as `GET /health/patchwork` shows it.</summary>
public sealed record ProjectHealth(string Url, string Project, string State, string? Error, int Failures, DateTimeOffset? LastSuccess,
    DateTimeOffset? NextAttempt);
