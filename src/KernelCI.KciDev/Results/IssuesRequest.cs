using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>What every mode of `results issues` works with: the session, the dashboard and the options they share.</summary>
internal sealed record IssuesRequest(CommandSession Session, DashboardApiClient Dashboard, string Origin, int Days, string? Arch, bool Json)
{
    public KciConsole Console => Session.Console;

    public DashboardLinks Links { get; } = new(Dashboard.BaseAddress);

    /// <summary>A tree that fails while every tree is visited is reported on standard error and skipped, as upstream
    /// carries on to the next tree.</summary>
    public Task WarnAsync(IssueCheckout checkout, string message) =>
        Console.Error.WriteLineAsync($"kci-dev: {checkout.Title}: {message}");
}
