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
    DateTimeOffset Updated,
    string Kind = "test",
    string? Config = null,
    string? Architecture = null,
    string? Compiler = null)
{
    /// <summary>A matcher of failed tests (test path, platform).</summary>
    public const string TestKind = "test";

    /// <summary>A matcher of failed builds (configuration, architecture, compiler).</summary>
    public const string BuildKind = "build";

    private Regex? _path;
    private Regex? _platform;
    private Regex? _config;
    private Regex? _architecture;
    private Regex? _compiler;
    private Regex? _log;

    public bool MatchesBuilds => Kind == BuildKind;

    /// <summary>Whether a failed build or test matches on everything but the log: a test matcher only tests, a build
    /// matcher only builds; a build matcher's absent glob matches anything.</summary>
    public bool MatchesResult(ResultRow row) =>
        (Origin is null || string.Equals(Origin, row.Origin, StringComparison.Ordinal))
        && (MatchesBuilds
            ? row.Kind == ResultKind.Build
              && (Config is null || (_config ??= Glob.Compile(Config)).IsMatch(row.Config))
              && (Architecture is null || (_architecture ??= Glob.Compile(Architecture)).IsMatch(row.Architecture))
              && (Compiler is null || (_compiler ??= Glob.Compile(Compiler)).IsMatch(row.Compiler))
            : row.Kind == ResultKind.Test
              && (_path ??= Glob.Compile(TestPath)).IsMatch(row.Path)
              && (_platform ??= Glob.Compile(Platform)).IsMatch(row.Platform));

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
