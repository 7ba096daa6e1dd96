using System.Buffers;

namespace KernelCI.Triage.Lines;

/// <summary>Receives a log one line at a time, without its line ending; the span is only valid during the call.
/// A sink with <see cref="Markers"/> only needs the lines that contain one of them while
/// <see cref="NeedsEveryLine"/> is false: the others are counted through <see cref="Skip"/>, found by one
/// vectorised search over the whole chunk instead of one search per line.</summary>
internal interface ILineSink
{
    SearchValues<string>? Markers => null;

    bool NeedsEveryLine => true;

    void Line(ReadOnlySpan<char> line);

    void Skip(int lines)
    {
    }
}
