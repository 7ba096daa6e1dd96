namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>The patchset service's settings ("Pipeline:Patchset").</summary>
public sealed record PatchsetOptions
{
    /// <summary>Origins (`scheme://host[:port]`, matched exactly) patch URLs may come from besides our storage's origin.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Replaced by <see cref="AllowedOrigins"/>: a host with any port, scheme and subdomain was too wide. A
    /// configuration still setting it is refused at start rather than silently narrowed.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>How often running patchset nodes are looked for (upstream: 30 s).</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest patch accepted, as the pipeline API's limit for inline patches.</summary>
    public long MaxPatchBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Time to open a connection to a patch's host.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the response headers, and for each read of the body.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time to download all the patches of one node, so that a host dripping bytes cannot hold it longer.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Redirects followed per patch, each to an allowed origin only.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Polls in a row whose download of a node's patches fails (timeout, refused, 5xx) before the node fails.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Nodes worked on at the same time, so that one slow node does not hold up the others.</summary>
    public int MaxConcurrentNodes { get; init; } = 2;
}
