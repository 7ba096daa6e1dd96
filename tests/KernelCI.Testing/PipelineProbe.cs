using System.Text.Json;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;

namespace KernelCI.Testing;

/// <summary>Questions a test or benchmark asks a running pipeline through the public APIs, and a wait for their
/// answer. The pipeline runs elsewhere, so polling its API is the only way to see it progress.</summary>
public sealed class PipelineProbe(MaestroClient maestro, KcidbClient kcidb, string origin = "maestro")
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public async Task<MaestroNode?> CheckoutAsync(string commit, Func<MaestroNode, bool> ready)
    {
        var nodes = await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("data.kernel_revision.commit", commit));
        return nodes.FirstOrDefault(n => n.Name == "checkout" && ready(n));
    }

    public async Task<MaestroNode?> ChildAsync(MaestroNode parent, string name, Func<MaestroNode, bool> ready)
    {
        var nodes = await maestro.GetNodesFastAsync(new NodeFilter().Where("parent", parent.Id).Where("name", name));
        return nodes.FirstOrDefault(ready);
    }

    public async Task<IReadOnlyList<MaestroNode>> TreeAsync(MaestroNode checkout) =>
        await maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", checkout.Treeid));

    /// <summary>KCIDB's view of a checkout and everything below it, when <paramref name="ready"/> accepts it.</summary>
    public async Task<JsonDocument?> KcidbWhereAsync(MaestroNode checkout, Func<JsonDocument, bool> ready)
    {
        var document = await kcidb.QueryAsync(new KcidbQuery { Checkouts = [$"{origin}:{checkout.Id}"], Children = true });
        return ready(document) ? document : null;
    }

    public static IEnumerable<JsonElement> Items(JsonDocument document, string kind) =>
        document.RootElement.TryGetProperty(kind, out var items) ? items.EnumerateArray() : [];

    public static bool HasTestPaths(JsonDocument document, params string[] paths) =>
        paths.All(path => Items(document, "tests").Any(t => t.GetProperty("path").GetString() == path));

    public async Task<T> WaitAsync<T>(Func<Task<T?>> probe, DateTime deadline, string what, Func<string>? context = null)
        where T : class
    {
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(Interval);
        }

        throw new TimeoutException($"timed out waiting for {what}" + (context is null ? "" : "\n" + context()));
    }
}
