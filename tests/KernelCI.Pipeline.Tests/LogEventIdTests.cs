using System.Reflection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tests;

public sealed class LogEventIdTests
{
    private static readonly List<(string Method, int EventId)> Messages = [.. typeof(PipelineOptions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(m => m.Attribute is not null)
        .Select(m => (m.Method, m.Attribute!.EventId))];

    [Fact]
    public void Every_log_message_has_an_event_id_in_the_pipeline_range()
    {
        Assert.NotEmpty(Messages);
        // 7600-7899 and 8000-8399: the LAVA runtime, callback and lab, pull labs, the lab view (issue 19); 8540-8579: the
        // scheduler's submission queues and pull-lab leases (issue 19); 8600-8629: regression nodes and automatic bisection (issue 20);
        // 8770-8799: the Patchwork service (issue 22); 8800-8819: the NIPA bridge (issue 22); 8830-8839: the culprit's
        // files for `files` subscriptions (issue 21).
        Assert.All(Messages, m => Assert.True(m.EventId is >= 2000 and <= 2999 or >= 7600 and <= 7899 or >= 8000 and <= 8399 or >= 8540 and <= 8579
            or >= 8600 and <= 8629 or >= 8770 and <= 8799 or >= 8800 and <= 8819 or >= 8830 and <= 8839, $"{m.Method}: {m.EventId}"));
    }

    [Fact]
    public void No_two_log_messages_share_an_event_id() =>
        Assert.Equal(Messages.Count, Messages.Select(m => m.EventId).Distinct().Count());
}
