using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Submit;

/// <summary>What `submit build` knows about one build and its checkout; <see cref="ToPayload"/> is upstream's KCIDB v5.3
/// document for it, fields left out when not given (kernelci/kci-dev:kcidev/libs/kcidb.py).</summary>
internal sealed record BuildSubmission(string Origin, string GitUrl, string Branch, string Commit, string PatchsetHash, string StartTime)
{
    public string? TreeName { get; init; }

    public string? Arch { get; init; }

    public string? ConfigName { get; init; }

    public string? Compiler { get; init; }

    public string? Status { get; init; }

    public double? Duration { get; init; }

    public string? LogUrl { get; init; }

    public string? ConfigUrl { get; init; }

    public string? Comment { get; init; }

    public string? Command { get; init; }

    public string CheckoutId => KcidbIds.Checkout(Origin, GitUrl, Branch, Commit, PatchsetHash);

    public string BuildId => KcidbIds.Build(Origin, CheckoutId, Arch ?? "", ConfigName ?? "", Compiler ?? "", StartTime);

    public JsonObject ToPayload()
    {
        var checkout = new JsonObject { ["id"] = CheckoutId, ["origin"] = Origin };
        Add(checkout, "tree_name", TreeName);
        Add(checkout, "git_repository_url", GitUrl);
        Add(checkout, "git_repository_branch", Branch.Length > 0 ? Branch : null);
        Add(checkout, "git_commit_hash", Commit);
        Add(checkout, "patchset_hash", PatchsetHash.Length > 0 ? PatchsetHash : null);

        var build = new JsonObject { ["id"] = BuildId, ["origin"] = Origin, ["checkout_id"] = CheckoutId };
        Add(build, "start_time", StartTime);
        if (Duration is { } duration)
        {
            build["duration"] = duration;
        }

        Add(build, "architecture", Arch);
        Add(build, "compiler", Compiler);
        Add(build, "config_name", ConfigName);
        Add(build, "config_url", ConfigUrl);
        Add(build, "log_url", LogUrl);
        Add(build, "comment", Comment);
        Add(build, "command", Command);
        Add(build, "status", Status);
        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(checkout),
            ["builds"] = new JsonArray(build),
        };
    }

    private static void Add(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
