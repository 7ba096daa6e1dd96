namespace KernelCI.Client.Pipeline;

/// <summary>POST api/checkout (kci-dev.md §9): a full commit SHA; a null job filter means every job.</summary>
public sealed record CheckoutRequest(string Url, string Branch, string Commit, IReadOnlyList<string>? JobFilter, IReadOnlyList<string> PlatformFilter);
