namespace KernelCI.Pipeline.Api;

/// <summary>Limits of the developer-request API ("Pipeline:Api").</summary>
public sealed record ApiOptions
{
    /// <summary>Largest request body of /api/checkout and /api/jobretry, which carry a few short fields.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest body of /api/patchset, whose inline patches (each ≤ 10 MiB) may be large; it bounds their total.</summary>
    public long MaxPatchsetBodyBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Largest LAVA callback (POST /node/{id}); upstream's ingress allows 128 MiB, a 20 s job sends about 100 KB.</summary>
    public long MaxCallbackBodyBytes { get; init; } = 128 * 1024 * 1024;

    /// <summary>Time to receive a whole body; a client sending slower is answered 408.</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
