using System.Net;
using System.Text;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>A dashboard answering with an unexpected shape is one line naming what is missing, never a stack trace.</summary>
public sealed class OddAnswerTests
{
    private static Task<OurRun> RunAgainstAsync(string body, params string[] arguments) =>
        ResultsServer.RunOursAsync(new Uri("http://dashboard.test/api/"), k => k.Handler = () => new Fixed(body), arguments);

    [Theory]
    [InlineData("[]", "results", "summary")]
    [InlineData("{\"summary\": 3}", "results", "summary")]
    [InlineData("{\"tests\": 5}", "results", "tests")]
    [InlineData("{\"hardware\": {}}", "results", "hardware", "list")]
    public async Task Unexpected_shape_is_one_line(string body, params string[] command)
    {
        var run = await RunAgainstAsync(body, [.. command, .. command[^1] == "list" ? [] : BuildsCommandTests.Head]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Matches("^kci-dev: the dashboard's answer has no `(summary|tests|hardware)`( list)?\n$", run.Result.Error);
    }

    private sealed class Fixed(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
