using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Services.Bisection;
using KernelCI.Pipeline.Services.JobRetry;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Which nodes the bridge sends, and which it marks processed without sending (kernelci/kernelci-pipeline:src/send_kcidb.py; docs/pipeline/kcidb-bridge.md).</summary>
internal static class NodeRules
{
    /// <summary>Checkouts and builds are sent when available (so the dashboard sees them early) and again when done;
    /// tests only once done, as their result is final then.</summary>
    public static bool IsSendable(string? kind, string? state) => kind switch
    {
        "checkout" or "kbuild" => state is "available" or "done",
        "job" or "test" or "process" => state == "done",
        _ => false,
    };

    public static bool IsSendable(MaestroNode node) => IsSendable(node.Kind, node.State);

    /// <summary>Why the node is marked processed without being sent, or null to send it. Incomplete builds and jobs
    /// and failed baselines are retried by job-retry up to 3 times, so only the last attempt reaches KCIDB. Upstream
    /// skips every counter but 3; a developer's testretry can go past 3 (docs/pipeline/api.md), and job-retry does not
    /// retry those, so they are sent; nor the nodes of an automatic bisection's step (<see cref="BisectionStepMark"/>).</summary>
    public static string? SkipReason(MaestroNode node)
    {
        var willRetry = node.RetryCounter < JobRetryService.MaxRetries && BisectionStepMark.Of(node) is null;
        if (node.Kind is "kbuild" or "job" && node.Result == "incomplete" && willRetry)
        {
            return "incomplete, will be retried";
        }

        if (node.Kind == "job" && node.Name.StartsWith("baseline", StringComparison.Ordinal) && node.Result == "fail" && willRetry)
        {
            return "failed baseline, will be retried";
        }

        if (node.Kind == "checkout" && node.Result == "incomplete" && Json.Str(node.Data, "error_code") == "node_timeout")
        {
            return "checkout timed out";
        }

        return null;
    }
}
