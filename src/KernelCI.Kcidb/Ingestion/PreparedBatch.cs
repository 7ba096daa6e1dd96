using System.Text.Json;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>Checked submissions waiting for their transaction; owns their parsed documents until then.</summary>
public sealed class PreparedBatch(bool moreWaiting) : IDisposable
{
    public bool MoreWaiting { get; } = moreWaiting;

    public List<(SpooledFile File, AcceptedSubmission Submission)> Accepted { get; } = [];

    internal List<SpoolDocument?> Owners { get; } = [];

    /// <summary>The accepted submissions' rows, built and sorted while the previous batch loads; null when building
    /// them failed, so the load goes through the submissions and isolates the one at fault.</summary>
    internal JsonIngestBatch? Rows { get; set; }

    public IEnumerable<string> FileIds => Accepted.Select(a => a.File.Id);

    /// <summary>The accepted files' size, which the writer counts against its transaction's budget.</summary>
    internal long Bytes => Accepted.Sum(a => a.File.Length);

    /// <summary>The accepted objects, counted while the documents are alive: the writer frees them before it commits.</summary>
    internal long Objects { get; set; }

    /// <summary>Frees the documents and rows once written: the transaction may go on for more batches before it commits,
    /// and only the files are needed to complete this one.</summary>
    internal void ReleaseDocuments()
    {
        Rows = null;
        Dispose();
    }

    public void Dispose()
    {
        foreach (var owner in Owners)
        {
            owner?.Dispose();
        }

        Owners.Clear();
    }
}
