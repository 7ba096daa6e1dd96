using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.KcidbIngest.Ingest;

internal static class SubmissionUploader
{
    /// <summary>POSTs every file, a few at a time, in dataset order; returns the submission ids in the same order.</summary>
    public static async Task<string[]> UploadAsync(KcidbHttpClient client, DatasetFiles files, int concurrency, CancellationToken cancellationToken)
    {
        var ids = new string[files.Files.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Files.Count), options, async (index, token) =>
            ids[index] = await client.SubmitAsync(files.Files[index].Path, token));
        return ids;
    }
}
