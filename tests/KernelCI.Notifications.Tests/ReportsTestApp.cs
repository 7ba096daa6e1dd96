using KernelCI.Data;
using KernelCI.Notifications.BuildIssues;
using KernelCI.Notifications.Checkouts;
using KernelCI.Notifications.Digests;
using KernelCI.Notifications.Tests.BuildIssues;
using KernelCI.Notifications.Tests.Checkouts;
using KernelCI.Notifications.Tests.Weekly;
using KernelCI.Notifications.Weekly;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Notifications.Tests;

/// <summary>The test app with the fakes the report kinds beyond regressions read: Maestro's checkout events and
/// KCIDB's counts; and the steps their background services take, to call them one at a time on the fake clock.</summary>
internal static class ReportsTestApp
{
    public static async Task<(NotificationsTestApp App, FakeCheckoutFeed Checkouts, FakeBuildIssues Issues)> StartWithIssuesAsync(int? smtpPort = null,
        DatabaseKind kind = DatabaseKind.Sqlite, Func<NotificationsOptions, NotificationsOptions>? configure = null)
    {
        var checkouts = new FakeCheckoutFeed();
        var issues = new FakeBuildIssues();
        var app = await NotificationsTestApp.StartAsync(smtpPort, kind, configure, s =>
        {
            s.Replace(ServiceDescriptor.Singleton<ICheckoutFeed>(checkouts));
            s.Replace(ServiceDescriptor.Singleton<ICheckoutCounts>(new FixedCounts()));
            s.Replace(ServiceDescriptor.Singleton<IBuildIssueSource>(issues));
            s.Replace(ServiceDescriptor.Singleton<IWeeklyFigures>(new FakeWeeklyFigures()));
        });
        return (app, checkouts, issues);
    }

    public static async Task<(NotificationsTestApp App, FakeCheckoutFeed Checkouts)> StartAsync(int? smtpPort = null, DatabaseKind kind = DatabaseKind.Sqlite,
        Func<NotificationsOptions, NotificationsOptions>? configure = null)
    {
        var (app, checkouts, _) = await StartWithIssuesAsync(smtpPort, kind, configure);
        return (app, checkouts);
    }

    /// <summary>Records the checkouts pushed, waits out the summary delay and writes the summaries that are due.</summary>
    public static async Task<int> SummarizeAsync(this NotificationsTestApp app)
    {
        await app.Get<CheckoutFeedReader>().ReadAsync(CancellationToken.None);
        app.Time.Advance(TimeSpan.FromSeconds(app.Get<NotificationsOptions>().CheckoutSummaryDelaySeconds));
        return await app.Get<CheckoutSummaries>().WriteDueAsync(CancellationToken.None);
    }

    public static Task<int> ReadBuildIssuesAsync(this NotificationsTestApp app) => app.Get<BuildIssueReader>().ReadAsync(CancellationToken.None);

    public static Task<int> WriteWeeklyAsync(this NotificationsTestApp app) => app.Get<WeeklyReports>().WriteDueAsync(CancellationToken.None);

    public static Task<int> WriteDigestsAsync(this NotificationsTestApp app) => app.Get<DigestWriter>().WriteDueAsync(CancellationToken.None);
}
