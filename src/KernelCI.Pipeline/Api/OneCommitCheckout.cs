using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Api;

/// <summary>The checkout node of one commit built on request: a developer's (POST /api/checkout) or a bisection step's
/// (Services/Bisection). Not the branch tip, and bounded in time: longer than a tip-of-branch checkout.</summary>
internal static class OneCommitCheckout
{
    public static MaestroNode Node(string tree, string url, string branch, string commit, string submitter, DateTime now,
        IReadOnlyCollection<string>? jobFilter, IEnumerable<string> platformFilter, string? bisection = null) => new()
    {
        Kind = "checkout",
        Name = "checkout",
        Path = ["checkout"],
        State = "running",
        Data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject
            {
                ["tree"] = tree, ["url"] = url, ["branch"] = branch, ["commit"] = commit, ["tip_of_branch"] = false,
            },
        },
        Timeout = now.AddMinutes(300),
        Submitter = submitter,
        Treeid = ApiInput.NewTreeId(),
        Jobfilter = jobFilter is { Count: > 0 } ? [.. jobFilter] : null,
        PlatformFilter = [.. platformFilter],
        Debug = bisection is null ? [] : Services.Bisection.BisectionStepMark.Mark(bisection),
    };
}
