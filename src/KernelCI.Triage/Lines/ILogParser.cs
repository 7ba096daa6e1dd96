namespace KernelCI.Triage.Lines;

/// <summary>A parser fed line by line; <see cref="Complete"/> is called once, after the last line.</summary>
internal interface ILogParser : ILineSink
{
    IReadOnlyList<Problem> Complete();
}
