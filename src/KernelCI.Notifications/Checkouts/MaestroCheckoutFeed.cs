using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Notifications.Checkouts;

/// <summary>Maestro's `/events/stream` (public, resumable by number, filtered on the server) for checkout nodes named
/// `checkout` (not patchsets) in state `done` (docs/maestro.md, "Stream"). Ends when the server closes the stream.</summary>
internal sealed class MaestroCheckoutFeed(MaestroClient maestro) : ICheckoutFeed
{
    private static readonly Dictionary<string, string> Filters = new(StringComparer.Ordinal)
    {
        ["kind"] = "checkout",
        ["name"] = "checkout",
        ["state"] = "done",
    };

    public async IAsyncEnumerable<CompletedCheckout> ReadAsync(long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await maestro.OpenStreamAsync(Filters, after, cancellationToken: cancellationToken);
        while (await stream.ReadAsync(cancellationToken) is { } e)
        {
            if (e.Sequence is { } seq && Parse(seq, e.Data as JsonObject) is { } checkout)
            {
                yield return checkout;
            }
        }
    }

    /// <summary>The checkout an event names, or null when it lacks the revision (nothing to summarize).</summary>
    internal static CompletedCheckout? Parse(long seq, JsonObject? node)
    {
        var revision = node?["data"]?["kernel_revision"] as JsonObject;
        if (node?["id"]?.ToString() is not { Length: > 0 } id || revision?["tree"]?.ToString() is not { Length: > 0 } tree
            || revision["branch"]?.ToString() is not { Length: > 0 } branch || revision["commit"]?.ToString() is not { Length: > 0 } commit)
        {
            return null;
        }

        var result = node["result"]?.ToString();
        var timedOut = node["data"]?["error_code"]?.ToString() == "node_timeout";
        return new CompletedCheckout(seq, id, tree, branch, commit, revision["url"]?.ToString(), result, timedOut);
    }
}
