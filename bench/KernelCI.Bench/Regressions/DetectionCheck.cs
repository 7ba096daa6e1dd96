using System.Data.Common;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Regressions;

/// <summary>Precision and recall of what the tracker stored (<c>kcidb_regressions</c>, <c>kcidb_series</c>) against the
/// generator's planted series. A regression counts when its series was planted as one and its first bad commit is the
/// planted one; a flaky series when it was planted flaky.</summary>
internal sealed record DetectionCheck(Score Regressions, Score Flaky, IReadOnlyList<string> Examples)
{
    public static async Task<DetectionCheck> MeasureAsync(DbConnection connection, IReadOnlyList<PlantedTruth> truth, CancellationToken cancellationToken)
    {
        var plantedRegressions = truth.Where(t => t.IsRegression).ToDictionary(t => t.SeriesText, t => t.FirstBadCommit!, StringComparer.Ordinal);
        var plantedFlaky = truth.Where(t => !t.IsRegression).Select(t => t.SeriesText).ToHashSet(StringComparer.Ordinal);
        var examples = new List<string>();

        var found = new HashSet<string>(StringComparer.Ordinal);
        var detected = 0;
        var falseRegressions = 0;
        foreach (var (series, kind, firstBad, state) in await ReadAsync(connection,
            "SELECT tree_name, git_repository_branch, path, config_name, architecture, compiler, platform, kind, first_bad_commit, state FROM kcidb_regressions WHERE tree_name <> '" + TrackerSettle.SentinelTree + "'",
            cancellationToken))
        {
            detected++;
            if (kind == "test" && plantedRegressions.TryGetValue(series, out var expected) && expected == firstBad)
            {
                found.Add(series);
            }
            else if (++falseRegressions <= 3)
            {
                examples.Add($"false regression ({state}): {Show(series)} {kind}, first bad {firstBad}");
            }
        }

        foreach (var missed in plantedRegressions.Where(p => !found.Contains(p.Key)).Take(3))
        {
            examples.Add($"missed regression: {Show(missed.Key)}, first bad {missed.Value}");
        }

        var flakyFound = new HashSet<string>(StringComparer.Ordinal);
        var flakyDetected = 0;
        var falseFlaky = 0;
        foreach (var (series, kind, _, _) in await ReadAsync(connection,
            "SELECT tree_name, git_repository_branch, path, config_name, architecture, compiler, platform, kind, '', '' FROM kcidb_series WHERE flaky",
            cancellationToken))
        {
            flakyDetected++;
            if (kind == "test" && plantedFlaky.Contains(series))
            {
                flakyFound.Add(series);
            }
            else if (++falseFlaky <= 3)
            {
                examples.Add($"false flaky: {Show(series)} {kind}");
            }
        }

        foreach (var missed in plantedFlaky.Where(p => !flakyFound.Contains(p)).Take(3))
        {
            examples.Add($"missed flaky: {Show(missed)}");
        }

        return new DetectionCheck(
            new Score(plantedRegressions.Count, detected, found.Count),
            new Score(plantedFlaky.Count, flakyDetected, flakyFound.Count),
            examples);
    }

    private static string Show(string series) => string.Join(' ', series.Split('\u001f'));

    private static async Task<List<(string Series, string Kind, string FirstBad, string State)>> ReadAsync(DbConnection connection, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        var rows = new List<(string, string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((PlantedTruth.SeriesTextOf(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6)), reader.GetString(7), reader.GetString(8), reader.GetString(9)));
        }

        return rows;
    }
}

/// <summary>Planted, detected and correctly detected; precision is 1 when nothing was detected.</summary>
internal sealed record Score(int Planted, int Detected, int Correct)
{
    public double Precision => Detected == 0 ? 1 : (double)Correct / Detected;

    public double Recall => Planted == 0 ? 1 : (double)Correct / Planted;
}
