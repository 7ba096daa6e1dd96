using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>One run of our kci-dev: how it ended, the requests it sent, and the files it left in its working folder.</summary>
internal sealed record OurRun(ProcessResult Result, IReadOnlyList<SentRequest> Requests, IReadOnlyDictionary<string, string> Files)
{
    public string Output => Result.Output;

    /// <summary>The --json output, after checking the run succeeded.</summary>
    public JsonNode Json()
    {
        Assert.True(Result.ExitCode == 0, Result.ToString());
        return JsonNode.Parse(Result.Output)!;
    }

    public IEnumerable<string> Ids() => Json().AsArray().Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal);
}
