using System.Reflection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Maestro.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_has_its_own_event_id_in_Maestros_range()
    {
        var ids = typeof(MaestroComponent).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.InRange(id, 1000, 1999));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
