using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>A minimal stand-in for upstream's logspec: a failed build's first compiler error and a failed boot's
/// kernel panic become KCIDB issues, and the result an incident of it. The signature (what identifies the same
/// problem across builds) is the error text, so the same error in another build reuses the issue.</summary>
internal static partial class LogIssues
{
    public static (string Signature, string Comment, string Type)? BuildError(string? log)
    {
        var match = log is null ? null : CompilerError().Match(log);
        return match is { Success: true }
            ? ($"{match.Groups["file"].Value}:{match.Groups["line"].Value}: error: {match.Groups["message"].Value.Trim()}",
                $"{match.Groups["message"].Value.Trim()} in {match.Groups["file"].Value}", "compiler.error")
            : null;
    }

    public static (string Signature, string Comment, string Type)? KernelPanic(string? log)
    {
        var match = log is null ? null : Panic().Match(log);
        return match is { Success: true } ? (match.Value.Trim(), match.Value.Trim(), "kernel.panic") : null;
    }

    /// <summary>Adds the issue and the incident linking <paramref name="resultId"/> (a build or test id) to it.</summary>
    public static void Add(KcidbBatch batch, string origin, (string Signature, string Comment, string Type) found, string parser,
        string resultKey, string resultId)
    {
        var issueId = $"{origin}:{Sha1(found.Signature)}";
        batch.AddIssue(new JsonObject
        {
            ["id"] = issueId,
            ["version"] = 1,
            ["origin"] = origin,
            ["comment"] = $"{found.Comment} [logspec:{parser},{found.Type}]",
            ["culprit"] = new JsonObject { ["code"] = true },
            ["misc"] = new JsonObject { ["logspec"] = new JsonObject { ["signature"] = found.Signature, ["parser"] = parser, ["type"] = found.Type } },
        });
        batch.Incidents.Add(new JsonObject
        {
            ["id"] = $"{origin}:{Sha1(new JsonArray(resultId, issueId, 1).ToJsonString())}",
            ["origin"] = origin,
            ["issue_id"] = issueId,
            ["issue_version"] = 1,
            [resultKey] = resultId,
            ["present"] = true,
        });
    }

    private static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):(?:\d+:)? (?:fatal )?error: (?<message>.+)$", RegexOptions.Multiline)]
    private static partial Regex CompilerError();

    [GeneratedRegex(@"Kernel panic - not syncing:[^\r\n]*")]
    private static partial Regex Panic();
}
