using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Our kci-dev in process (<see cref="KciDevHarness"/>) with `dashboard_api` set to a dashboard on a real
/// listener, recording the requests it sends (path and query, in order).</summary>
internal sealed class OurKciDev : IDisposable
{
    private readonly KciDevHarness _harness = new();

    public OurKciDev(Uri dashboardApi)
    {
        _harness.WriteSettings($"dashboard_api = \"{dashboardApi}\"\n");
        _harness.Handler = () => new RecordingHandler(Requests, Logs);
    }

    public List<string> Requests { get; } = [];

    /// <summary>Log files served at https://logs.example.org/PATH, by PATH.</summary>
    public Dictionary<string, byte[]> Logs { get; } = [];

    public string WorkingDirectory => _harness.WorkingDirectory;

    public Task<ProcessResult> RunAsync(params string[] arguments) => _harness.RunAsync(arguments);

    public void Dispose() => _harness.Dispose();
}
