using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>A job: kind kbuild|job|test|process, its template, params (arch, defconfig, fragments, test_method, …),
/// rules and the KCIDB test suite its results are sent under;
/// <see cref="Frequency"/> is params.frequency parsed.</summary>
public sealed record JobConfig(string Name, string Kind, string? Template, string? Image, JsonObject Params, Rules Rules,
    string? KcidbTestSuite = null, string? Priority = null, string? BaseName = null,
    TimeSpan? Frequency = null);
