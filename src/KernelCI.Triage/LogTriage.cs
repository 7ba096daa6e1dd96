using KernelCI.Triage.Boot;
using KernelCI.Triage.Build;
using KernelCI.Triage.Lines;

namespace KernelCI.Triage;

/// <summary>The log triage (docs/regressions.md, Log triage): a build log or a serial console log in, its problems
/// out, each with its fingerprint. Logs are read in chunks of <see cref="ChunkSize"/> characters and parsed line by
/// line, so memory stays bounded whatever the log's size.</summary>
public static class LogTriage
{
    public const int ChunkSize = 64 * 1024;

    public static IReadOnlyList<Problem> ParseBuildLog(TextReader log) => Parse(log, new BuildLogParser());

    /// <param name="loginMarker">The prompt the job waits for after boot (e.g. "/ #"); null when the log is not
    /// expected to reach one, and then no <see cref="ProblemKind.NoLogin"/> problem is reported.</param>
    public static IReadOnlyList<Problem> ParseBootLog(TextReader log, string? loginMarker = null) =>
        Parse(log, new BootLogParser(loginMarker));

    public static IReadOnlyList<Problem> Parse(string log, LogKind kind, string? loginMarker = null)
    {
        using var reader = new StringReader(log);
        return Parse(reader, Parser(kind, loginMarker));
    }

    /// <summary>Parses a log as it is downloaded, plain or gzip-compressed (UTF-8; invalid bytes become U+FFFD).
    /// The stream is not disposed.</summary>
    public static async Task<IReadOnlyList<Problem>> ParseAsync(Stream log, LogKind kind, string? loginMarker = null,
        CancellationToken cancellationToken = default)
    {
        // Disposing it frees gzip's native state; the PrefixedStream under it leaves the caller's stream open.
        var body = await LogStream.OpenAsync(log, cancellationToken).ConfigureAwait(false);
        await using var disposeBody = body.ConfigureAwait(false);
        using var reader = new StreamReader(body, leaveOpen: true);
        var parser = Parser(kind, loginMarker);
        var splitter = new LineSplitter(parser);
        var buffer = new char[ChunkSize];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            splitter.Feed(buffer.AsSpan(0, read));
        }

        splitter.Complete();
        return parser.Complete();
    }

    private static ILogParser Parser(LogKind kind, string? loginMarker) => kind switch
    {
        LogKind.Build => new BuildLogParser(),
        LogKind.Boot => new BootLogParser(loginMarker),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown log kind"),
    };

    private static IReadOnlyList<Problem> Parse(TextReader log, ILogParser parser)
    {
        var splitter = new LineSplitter(parser);
        var buffer = new char[ChunkSize];
        int read;
        while ((read = log.Read(buffer)) > 0)
        {
            splitter.Feed(buffer.AsSpan(0, read));
        }

        splitter.Complete();
        return parser.Complete();
    }
}
