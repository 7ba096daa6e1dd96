using System.Net;
using KernelCI.Host.Serve;
using KernelCI.Testing;

namespace KernelCI.Host.Tests.Serve;

/// <summary>The dashboard's `/labs` reads the lab view of the pipeline that `serve` runs in the same process
/// (docs/labs.md, the lab view).</summary>
public sealed class LabsPageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-serve-labs-").FullName;

    private async Task<(HttpStatusCode Status, string Html)> LabsPageAsync(params string[] only)
    {
        var basePort = FreePort.BasePort();
        var settings = new ServeSettings(Path.Combine(_root, "data"), null, null, "127.0.0.1", basePort, only);
        await using var deployment = await new ServeHost(new TestConsole()).StartAsync(settings, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/") };
        using var response = await http.GetAsync("labs", TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Labs_page_of_a_host_running_the_pipeline_shows_its_lab_view()
    {
        var (status, html) = await LabsPageAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The pipeline has no lab", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labs_page_of_a_host_without_the_pipeline_says_labs_are_not_configured_here()
    {
        var (status, html) = await LabsPageAsync("dashboard", "kcidb");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Labs are not configured here", html, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
