using KernelCI.ServiceDefaults.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.ServiceDefaults.Tests.Logging;

public sealed class SingleLineFormatterTests
{
    private static string Format(string message)
    {
        using var writer = new StringWriter();
        new SingleLineFormatter(TimeProvider.System).Write(
            new LogEntry<string>(LogLevel.Warning, "KernelCI.Test", new EventId(4002), message, null, (s, _) => s), null, writer);
        return writer.ToString();
    }

    [Fact]
    public void Request_path_with_newline_and_escape_is_logged_escaped_on_one_line()
    {
        var line = Format("Authentication failed on /v1/file\n12:00:00 info: forged\u001b[2J\r");

        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(@"/v1/file\n12:00:00 info: forged\x1b[2J\r", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line);
    }

    [Fact]
    public void Line_carries_level_category_and_event_id()
    {
        var line = Format("Stored a/b");

        Assert.Matches(@"^\d\d:\d\d:\d\d warn: KernelCI\.Test\[4002\] Stored a/b\r?\n$", line);
    }

    [Theory]
    [InlineData("plain text é ü", "plain text é ü")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("c1\u0085del\u007f", @"c1\x85del\x7f")]
    [InlineData("sep\u2028", @"sep\u2028")]
    public void Control_characters_are_escaped_and_others_kept(string text, string logged)
    {
        Assert.Equal(logged, LogText.Escape(text));
    }
}
