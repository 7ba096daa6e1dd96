using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>All rows of one ingestion call as JSON values, per table, merged in submission order. The documents must
/// stay alive (undisposed) until the rows are written.</summary>
internal sealed class JsonIngestBatch
{
    private JsonIngestBatch(IReadOnlyList<JsonTableRows> tables, IReadOnlyList<string> submissionIds)
    {
        Tables = tables;
        SubmissionIds = submissionIds;
    }

    /// <summary>In load order (<see cref="KcidbTables.All"/>), empty tables left out.</summary>
    public IReadOnlyList<JsonTableRows> Tables { get; }

    public IReadOnlyList<string> SubmissionIds { get; }

    /// <summary>SQLite with the dashboard's aggregates: the new tests' keys, when the store prepared them
    /// (<see cref="IKcidbStore.Prepare"/>); the writer computes them itself otherwise.</summary>
    public Aggregates.SqliteNewTestDimensions? NewTestDimensions { get; set; }

    public static JsonIngestBatch From(IReadOnlyList<AcceptedSubmission> submissions)
    {
        var tables = KcidbTables.All.Select(t => new JsonTableRows(t)).ToList();
        Reserve(tables, submissions);
        foreach (var submission in submissions)
        {
            try
            {
                Add(tables, submission.Document);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new KcidbDataException($"submission {submission.Id}: {e.Message}", e);
            }
        }

        foreach (var rows in tables)
        {
            rows.Sorted();
        }

        return new JsonIngestBatch([.. tables.Where(t => t.Count > 0)], [.. submissions.Select(s => s.Id).Distinct(StringComparer.Ordinal)]);
    }

    // Sized once for the batch's objects: growing a table's map by doubling rehashes and copies tens of thousands of
    // entries, and leaves every smaller array behind as garbage.
    private static void Reserve(List<JsonTableRows> tables, IReadOnlyList<AcceptedSubmission> submissions)
    {
        foreach (var rows in tables)
        {
            var count = 0;
            foreach (var submission in submissions)
            {
                if (submission.Document.ValueKind == JsonValueKind.Object
                    && submission.Document.TryGetProperty(rows.Table.Name, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    count += list.GetArrayLength();
                }
            }

            rows.EnsureCapacity(count);
        }
    }

    private static void Add(List<JsonTableRows> tables, JsonElement document)
    {
        foreach (var rows in tables)
        {
            if (document.TryGetProperty(rows.Table.Name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    rows.Add(JsonRowMapper.ToRow(rows.Table, item));
                }
            }
        }
    }
}
