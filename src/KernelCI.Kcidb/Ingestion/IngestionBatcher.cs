using System.Text.Json;
using KernelCI.Kcidb.Schema;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>Prepares ingestion's batches: takes the oldest ready files, checks them and builds the good ones' rows;
/// <see cref="WriteGroup"/> writes them and completes their files.</summary>
public sealed class IngestionBatcher(SubmissionSpool spool, IKcidbStore store, KcidbOptions options, KcidbMetrics metrics, ILogger logger)
{
    /// <summary>The one way a file leaves the ready state; the batcher fails the files it finds invalid, the
    /// <see cref="WriteGroup"/> completes the others.</summary>
    internal SubmissionCompletion Completion { get; } = new(spool, metrics, logger);

    /// <summary>Prepares and loads the next batch; returns whether more ready files are waiting after it.</summary>
    public async Task<bool> IngestNextBatchAsync(CancellationToken cancellationToken)
    {
        using var batch = await PrepareNextAsync(new HashSet<string>(), cancellationToken);
        if (batch is null)
        {
            return false;
        }

        await using var group = new WriteGroup(store, this, options, metrics);
        await group.LoadAloneAsync(batch, cancellationToken);
        return batch.MoreWaiting;
    }

    /// <summary>
    /// Takes the oldest ready files not already in flight, archives those a crash left behind after their commit,
    /// fails the invalid ones and parses the rest. CPU-bound, so the worker runs it while the previous batch loads.
    /// </summary>
    public async Task<PreparedBatch?> PrepareNextAsync(IReadOnlySet<string> inFlight, CancellationToken cancellationToken)
    {
        var ready = spool.ListReady().Where(f => !inFlight.Contains(f.Id)).ToList();
        if (ready.Count == 0)
        {
            return null;
        }

        var batch = TakeBatch(ready);
        var already = await store.FindIngestedAsync([.. batch.Select(f => f.Id)], cancellationToken);
        foreach (var file in batch.Where(f => already.Contains(f.Id)))
        {
            Completion.AlreadyIngested(file);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var prepared = new PreparedBatch(ready.Count > batch.Count);
        foreach (var item in CheckAll([.. batch.Where(f => !already.Contains(f.Id))]))
        {
            prepared.Owners.Add(item.Owner);
            if (item.Unreadable is { } unreadable)
            {
                // The spool itself failed (not the submission): the file stays, to be read again with a later batch.
                IngestionLog.SubmissionUnreadable(logger, item.File.Id, unreadable.Message);
            }
            else if (item.Errors.Count > 0)
            {
                Fail(item.File, item.Errors);
            }
            else
            {
                prepared.Accepted.Add((item.File, new AcceptedSubmission(item.File.Id, item.Document)));
                prepared.Objects += CountObjects(item.Document);
            }
        }

        prepared.Rows = BuildRows(store, prepared.Accepted);
        metrics.AddPrepareTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return prepared;
    }

    private List<SpooledFile> TakeBatch(IReadOnlyList<SpooledFile> ready)
    {
        var batch = new List<SpooledFile>();
        long bytes = 0;
        foreach (var file in ready)
        {
            if (batch.Count > 0 && (batch.Count >= options.BatchFiles || bytes + file.Length > options.BatchBytes))
            {
                break;
            }

            batch.Add(file);
            bytes += file.Length;
        }

        return batch;
    }

    private static List<CheckedFile> CheckAll(List<SpooledFile> files)
    {
        var results = new CheckedFile[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = Check(files[i]));
        return [.. results];
    }

    // Whatever one file holds fails that file alone: an exception escaping here would defer the whole batch, and the
    // same file would come first in every batch after it, halting ingestion for every origin.
    private static CheckedFile Check(SpooledFile file)
    {
        SpoolDocument owner;
        try
        {
            owner = SpoolDocument.Parse(file.Path, new JsonDocumentOptions { MaxDepth = JsonSyntaxChecker.MaxDepth });
        }
        catch (JsonException e)
        {
            return new CheckedFile(file, null, default, ["the submission is not valid JSON: " + e.Message]);
        }
        catch (IOException e)
        {
            return new CheckedFile(file, null, default, [], e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CheckedFile(file, null, default, ["the submission could not be read: " + e.Message]);
        }

        try
        {
            return Check(file, owner);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CheckedFile(file, owner, default, ["the submission could not be checked: " + e.Message]);
        }
    }

    private static CheckedFile Check(SpooledFile file, SpoolDocument owner)
    {
        var document = owner.Document;
        var result = KcidbDocuments.Process(document.RootElement);
        if (!result.IsValid)
        {
            return new CheckedFile(file, owner, default, result.Errors);
        }

        if (!file.Meta.Admin)
        {
            var violations = OriginOwnership.Violations(document.RootElement, file.Meta.Origin);
            if (violations.Count > 0)
            {
                return new CheckedFile(file, owner, default, violations);
            }
        }

        return new CheckedFile(file, owner, result.Document, []);
    }

    private static JsonIngestBatch? BuildRows(IKcidbStore store, List<(SpooledFile File, AcceptedSubmission Submission)> accepted)
    {
        try
        {
            if (accepted.Count == 0)
            {
                return null;
            }

            var rows = JsonIngestBatch.From([.. accepted.Select(a => a.Submission)]);
            store.Prepare(rows);
            return rows;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Loaded submission by submission instead, which isolates the one at fault.
            return null;
        }
    }

    private void Fail(SpooledFile file, IReadOnlyList<string> reasons) => Completion.Failed(file, reasons);

    internal static long CountObjects(JsonElement document)
    {
        long count = 0;
        foreach (var property in document.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                count += property.Value.GetArrayLength();
            }
        }

        return count;
    }

    private sealed record CheckedFile(
        SpooledFile File, SpoolDocument? Owner, JsonElement Document, IReadOnlyList<string> Errors, IOException? Unreadable = null);
}
