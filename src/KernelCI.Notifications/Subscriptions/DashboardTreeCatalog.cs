using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>The trees the dashboard API lists for every origin over the last year (`origins/`, then `tree?origin=`),
/// kept five minutes: a tree seen in no checkout for a year is unknown.</summary>
internal sealed class DashboardTreeCatalog(DashboardApiClient dashboard, TimeProvider time) : ITreeCatalog
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (DateTimeOffset At, IReadOnlyDictionary<string, HashSet<string>> Trees)? _cached;

    public async Task<IReadOnlyDictionary<string, HashSet<string>>?> TreesAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && time.GetUtcNow() - cached.At < Keep)
            {
                return cached.Trees;
            }

            var trees = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var origins = await dashboard.GetAsync("origins/", [new("interval_in_days", "365")], cancellationToken);
            foreach (var origin in origins["checkout_origins"]?.AsArray() ?? [])
            {
                JsonNode listing;
                try
                {
                    listing = await dashboard.GetAsync("tree", [new("origin", origin!.GetValue<string>()), new("interval_in_days", "365"), new("limit", "10000")],
                        cancellationToken);
                }
                catch (DashboardApiException e) when (e.IsErrorReply)
                {
                    continue; // "No trees were found"
                }

                foreach (var tree in listing as JsonArray ?? [])
                {
                    if (tree?["tree_name"]?.GetValue<string>() is { } name)
                    {
                        var branches = trees.TryGetValue(name, out var known) ? known : trees[name] = new HashSet<string>(StringComparer.Ordinal);
                        if (tree["git_repository_branch"]?.GetValue<string>() is { } branch)
                        {
                            branches.Add(branch);
                        }
                    }
                }
            }

            _cached = (time.GetUtcNow(), trees);
            return trees;
        }
        catch (Exception e) when (e is HttpRequestException or DashboardApiException or TaskCanceledException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return null;
        }
        finally
        {
            _lock.Release();
        }
    }
}
