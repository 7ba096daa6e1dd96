using KernelCI.Triage;
using KernelCI.Triage.Kcidb;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Log triage in send-kcidb, where upstream runs logspec (kernelci/kernelci-pipeline:src/send_kcidb.py): a
/// failed build's or boot's log goes through KernelCI.Triage, and each problem found becomes a KCIDB issue (one per
/// fingerprint, so the same problem in another build or on another board is the same issue) with the result as its
/// incident (docs/regressions.md, "Log triage").</summary>
internal static class LogTriageIssues
{
    public static void Add(KcidbBatch batch, string origin, TriagedResultKind kind, string resultId, string? log, LogKind logKind)
    {
        if (string.IsNullOrEmpty(log))
        {
            return;
        }

        var problems = LogTriage.Parse(log, logKind);
        if (problems.Count == 0)
        {
            return;
        }

        var document = TriageDocument.Create(origin, [new TriagedResult(kind, resultId, problems)]);
        foreach (var issue in document["issues"]!.AsArray())
        {
            batch.AddIssue(issue!.DeepClone().AsObject());
        }

        foreach (var incident in document["incidents"]!.AsArray())
        {
            batch.Incidents.Add(incident!.DeepClone().AsObject());
        }
    }
}
