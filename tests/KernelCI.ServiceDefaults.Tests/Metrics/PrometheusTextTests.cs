using System.Text;
using KernelCI.ServiceDefaults.Metrics;

namespace KernelCI.ServiceDefaults.Tests.Metrics;

public sealed class PrometheusTextTests
{
    private static string Drop(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetString(bytes, 0, PrometheusText.DropEmptyLabelSets(bytes));
    }

    [Fact]
    public void Empty_label_set_after_the_name_is_dropped()
    {
        Assert.Equal("# TYPE a counter\na 3\nb{x=\"1\"} 2\nc 4", Drop("# TYPE a counter\na{} 3\nb{x=\"1\"} 2\nc{} 4"));
    }

    [Fact]
    public void Braces_inside_label_values_and_comments_are_kept()
    {
        const string text = "# HELP a help {}\na{x=\"{}\"} 1\n";

        Assert.Equal(text, Drop(text));
    }
}
