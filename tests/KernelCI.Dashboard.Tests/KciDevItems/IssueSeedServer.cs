using KernelCI.Dashboard.Tests.Issues;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary><see cref="IssueSeed"/> on a real listener (SQLite), shared by a test class: the tests only read it.</summary>
public sealed class IssueSeedServer : IAsyncLifetime
{
    internal DashboardTestApp App { get; private set; } = null!;

    internal Uri ApiUrl => App.ApiUrl;

    /// <summary>The web UI's root, as kci-dev's links start.</summary>
    internal string Web => App.ApiUrl.GetLeftPart(UriPartial.Authority);

    public async ValueTask InitializeAsync() => App = await IssueListingTests.StartAsync(DatabaseKind.Sqlite, kestrel: true);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
