namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>One followed Patchwork project, the tree its series are applied on, and which series are taken.</summary>
public sealed record PatchworkProject
{
    /// <summary>The Patchwork instance, e.g. https://patchwork.kernel.org (the API is its /api/1.3/).</summary>
    public string Url { get; init; } = "";

    /// <summary>The project's link name, e.g. netdevbpf.</summary>
    public string Project { get; init; } = "";

    /// <summary>Name of the API token in the data folder's secrets.json; default `patchwork-PROJECT`.</summary>
    public string? TokenSecret { get; init; }

    /// <summary>A tree of trees.yaml: its URL is where the series are applied.</summary>
    public string Tree { get; init; } = "";

    /// <summary>The branch whose head is the base of a series that names no `base-commit:`.</summary>
    public string Branch { get; init; } = "";

    /// <summary>Patchwork usernames: only series with a patch delegated to one of them (empty: any).</summary>
    public IReadOnlyList<string> Delegates { get; init; } = [];

    /// <summary>Patch state slugs (new, under-review, …): only series whose patches are all in one (empty: any).</summary>
    public IReadOnlyList<string> States { get; init; } = [];

    /// <summary>A .NET regular expression the series name must match (empty: any).</summary>
    public string? SubjectMatch { get; init; }

    public string TokenSecretName => TokenSecret ?? "patchwork-" + Project;

    /// <summary>The key of this project in the service's tables: instance and project.</summary>
    public string Source => Url.TrimEnd('/') + "#" + Project;
}
