using System.Buffers;
using KernelCI.Triage.Lines;

namespace KernelCI.Triage.Boot;

/// <summary>Reads a serial console log (a boot, and the tests run after it) line by line. A line without any of
/// the markers costs one vectorised search; the others meet the <see cref="KernelReports"/> expressions. With a
/// login marker (the prompt the job waits for, e.g. "/ #"), a log that never shows it is a
/// <see cref="ProblemKind.NoLogin"/> problem, unless a panic or an oops already explains why.</summary>
internal sealed class BootLogParser(string? loginMarker) : ILogParser
{
    private static readonly string[] ReportMarkers =
        ["Kernel panic", "BUG", "Oops", "nable to handle", "general protection fault", "Internal error: ", "invalid opcode: ",
         "WARNING: ", "UBSAN: ", "INFO: ", "RIP: ", "pc : "];

    private static readonly SearchValues<string> Reports = SearchValues.Create(ReportMarkers, StringComparison.Ordinal);

    private readonly string? _loginMarker = string.IsNullOrEmpty(loginMarker) ? null : loginMarker;

    private const string KernelBanner = "Linux version ";

    private readonly ProblemSet _problems = new();
    private PendingReport? _pending;
    private bool _fatalReportSeen;
    private bool _kernelStarted;
    private bool _loginSeen;
    private long _lineNumber;

    /// <summary>The report markers, the kernel banner and the login marker: the lines this parser needs.</summary>
    public SearchValues<string> Markers { get; } = SearchValues.Create(
        [.. ReportMarkers, KernelBanner, .. string.IsNullOrEmpty(loginMarker) ? Array.Empty<string>() : [loginMarker]],
        StringComparison.Ordinal);

    /// <summary>Only UBSAN's detail line has no marker; a pending report's "RIP:" has one, and its window is
    /// counted in lines, skipped ones included.</summary>
    public bool NeedsEveryLine => _pending is { WantsDetail: true };

    public void Skip(int lines) => _lineNumber += lines;

    public void Line(ReadOnlySpan<char> raw)
    {
        _lineNumber++;
        if (_pending is not null && _pending.Expired(_lineNumber))
        {
            Flush();
        }

        var line = ConsolePrefix.Strip(raw);
        if (!_loginSeen && _loginMarker is not null && line.Contains(_loginMarker, StringComparison.Ordinal))
        {
            _loginSeen = true;
        }

        _kernelStarted |= !_kernelStarted && line.Contains(KernelBanner, StringComparison.Ordinal);
        if (_pending is { WantsDetail: true } && !line.IsWhiteSpace())
        {
            _pending.Summary += $": {line.Trim()}";
            _pending.WantsDetail = false;
            return;
        }

        if (line.IndexOfAny(Reports) >= 0)
        {
            Report(line.ToString());
        }
    }

    public IReadOnlyList<Problem> Complete()
    {
        Flush();
        var explained = _problems.Any(p => p.Kind is ProblemKind.KernelPanic or ProblemKind.Oops);
        if (_loginMarker is not null && !_loginSeen && !explained)
        {
            var summary = _kernelStarted
                ? $"boot never reached the login prompt \"{_loginMarker}\""
                : "the kernel never started (no \"Linux version\" banner on the console)";
            _problems.Add(NewProblem.Of(ProblemKind.NoLogin, summary, summary, _lineNumber,
                _kernelStarted ? "kernel started" : "kernel never started"));
        }

        return _problems.ToList();
    }

    private void Report(string line)
    {
        if (line.StartsWith("---[ end", StringComparison.Ordinal))
        {
            return; // "---[ end Kernel panic - not syncing: … ]---" closes a report already seen
        }

        if (KernelReports.InstructionPointer(line) is { } function)
        {
            if (_pending is { WantsFunction: true, Function: null })
            {
                _pending.Function = function;
            }

            return;
        }

        if (KernelReports.IsOopsBanner(line) && _pending is { Kind: ProblemKind.Oops or ProblemKind.KernelBug })
        {
            return; // "Oops: 0000 [#1]" continues the page fault or BUG report above it
        }

        var report = KernelReports.Panic(line, _lineNumber)
            ?? KernelReports.Kasan(line, _lineNumber)
            ?? KernelReports.SoftLockup(line, _lineNumber)
            ?? KernelReports.Oops(line, _lineNumber)
            ?? (KernelReports.IsOopsBanner(line) ? OopsBanner(line) : null)
            ?? KernelReports.KernelBugAt(line, _lineNumber)
            ?? KernelReports.Bug(line, _lineNumber)
            ?? KernelReports.Warning(line, _lineNumber)
            ?? KernelReports.Ubsan(line, _lineNumber)
            ?? KernelReports.RcuStall(line, _lineNumber)
            ?? KernelReports.HungTask(line, _lineNumber);
        if (report is null)
        {
            return;
        }

        // "Kernel panic - not syncing: Fatal exception" is the consequence of the oops or BUG reported before it.
        if (report.Kind == ProblemKind.KernelPanic && _fatalReportSeen
            && report.Core.StartsWith("Fatal exception", StringComparison.Ordinal))
        {
            return;
        }

        Flush();
        _fatalReportSeen |= report.Kind is ProblemKind.Oops or ProblemKind.KernelBug or ProblemKind.Kasan;
        _pending = report;
    }

    private PendingReport OopsBanner(string line) => new()
    {
        Kind = ProblemKind.Oops, Summary = "Oops", Core = "Oops", Evidence = line, LogLine = _lineNumber, WantsFunction = true,
    };

    private void Flush()
    {
        if (_pending is not null)
        {
            _problems.Add(_pending.ToProblem());
            _pending = null;
        }
    }
}
