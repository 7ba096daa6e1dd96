using KernelCI.Client.Notifications;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Submit;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>The dashboard listener as `results` finds it (`dashboard_api`, kci-dev.md §1), which serves
/// `/api/subscriptions`; and who calls.</summary>
internal static class SubscriptionsConnection
{
    public static SubscriptionsClient Client(CommandSession session) =>
        new(session.CreateHttpClient(session.Config.DashboardApiUrl(session.OptionalInstance()), TimeSpan.FromSeconds(60)));

    /// <summary>`--token`, else an admin token: `--kcidb-token`, else KCIDB_REST's, else the instance's `kcidb_token`
    /// (an admin's: `kernelci kcidb token --admin`; another token is refused by the server, in one line).</summary>
    public static SubscriptionCaller Caller(CommandSession session, CallerFlags flags)
    {
        if (session.Value(flags.Token) is { } manage)
        {
            return session.Value(flags.AdminToken) is null
                ? SubscriptionCaller.Owner(manage)
                : throw new CliException("give one of --token and --kcidb-token");
        }

        var admin = session.Value(flags.AdminToken)
            ?? (session.Context.Environment(KcidbTarget.Variable) is { Length: > 0 } variable ? KcidbTarget.FromVariable(variable)?.Token : null)
            ?? session.OptionalInstance()?.KcidbToken;
        return admin is { Length: > 0 }
            ? SubscriptionCaller.Admin(admin)
            : throw new CliException("no caller: give --token (the manage link of a report mail), or an admin's --kcidb-token or kcidb_token in the config file");
    }
}
