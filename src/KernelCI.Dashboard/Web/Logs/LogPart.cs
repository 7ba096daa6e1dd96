namespace KernelCI.Dashboard.Web.Logs;

/// <summary>The bytes [<see cref="Start"/>, <see cref="End"/>) of a log as whole lines. <see cref="Total"/> is the log's
/// size when known (the server said it, or this part reached the end); <see cref="HasMore"/> says a next part exists;
/// <see cref="PreviousStart"/> is where the part before begins (null on the first), and <see cref="PreviousLine"/> its
/// first line's number; <see cref="NextLine"/> is the number of the line holding byte <see cref="End"/>.</summary>
public sealed record LogPart(long Start, long End, long? Total, bool HasMore, long? PreviousStart, long? PreviousLine, long NextLine,
    IReadOnlyList<LogLine> Lines)
{
    public int Count(LogLineKind kind) => Lines.Count(l => l.Kind == kind);

    public LogLine? First(LogLineKind kind) => Lines.FirstOrDefault(l => l.Kind == kind);
}
