using System.Text.Json.Serialization;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>An architecture's builds per status and its compilers (upstream's BuildArchitectures: the status keys
/// beside `compilers`).</summary>
internal sealed class BuildArchitecture
{
    [JsonPropertyName("PASS")] public long Pass { get; set; }

    [JsonPropertyName("ERROR")] public long Error { get; set; }

    [JsonPropertyName("FAIL")] public long Fail { get; set; }

    [JsonPropertyName("SKIP")] public long Skip { get; set; }

    [JsonPropertyName("MISS")] public long Miss { get; set; }

    [JsonPropertyName("DONE")] public long Done { get; set; }

    [JsonPropertyName("NULL")] public long Null { get; set; }

    public List<string> Compilers { get; } = [];

    public void Add(string status, string? compiler)
    {
        switch (status)
        {
            case "PASS": Pass++; break;
            case "ERROR": Error++; break;
            case "FAIL": Fail++; break;
            case "SKIP": Skip++; break;
            case "MISS": Miss++; break;
            case "DONE": Done++; break;
            default: Null++; break;
        }

        if (compiler is not null && !Compilers.Contains(compiler))
        {
            Compilers.Add(compiler);
            Compilers.Sort(StringComparer.Ordinal);
        }
    }
}
