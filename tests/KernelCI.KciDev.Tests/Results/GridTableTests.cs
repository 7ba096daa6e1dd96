using KernelCI.KciDev.Results;

namespace KernelCI.KciDev.Tests.Results;

/// <summary>tabulate's `grid` format, which upstream's `compare` prints; colour markup takes no width.</summary>
public sealed class GridTableTests
{
    [Fact]
    public void Columns_are_as_wide_as_their_widest_cell_or_header_plus_two()
    {
        var lines = GridTable.Lines(["Type", "Latest"], [["builds", "[green]1[/]/0/0"], ["boots", "10/0/0"]]);

        Assert.Equal(
        [
            "+--------+----------+",
            "| Type   | Latest   |",
            "+========+==========+",
            "| builds | [green]1[/]/0/0    |",
            "+--------+----------+",
            "| boots  | 10/0/0   |",
            "+--------+----------+",
        ], lines);
    }
}
