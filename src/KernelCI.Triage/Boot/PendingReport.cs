namespace KernelCI.Triage.Boot;

/// <summary>A kernel report whose first line has been seen and that the next lines may complete: the function of
/// the first "RIP:" (x86) or "pc :" (arm64) line, or UBSAN's detail line. It becomes a <see cref="Problem"/> when
/// the next report starts, after <see cref="Window"/> lines, or at the end of the log.</summary>
internal sealed class PendingReport
{
    public const int Window = 100;

    public required ProblemKind Kind { get; init; }

    public required string Summary { get; set; }

    /// <summary>The normalised text the signature starts with (e.g. the UBSAN reason, the BUG's description).</summary>
    public required string Core { get; init; }

    public required string Evidence { get; init; }

    public required long LogLine { get; init; }

    public string? File { get; init; }

    public int? Line { get; init; }

    public string? Function { get; set; }

    public bool WantsFunction { get; init; }

    public bool WantsDetail { get; set; }

    public bool Expired(long lineNumber) => lineNumber - LogLine > Window;

    public Problem ToProblem()
    {
        var where = (Function, File) switch
        {
            ({ } function, { } file) => $" in {function} ({file})",
            ({ } function, null) => $" in {function}",
            (null, { } file) => $" in {file}",
            _ => "",
        };
        return NewProblem.Of(Kind, Summary + where, Evidence, LogLine, Core, File, Function) with
        {
            File = File,
            Line = Line,
            Function = Function,
        };
    }
}
