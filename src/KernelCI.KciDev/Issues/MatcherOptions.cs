using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>The fields of a known issue, for `add` and `update`: what is not given is not sent (on update, kept).</summary>
internal sealed class MatcherOptions
{
    public Option<string?> Subject { get; } = new("--subject") { Description = "The issue's report subject" };

    public Option<string?> Comment { get; } = new("--comment") { Description = "A comment on the issue" };

    public Option<string?> TestPath { get; } = new("--test-path") { Description = "Test path pattern (glob: * any characters, ? one)" };

    public Option<string?> Platform { get; } = new("--platform") { Description = "Platform pattern (glob; default *)" };

    public Option<string?> Kind { get; } = new("--kind") { Description = "What the matcher matches: failed tests (test, the default) or failed builds (build); set when added" };

    public Option<string?> Config { get; } = new("--config") { Description = "Build matcher: configuration pattern (glob; any by default, \"\" to remove)" };

    public Option<string?> Arch { get; } = new("--arch") { Description = "Build matcher: architecture pattern (glob; any by default, \"\" to remove)" };

    public Option<string?> Compiler { get; } = new("--compiler") { Description = "Build matcher: compiler pattern (glob; any by default, \"\" to remove)" };

    public Option<string?> Origin { get; } = new("--origin") { Description = "Only results of this KCIDB origin (\"\" to match all again)" };

    public Option<string?> LogRegex { get; } = new("--log-regex") { Description = "A line of the result's log must match this .NET regular expression (\"\" to remove)" };

    public Option<string[]> Culprit { get; } = new("--culprit") { Description = "What is at fault: code, tool or harness (repeatable)", AllowMultipleArgumentsPerToken = true };

    public MatcherOptions()
    {
        Culprit.AcceptOnlyFromAmong("code", "tool", "harness");
        Kind.AcceptOnlyFromAmong("test", "build");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Subject, Comment, Kind, TestPath, Platform, Config, Arch, Compiler, Origin, LogRegex, Culprit })
        {
            command.Options.Add(option);
        }
    }

    public JsonObject Body(CommandSession session)
    {
        var body = new JsonObject();
        foreach (var (name, option) in new[] { ("report_subject", Subject), ("comment", Comment), ("kind", Kind), ("test_path", TestPath), ("platform", Platform),
                     ("config", Config), ("architecture", Arch), ("compiler", Compiler), ("origin", Origin), ("log_regex", LogRegex) })
        {
            if (session.Value(option) is { } value)
            {
                body[name] = value;
            }
        }

        if (session.Value(Culprit) is { Length: > 0 } culprits)
        {
            body["culprit"] = new JsonObject
            {
                ["code"] = culprits.Contains("code"),
                ["tool"] = culprits.Contains("tool"),
                ["harness"] = culprits.Contains("harness"),
            };
        }

        return body;
    }
}
