using System.Text.RegularExpressions;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>A known issue as kept in <c>kcidb_known_issues</c>: the KCIDB issue of our origin it is submitted as
/// (id, version, subject, comment, culprit) and its matcher (docs/regressions.md, "Known issues").</summary>
internal sealed record KnownIssue(
    string IssueId,
    int Version,
    string ReportSubject,
    string? Comment,
    bool? CulpritCode,
    bool? CulpritTool,
    bool? CulpritHarness,
    string TestPath,
    string Platform,
    string? Origin,
    string? LogRegex,
    bool BackfillPending,
    string ChangedBy,
    DateTimeOffset Updated)
{
    private Regex? _path;
    private Regex? _platform;
    private Regex? _log;

    /// <summary>Whether a failed test matches on everything but the log.</summary>
    public bool MatchesResult(ResultRow row) =>
        row.Kind == ResultKind.Test
        && (Origin is null || string.Equals(Origin, row.Origin, StringComparison.Ordinal))
        && (_path ??= Glob.Compile(TestPath)).IsMatch(row.Path)
        && (_platform ??= Glob.Compile(Platform)).IsMatch(row.Platform);

    /// <summary>The first line of <paramref name="log"/> the log expression finds something in, or null.</summary>
    public (int Line, string Text)? MatchLog(string log)
    {
        _log ??= MatcherRules.LogExpression(LogRegex!);
        var number = 0;
        foreach (var line in log.AsSpan().EnumerateLines())
        {
            number++;
            if (_log.IsMatch(line))
            {
                var text = line.Length > 500 ? line[..500] : line;
                return (number, text.ToString());
            }
        }

        return null;
    }
}
