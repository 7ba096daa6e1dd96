using KernelCI.Data;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.Notifications.Tests;

/// <summary>The "Notifications" section: bound from the environment as any ASP.NET Core setting, checked at start.</summary>
public sealed class OptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-notify-options-").FullName;

    [Fact]
    public async Task Smtp_settings_from_the_environment_are_bound()
    {
        Environment.SetEnvironmentVariable("Notifications__Smtp__Host", "smtp.example.org");
        Environment.SetEnvironmentVariable("Notifications__Smtp__Port", "2525");
        try
        {
            await using var database = Database.OpenSqliteFile(Path.Combine(_directory, "k.db"));
            await using var app = ComponentApp.Build(new NotificationsComponent(), Context(database), b => b.WebHost.UseTestServer());

            var options = app.Services.GetRequiredService<NotificationsOptions>();
            Assert.Equal("smtp.example.org", options.Smtp.Host);
            Assert.Equal(2525, options.Smtp.EffectivePort);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Notifications__Smtp__Host", null);
            Environment.SetEnvironmentVariable("Notifications__Smtp__Port", null);
        }
    }

    [Fact]
    public async Task Invalid_settings_are_refused_at_start_naming_their_keys()
    {
        var options = NotificationsTestApp.Options(25);
        options.Smtp.Security = "ssl";
        options.From = "not an address";
        await using var database = Database.OpenSqliteFile(Path.Combine(_directory, "k.db"));

        var refused = Assert.Throws<OptionsValidationException>(() =>
            ComponentApp.Build(new NotificationsComponent(options), Context(database), b => b.WebHost.UseTestServer()));

        Assert.Contains("Notifications:Smtp:Security must be none, starttls or tls", refused.Failures);
        Assert.Contains(refused.Failures, f => f.StartsWith("Notifications:From must be an address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_report_settings_are_refused_at_start_naming_their_keys()
    {
        var options = NotificationsTestApp.Options(25);
        options.MetricsRecipients = ["KPI <kpi@example.org>"];
        options.WeeklyReportHour = 24;
        options.CheckoutSummaryDelaySeconds = -1;
        await using var database = Database.OpenSqliteFile(Path.Combine(_directory, "k.db"));

        var refused = Assert.Throws<OptionsValidationException>(() =>
            ComponentApp.Build(new NotificationsComponent(options), Context(database), b => b.WebHost.UseTestServer()));

        Assert.Contains("Notifications:MetricsRecipients must be bare addresses (user@domain)", refused.Failures);
        Assert.Contains("Notifications:WeeklyReportHour must be 0-23", refused.Failures);
        Assert.Contains("Notifications:CheckoutSummaryDelaySeconds must be 0-86400", refused.Failures);
    }

    [Theory]
    [InlineData("none", 25)]
    [InlineData("starttls", 587)]
    [InlineData("tls", 465)]
    public void Port_zero_is_the_security_usual_port(string security, int port) =>
        Assert.Equal(port, new SmtpOptions { Security = security }.EffectivePort);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private HostContext Context(Database database) => new(_directory, database, new SecretStore(_directory), TimeProvider.System);
}
