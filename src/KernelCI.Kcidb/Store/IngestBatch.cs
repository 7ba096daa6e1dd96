using System.Text.Json;

namespace KernelCI.Kcidb.Store;

/// <summary>All rows of one ingestion call, per table, merged in submission order.</summary>
internal sealed class IngestBatch
{
    private IngestBatch(IReadOnlyList<TableRows> tables, IReadOnlyList<string> submissionIds)
    {
        Tables = tables;
        SubmissionIds = submissionIds;
    }

    /// <summary>In load order (<see cref="KcidbTables.All"/>), empty tables left out.</summary>
    public IReadOnlyList<TableRows> Tables { get; }

    public IReadOnlyList<string> SubmissionIds { get; }

    public static IngestBatch From(IReadOnlyList<AcceptedSubmission> submissions)
    {
        // Turning JSON into rows is most of ingestion's CPU time, and submissions map independently; only the merge
        // below must follow submission order.
        var mapped = new List<object?[]>[submissions.Count][];
        var errors = new Exception?[submissions.Count];
        Parallel.For(0, submissions.Count, i =>
        {
            try
            {
                mapped[i] = Map(submissions[i].Document);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException or InvalidOperationException)
            {
                errors[i] = new KcidbDataException($"submission {submissions[i].Id}: {e.Message}", e);
            }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw error;
        }

        var tables = KcidbTables.All.Select(t => new TableRows(t)).ToList();
        foreach (var perTable in mapped)
        {
            for (var t = 0; t < tables.Count; t++)
            {
                foreach (var row in perTable[t])
                {
                    tables[t].Add(row);
                }
            }
        }

        return new IngestBatch([.. tables.Where(t => t.Count > 0)], [.. submissions.Select(s => s.Id).Distinct(StringComparer.Ordinal)]);
    }

    private static List<object?[]>[] Map(JsonElement document)
    {
        var perTable = new List<object?[]>[KcidbTables.All.Count];
        for (var t = 0; t < perTable.Length; t++)
        {
            var table = KcidbTables.All[t];
            perTable[t] = [];
            if (document.TryGetProperty(table.Name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                perTable[t].Capacity = list.GetArrayLength();
                foreach (var item in list.EnumerateArray())
                {
                    perTable[t].Add(RowMapper.ToRow(table, item));
                }
            }
        }

        return perTable;
    }
}
