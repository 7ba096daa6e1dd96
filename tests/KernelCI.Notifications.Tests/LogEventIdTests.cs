using System.Reflection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Tests;

public sealed class LogEventIdTests
{
    // Several sessions add log lines to this component, each in its own reserved range: a merge must not make two
    // lines share an id.
    [Fact]
    public void Every_log_message_has_its_own_event_id()
    {
        var ids = typeof(NotificationsComponent).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
