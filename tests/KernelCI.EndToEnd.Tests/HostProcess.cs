using System.Diagnostics;
using System.Text;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests;

/// <summary>A real `kernelci serve` process, so tests can kill it the way a crash or an OOM killer would.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private HostProcess(Process process, int basePort, int portOffset)
    {
        _process = process;
        BasePort = basePort;
        Url = new Uri($"http://127.0.0.1:{basePort + portOffset}/");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int BasePort { get; }

    public Uri KcidbUrl => new($"http://127.0.0.1:{BasePort + 3}/");

    /// <summary>The listener of the component this process was started for.</summary>
    public Uri Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts `serve --only COMPONENT` (KCIDB by default) and waits until that listener is healthy.</summary>
    public static Task<HostProcess> StartAsync(string dataDirectory, string? database, int basePort, string component = "kcidb", int portOffset = 3) =>
        StartAsync(dataDirectory, database, basePort, ["--only", component], portOffset);

    /// <summary>Starts `serve` with extra arguments and waits until the listener at <paramref name="portOffset"/> is healthy.</summary>
    public static async Task<HostProcess> StartAsync(string dataDirectory, string? database, int basePort, IReadOnlyList<string> arguments, int portOffset,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(RepositoryPaths.HostExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The pipe to serve's standard input closes when this test process dies, even by SIGKILL: serve then stops.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        string[] serve = ["serve", "--stop-on-stdin-close", "--data-dir", dataDirectory, "--base-port", basePort.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        foreach (var argument in serve.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (database is not null)
        {
            start.ArgumentList.Add("--database");
            start.ArgumentList.Add(database);
        }

        var host = new HostProcess(Process.Start(start)!, basePort, portOffset);
        await host.WaitHealthyAsync();
        return host;
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the process to end by itself, as a test hook makes it.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("kernelci serve exited: " + Output);
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // A server still recovering on a loaded machine may take longer than one attempt's timeout.
            }

            // Waiting for another process to open its port has no event to wait on.
            await Task.Delay(100);
        }

        throw new TimeoutException("kernelci serve did not become healthy: " + Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
