using System.Buffers;
using KernelCI.Triage.Lines;

namespace KernelCI.Triage.Tests.Lines;

/// <summary>A sink with markers gets only the lines holding one, with the others counted.</summary>
public sealed class MarkerSkippingTests
{
    private sealed class Marked : ILineSink
    {
        public SearchValues<string> Markers { get; } = SearchValues.Create(["Kernel"], StringComparison.Ordinal);

        public bool NeedsEveryLine => false;

        public long LineNumber { get; private set; }

        public List<(long Number, string Text)> Lines { get; } = [];

        public void Line(ReadOnlySpan<char> line) => Lines.Add((++LineNumber, line.ToString()));

        public void Skip(int lines) => LineNumber += lines;
    }

    private static List<(long, string)> Split(params string[] chunks)
    {
        var sink = new Marked();
        var splitter = new LineSplitter(sink);
        foreach (var chunk in chunks)
        {
            splitter.Feed(chunk);
        }

        splitter.Complete();
        return sink.Lines;
    }

    [Fact]
    public void Only_the_line_with_a_marker_is_passed_with_its_number()
    {
        Assert.Equal([(3L, "x Kernel y")], Split("a\nb\nx Kernel y\nc\n"));
    }

    [Fact]
    public void Marker_cut_between_chunks_is_found()
    {
        Assert.Equal([(3L, "Kernel")], Split("a\nb\nKer", "nel\nc\n"));
    }

    [Fact]
    public void Lines_of_several_chunks_are_counted()
    {
        Assert.Equal([(5L, "Kernel")], Split("a\nb\n", "c\n", "d\nKernel\n"));
    }
}
