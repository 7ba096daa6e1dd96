using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>The checks of a series from its node tree (patchset → kbuild → job): `PREFIX-build` over every kbuild,
/// `PREFIX-boot` over the `baseline*` jobs (what KCIDB files as boots, send-kcidb's KcidbPath), `PREFIX-JOB` over
/// every other job of that name, whatever the platform. A context is `pending` while one of its nodes runs and final
/// once all of them are done: any `fail` is fail, any other result than pass (incomplete, skip) a warning, else
/// success.</summary>
internal static class SeriesChecks
{
    public static IReadOnlyList<ContextResult> Of(string prefix, MaestroNode patchset, IReadOnlyList<MaestroNode> kbuilds,
        IReadOnlyList<MaestroNode> jobs)
    {
        var build = $"{prefix}-build";
        if (patchset is { State: "done" } && patchset.Result != "pass" && kbuilds.Count == 0)
        {
            var why = patchset.Data["error_msg"]?.ToString() ?? patchset.Result ?? "no result";
            return [new(build, "fail", OneLine($"not built: {why}"))];
        }

        var results = new List<ContextResult>();
        if (kbuilds.Count == 0)
        {
            results.Add(patchset.State == "done"
                ? new(build, "warning", "nothing was built: no build of the configuration runs on this tree")
                : new(build, "pending", "building"));
            return results;
        }

        results.Add(Combine(build, "build", kbuilds));
        foreach (var group in jobs.GroupBy(j => j.Name.StartsWith("baseline", StringComparison.Ordinal) ? $"{prefix}-boot" : $"{prefix}-{Slug(j.Name)}")
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            results.Add(Combine(group.Key, group.Key == $"{prefix}-boot" ? "boot" : group.First().Name, [.. group]));
        }

        return results;
    }

    private static ContextResult Combine(string context, string what, IReadOnlyList<MaestroNode> nodes)
    {
        var running = nodes.Count(n => n.State != "done");
        if (running > 0)
        {
            return new(context, "pending", $"{what}: {nodes.Count - running} of {nodes.Count} done");
        }

        var failed = nodes.Where(n => n.Result == "fail").ToList();
        var other = nodes.Where(n => n.Result is not ("pass" or "fail")).ToList();
        if (failed.Count > 0)
        {
            return new(context, "fail", OneLine($"{what}: {failed.Count} of {nodes.Count} failed ({Names(failed)})"));
        }

        if (other.Count > 0)
        {
            return new(context, "warning", OneLine($"{what}: {other.Count} of {nodes.Count} did not complete ({Names(other)})"));
        }

        return new(context, "success", $"{what}: {nodes.Count} of {nodes.Count} passed");
    }

    private static string Names(IEnumerable<MaestroNode> nodes) =>
        string.Join(", ", nodes.Take(3).Select(n => n.Data["platform"]?.ToString() is { } platform ? $"{n.Name} on {platform}" : n.Name))
        + (nodes.Count() > 3 ? ", …" : "");

    /// <summary>A context is a slug: [-a-zA-Z0-9_] (patchwork/models.py, Check.context).</summary>
    public static string Slug(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);

    public static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 250 ? line[..250] + "…" : line;
    }
}
