using KernelCI.Kcidb.Spool;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>
/// The one way a submission leaves the ready state: to archive/ once the transaction that wrote it has committed (or
/// a restart found it already in the database), or to failed/ with its reasons. Moves the files, counts them in the
/// metrics and logs, so that `/status` and the metrics always agree with the spool.
/// </summary>
internal sealed class SubmissionCompletion(SubmissionSpool spool, KcidbMetrics metrics, ILogger logger)
{
    /// <summary>After the commit that wrote them: the files go to archive/.</summary>
    public void Processed(IReadOnlyCollection<SpooledFile> files, long objects)
    {
        foreach (var file in files)
        {
            spool.MarkProcessed(file);
        }

        var total = metrics.CountIngested(files.Count, objects);
        IngestionLog.BatchIngested(logger, files.Count, total);
    }

    /// <summary>A file whose submission a commit before a restart already wrote: archived, not counted again.</summary>
    public void AlreadyIngested(SpooledFile file)
    {
        IngestionLog.AlreadyIngested(logger, file.Id);
        spool.MarkProcessed(file);
    }

    /// <summary>A submission refused for good (invalid, not its origin's, or refused by the database).</summary>
    public void Failed(SpooledFile file, IReadOnlyList<string> reasons)
    {
        IngestionLog.SubmissionFailed(logger, file.Id, string.Join("; ", reasons.Take(5)));
        spool.MarkFailed(file, reasons);
        metrics.CountFailed();
    }
}
