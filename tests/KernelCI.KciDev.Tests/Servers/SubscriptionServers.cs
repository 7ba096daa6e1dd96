using System.Text;
using KernelCI.Dashboard;
using KernelCI.Kcidb;
using KernelCI.Kcidb.Submissions;
using KernelCI.Notifications;
using KernelCI.Notifications.Subscriptions;
using KernelCI.ServiceDefaults;
using KernelCI.Storage;
using KernelCI.Testing;
using Microsoft.Extensions.Configuration;

namespace KernelCI.KciDev.Tests.Servers;

/// <summary>Our dashboard and notifications components on a base port's offsets, as `serve` lays them out: the
/// dashboard listener forwards `/api/subscriptions` to the notifications one (docs/notifications.md, "Where the API
/// lives"). Without an SMTP host the notifications component writes every mail into <see cref="MailDirectory"/>.
/// KCIDB and storage are in the deployment only so the components find their addresses; nothing reads them.</summary>
internal sealed class SubscriptionServers : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private SubscriptionServers(LoopbackHost host, Uri dashboard, string mailDirectory)
    {
        _host = host;
        Dashboard = dashboard;
        MailDirectory = mailDirectory;
    }

    /// <summary>The dashboard listener's root, where the links in mails point.</summary>
    public Uri Dashboard { get; }

    /// <summary>`dashboard_api` as kci-dev's config file names it.</summary>
    public Uri ApiUrl => new(Dashboard, "api/");

    public string MailDirectory { get; }

    public static async Task<SubscriptionServers> StartAsync()
    {
        var dashboard = new DashboardComponent();
        // No feed reading: these tests subscribe and manage; reports are the notifications tests' matter.
        var notifications = new NotificationsComponent(new NotificationsOptions { Reports = false });
        var host = await LoopbackHost.CreateAsync([dashboard, notifications], SubmissionAuthenticator.SecretName);
        var basePort = FreePort.BasePort();
        var deployment = new Deployment(host.Context, new ConfigurationBuilder().Build(),
            [dashboard, notifications, new KcidbComponent(), new StorageComponent()], _ => true, "127.0.0.1", basePort);
        await dashboard.ConnectAsync(deployment, CancellationToken.None);
        await notifications.ConnectAsync(deployment, CancellationToken.None);
        var url = await host.StartAsync(dashboard, basePort + dashboard.PortOffset);
        await host.StartAsync(notifications, basePort + notifications.PortOffset);
        return new SubscriptionServers(host, url, Path.Combine(host.DataDirectory, "mail"));
    }

    /// <summary>A KCIDB admin token (`kernelci kcidb token --admin`), which the notifications component accepts.</summary>
    public string AdminToken() =>
        SubmissionAuthenticator.IssueToken(_host.Secrets.Get(SubmissionAuthenticator.SecretName), "maestro", admin: true, DateTimeOffset.UtcNow.AddHours(1));

    /// <summary>The token of the manage link every report mail carries for <paramref name="address"/>.</summary>
    public string ManageToken(string address) =>
        new SignedTokens(Encoding.UTF8.GetBytes(_host.Secrets.Get(SignedTokens.SecretName)), TimeProvider.System)
            .Create(SignedTokens.Manage, address, TimeSpan.FromDays(1));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
