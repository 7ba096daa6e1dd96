namespace KernelCI.Bench.Lava;

/// <summary>A LAVA REST endpoint the pipeline submits to: its root URL, the token's secret it takes, and the
/// description of the token LAVA sends back with callbacks.</summary>
internal sealed record LabTarget(string Name, Uri Url, string RuntimeToken, string CallbackTokenDescription, string CallbackToken)
{
    public Uri ApiUrl => new(Url, "api/v0.2/");
}
