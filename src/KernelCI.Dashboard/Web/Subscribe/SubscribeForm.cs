using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Subscribe;

/// <summary>The subscribe page's fields, as typed: what the form shows again after a refusal, and the body of
/// `POST /api/subscriptions` it becomes (docs/notifications.md, "Subscribing"). Every value goes to the API as given
/// (trimmed; an empty field is left out), so the API's own checks decide, with nothing relaxed or added here.</summary>
public sealed record SubscribeForm(string Address, string Tree, string Branch, string Path, string Platform, string Origin, string Files,
    string Delivery, bool Always)
{
    public static readonly SubscribeForm Empty = new("", "", "", "", "", "", "", "immediate", false);

    /// <summary>The fields the API names in its refusals, in the form's order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["address", "tree", "branch", "path", "platform", "origin", "files", "delivery", "always"];

    public static SubscribeForm From(IFormCollection form)
    {
        string Value(string name) => form[name].ToString().Trim();
        return new SubscribeForm(Value("address"), Value("tree"), Value("branch"), Value("path"), Value("platform"), Value("origin"),
            Value("files"), Value("delivery") is { Length: > 0 } delivery ? delivery : "immediate", Value("always") is "true" or "on");
    }

    public JsonObject ToRequest()
    {
        var body = new JsonObject();
        foreach (var (name, value) in new[] { ("address", Address), ("tree", Tree), ("branch", Branch), ("path", Path), ("platform", Platform),
                     ("origin", Origin), ("files", Files), ("delivery", Delivery) })
        {
            if (value.Length > 0)
            {
                body[name] = value;
            }
        }

        if (Always)
        {
            body["always"] = true;
        }

        return body;
    }

    /// <summary>The same subscription with kci-dev (docs/kci-dev.md, "subscriptions").</summary>
    public string Command()
    {
        var parts = new List<string> { "kci-dev subscriptions add", Address.Length > 0 ? Quote(Address) : "ADDRESS" };
        foreach (var (option, value) in new[] { ("--tree", Tree), ("--branch", Branch), ("--test", Path), ("--platform", Platform),
                     ("--origin", Origin), ("--files", Files) })
        {
            if (value.Length > 0)
            {
                parts.Add($"{option} {Quote(value)}");
            }
        }

        if (Delivery == "daily")
        {
            parts.Add("--delivery daily");
        }

        if (Always)
        {
            parts.Add("--always");
        }

        return string.Join(' ', parts);
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '@' or '+' or ':') ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
