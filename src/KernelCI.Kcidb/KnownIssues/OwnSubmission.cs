using System.Text.Json.Nodes;
using KernelCI.Kcidb.Spool;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>KCIDB objects this component makes itself (triage issues, known issues, their incidents) go through the spool
/// as a submission of our origin, like anyone's: ingestion then validates, merges and orders them as it does every
/// submission, and once spooled they survive a crash.</summary>
internal sealed class OwnSubmission(SubmissionSpool spool, IngestionSignal signal, KcidbOptions options, TimeProvider time)
{
    public async Task<string?> SubmitAsync(string origin, JsonObject document, CancellationToken cancellationToken)
    {
        if (document["issues"] is JsonArray { Count: 0 } && document["incidents"] is JsonArray { Count: 0 })
        {
            return null;
        }

        var id = SubmissionSpool.NewId();
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        await spool.WriteAsync(id, body, new SubmissionMeta(origin, Admin: false, time.GetUtcNow().UtcTicks), options.MaxSubmissionBytes, cancellationToken);
        signal.Notify();
        return id;
    }
}
