namespace KernelCI.Triage.Lines;

/// <summary>Receives a log one line at a time, without its line ending; the span is only valid during the call.</summary>
internal interface ILineSink
{
    void Line(ReadOnlySpan<char> line);
}
