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
        var tables = KcidbTables.All.Select(t => new TableRows(t)).ToList();
        foreach (var submission in submissions)
        {
            try
            {
                Add(tables, submission.Document);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
            {
                throw new KcidbDataException($"submission {submission.Id}: {e.Message}", e);
            }
        }

        return new IngestBatch([.. tables.Where(t => t.Count > 0)], [.. submissions.Select(s => s.Id).Distinct(StringComparer.Ordinal)]);
    }

    private static void Add(List<TableRows> tables, JsonElement document)
    {
        foreach (var rows in tables)
        {
            if (document.TryGetProperty(rows.Table.Name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    rows.Add(RowMapper.ToRow(rows.Table, item));
                }
            }
        }
    }
}
