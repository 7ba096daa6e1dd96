namespace KernelCI.Pipeline.Patchset;

/// <summary>The patchset service's settings.</summary>
public sealed record PatchsetOptions
{
    /// <summary>Hosts patch URLs may come from besides our storage host; a subdomain of an entry is allowed too.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>How often running patchset nodes are looked for (upstream: 30 s).</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest patch accepted, as the pipeline API's limit for inline patches.</summary>
    public long MaxPatchBytes { get; init; } = 10 * 1024 * 1024;
}
