using System.Buffers;
using KernelCI.Triage.Lines;

namespace KernelCI.Triage.Build;

/// <summary>Reads a kernel build's output (make, gcc or clang, ld or lld, Kconfig) line by line. A line that
/// contains none of the markers is skipped after one vectorised search; only the rest meet a regular expression.
/// make's "*** [...] Error N" is reported only when no compiler, linker or Kconfig error explains the failure.</summary>
internal sealed class BuildLogParser : ILogParser
{
    private static readonly SearchValues<string> Marks = SearchValues.Create(
        ["error", "warning", "Kconfig", "***", "undefined reference", "multiple definition", "ld: ", "ld.lld: ", "modpost: "],
        StringComparison.Ordinal);

    private readonly ProblemSet _problems = new();
    private Problem? _firstRecipeFailure;
    private string? _linkerFunction;
    private long _lineNumber;

    public SearchValues<string> Markers => Marks;

    public bool NeedsEveryLine => false;

    public void Skip(int lines) => _lineNumber += lines;

    public void Line(ReadOnlySpan<char> line)
    {
        _lineNumber++;
        if (line.IndexOfAny(Marks) < 0)
        {
            return;
        }

        var text = BuildPrefix.Strip(line).ToString();
        if (LinkerLine.ContextFunction(text) is { } function)
        {
            _linkerFunction = function;
            return;
        }

        var problem = CompilerLine.Parse(text, _lineNumber)
            ?? KconfigLine.Parse(text, _lineNumber)
            ?? LinkerLine.Parse(text, _lineNumber, _linkerFunction)
            ?? ModpostLine.Parse(text, _lineNumber)
            ?? MakeLine.Parse(text, _lineNumber);
        if (problem is null)
        {
            return;
        }

        if (problem.Kind == ProblemKind.MakeError && MakeLine.IsRecipeFailure(problem))
        {
            _firstRecipeFailure ??= problem;
            return;
        }

        _problems.Add(problem);
    }

    public IReadOnlyList<Problem> Complete()
    {
        var explained = _problems.Any(p => p.Kind is ProblemKind.CompilerError or ProblemKind.LinkerError
            or ProblemKind.KconfigError or ProblemKind.MakeError);
        if (_firstRecipeFailure is not null && !explained)
        {
            _problems.Add(_firstRecipeFailure);
        }

        return _problems.ToList();
    }
}
