namespace KernelCI.Pipeline.Config;

/// <summary>Typed entries of the simple sections. Sections upstream validates strictly (trees, build_configs, api,
/// fragments, rootfs) reject unknown keys; storage keeps its backend-specific keys.</summary>
internal static class SectionParsers
{
    private static readonly string[] Priorities = ["high", "medium", "low"];

    public static ApiConfig Api(RawEntry raw)
    {
        var r = raw.Reader();
        var api = new ApiConfig(raw.Name, r.RequiredString("url"), r.String("version") ?? "latest", r.Int("timeout") ?? 60);
        r.RejectUnknown();
        return api;
    }

    public static StorageConfig Storage(RawEntry raw)
    {
        var r = raw.Reader();
        var type = r.String("storage_type") ?? "backend";
        if (type is not ("backend" or "ssh" or "azure"))
        {
            throw r.Error("storage_type", $"'{type}' is not one of backend, ssh, azure");
        }

        var storage = new StorageConfig(raw.Name, type, r.String("base_url"), r.String("api_url"), []);
        foreach (var text in (string[])["host", "user", "path", "share", "sas_public_token"])
        {
            r.String(text);
        }

        r.Int("port");
        var settings = raw.Reader().Rest();
        foreach (var known in (string[])["storage_type", "base_url", "api_url"])
        {
            settings.Remove(known);
        }

        return storage with { Settings = settings };
    }

    public static TreeConfig Tree(RawEntry raw)
    {
        ConfigNames.Check(raw);
        var r = raw.Reader();
        var tree = new TreeConfig(raw.Name, r.RequiredString("url"));
        r.RejectUnknown();
        return tree;
    }

    public static BuildConfig Build(RawEntry raw)
    {
        var r = raw.Reader();
        TimeSpan? frequency = null;
        if (r.String("frequency") is { } text)
        {
            frequency = Frequency.TryParse(text, out var problem) ?? throw r.Error("frequency", problem!);
        }

        var build = new BuildConfig(raw.Name, r.RequiredString("tree"), r.RequiredString("branch"), r.StringList("architectures"),
            frequency, Priority(r));
        r.RejectUnknown();
        return build;
    }

    public static FragmentConfig Fragment(RawEntry raw)
    {
        var r = raw.Reader();
        var fragment = new FragmentConfig(raw.Name, r.String("path"), r.StringList("configs") ?? [], r.String("defconfig"));
        r.RejectUnknown();
        return fragment;
    }

    public static RootfsConfig Rootfs(RawEntry raw)
    {
        var r = raw.Reader();
        var rootfs = new RootfsConfig(raw.Name, r.String("rootfs_type"), r.String("ramdisk"), r.String("nfsroot"), r.String("ramdiskroot"),
            r.String("rootfs"));
        r.RejectUnknown();
        return rootfs;
    }

    public static string? Priority(EntryReader r)
    {
        var priority = r.String("priority");
        return priority is null || Priorities.Contains(priority) || int.TryParse(priority, out _)
            ? priority
            : throw r.Error("priority", $"'{priority}' is not one of high, medium, low");
    }
}
