using KernelCI.Triage.Lines;

namespace KernelCI.Triage.Tests.Lines;

public sealed class LineSplitterTests
{
    private sealed class Collect : ILineSink
    {
        public List<string> Lines { get; } = [];

        public void Line(ReadOnlySpan<char> line) => Lines.Add(line.ToString());
    }

    private static List<string> Split(params string[] chunks)
    {
        var sink = new Collect();
        var splitter = new LineSplitter(sink);
        foreach (var chunk in chunks)
        {
            splitter.Feed(chunk);
        }

        splitter.Complete();
        return sink.Lines;
    }

    [Fact]
    public void Line_cut_between_chunks_is_one_line()
    {
        Assert.Equal(["abc", "def"], Split("a", "bc\nd", "ef\n"));
    }

    [Fact]
    public void Carriage_returns_are_removed()
    {
        Assert.Equal(["a", "b"], Split("a\r\nb\r\n"));
    }

    [Fact]
    public void Last_line_without_a_newline_is_passed()
    {
        Assert.Equal(["a", "b"], Split("a\nb"));
    }

    [Fact]
    public void Huge_line_is_cut_at_the_maximum_length()
    {
        var lines = Split(new string('x', 3 * LineSplitter.MaxLineLength), "\nnext\n");

        Assert.Equal([LineSplitter.MaxLineLength, 4], lines.Select(l => l.Length));
    }

    [Fact]
    public void Huge_line_across_chunks_is_cut_at_the_maximum_length()
    {
        var half = new string('x', LineSplitter.MaxLineLength - 10);

        Assert.Equal([LineSplitter.MaxLineLength], Split(half, half, half + "\n").Select(l => l.Length));
    }
}
