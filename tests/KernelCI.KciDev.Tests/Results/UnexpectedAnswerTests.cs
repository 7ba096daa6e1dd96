using System.Net;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Results;

/// <summary>A dashboard answering JSON of an unexpected shape: one line and exit 1, or nothing listed, never a stack
/// trace.</summary>
public sealed class UnexpectedAnswerTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();
    private readonly StubDashboard _dashboard = new();

    public UnexpectedAnswerTests()
    {
        _kciDev.WriteSettings($"dashboard_api = \"{_dashboard.Url}\"\n");
        _kciDev.Handler = _dashboard.Handler;
    }

    [Theory]
    [InlineData("the dashboard's answer is not a build", "results", "build", "--id", "maestro:b1")]
    [InlineData("the dashboard's answer is not an issue", "results", "issue", "--id", "maestro:i1")]
    [InlineData("the dashboard's tree report is not a JSON object", "results", "tree-report", "--giturl", "https://x.org/l.git", "--branch", "main")]
    public async Task Array_where_an_object_is_expected_is_one_line(string message, params string[] arguments)
    {
        var result = await _kciDev.RunAsync(arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(message + "\n", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Checkout_issues_of_a_summary_without_issues_lists_none()
    {
        _dashboard.Replies.Clear();
        _dashboard.Replies.Enqueue((HttpStatusCode.OK, "[]"));
        _dashboard.Replies.Enqueue((HttpStatusCode.OK, """{"summary": [1, 2]}"""));

        var result = await _kciDev.RunAsync("results", "issues", "--giturl", "https://x.org/l.git", "--branch", "main", "--commit", new string('a', 40));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"None/main:{new string('a', 40)}\nNo issues found\n", result.Output);
    }

    public void Dispose()
    {
        _kciDev.Dispose();
        _dashboard.Dispose();
    }
}
