using System.Diagnostics;
using System.Globalization;
using KernelCI.Testing;

namespace KernelCI.Host.Tests.Serve;

/// <summary>`serve --stop-on-stdin-close`: the harness that started serve dies, and serve goes with it.</summary>
public sealed class StopOnStdinCloseTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kernelci-stdin-").FullName;

    [Fact]
    public async Task Serve_stops_when_its_standard_input_closes()
    {
        var port = FreePort.BasePort();
        var start = new ProcessStartInfo(RepositoryPaths.HostExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["serve", "--stop-on-stdin-close", "--only", "storage", "--data-dir", _data, "--base-port", port.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await WaitListeningAsync(new Uri($"http://127.0.0.1:{port + 4}/health"), process);

        process.StandardInput.Close();

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(budget.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static async Task WaitListeningAsync(Uri health, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300 && !process.HasExited; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(health, TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            // Another process opening its port has no event to wait on.
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("serve did not become healthy");
    }
}
