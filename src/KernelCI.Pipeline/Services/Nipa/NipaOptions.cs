namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>How the nipa service publishes the runs of NIPA-followed trees in NIPA's remote format ("Pipeline:Nipa";
/// docs/integrations.md, "NIPA"). The files go to this deployment's storage and are served at
/// `{StorageUrl}{ManifestPath}` and `{StorageUrl}{ResultsFolder}/results-CHECKOUT.json`.</summary>
public sealed record NipaOptions
{
    /// <summary>The executor name in every manifest entry and results file; unique within this remote.</summary>
    public string Executor { get; init; } = "kernelci";

    /// <summary>The storage path of the results manifest: the URL NIPA's remote_db names.</summary>
    public string ManifestPath { get; init; } = "nipa/jsons/results.json";

    /// <summary>The storage folder of the per-run results files.</summary>
    public string ResultsFolder { get; init; } = "nipa/jsons";

    /// <summary>Most entries the manifest keeps, newest first (NIPA asks for "last 100 results or last week's").</summary>
    public int MaxEntries { get; init; } = 100;

    /// <summary>Entries whose run started longer ago than this leave the manifest.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The dashboard base URL the `link`s point to (`serve` fills its own dashboard's); none leaves them out.</summary>
    public string? DashboardUrl { get; init; }

    /// <summary>A hardware platform's NIPA `device` (NIC driver and versions): a JSON object, or a plain string. A run
    /// on a non-QEMU platform missing here gets the platform's name.</summary>
    public IReadOnlyDictionary<string, string> Devices { get; init; } = new Dictionary<string, string>();
}
