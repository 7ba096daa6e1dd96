using System.Globalization;
namespace KernelCI.Pipeline.Config;

/// <summary>Typed jobs, platforms and runtimes. Jobs reject unknown keys, as upstream's job model does; platforms
/// and runtimes keep keys of their own (flash_image, a lab's url, notify, context) for the runtimes to read.</summary>
internal static class JobParsers
{
    private static readonly string[] Kinds = ["kbuild", "job", "test", "process"];

    public static JobConfig Job(RawEntry raw)
    {
        ConfigNames.Check(raw);
        var r = raw.Reader();
        var kind = r.RequiredString("kind");
        if (!Kinds.Contains(kind))
        {
            throw r.Error("kind", $"'{kind}' is not one of {string.Join(", ", Kinds)}");
        }

        var parameters = r.Object("params");
        TimeSpan? frequency = null;
        if (parameters["frequency"] is { } value)
        {
            frequency = Frequency.TryParse(value.ToString(), out var problem) ?? throw r.Error("params.frequency", problem!);
        }

        if (parameters["fragments"] is { } fragments and not System.Text.Json.Nodes.JsonArray)
        {
            throw r.Error("params.fragments", $"expected a list of strings, got {EntryReader.Kind(fragments)}");
        }

        var job = new JobConfig(raw.Name, kind, r.String("template"), r.String("image"), parameters, r.Rules(),
            r.String("kcidb_test_suite"), SectionParsers.Priority(r), r.String("base_name"), frequency);
        r.RejectUnknown();
        return job;
    }

    public static PlatformConfig Platform(RawEntry raw)
    {
        var r = raw.Reader();
        // A few upstream platforms list several dtbs: the first is the platform's, all of them stay in Extra["dtbs"].
        var dtbs = raw.Value?["dtb"] is System.Text.Json.Nodes.JsonArray ? r.StringList("dtb") : null;
        var dtb = dtbs is null ? r.String("dtb") : dtbs.FirstOrDefault();
        var platform = new PlatformConfig(raw.Name, r.String("arch") ?? "x86_64", r.String("boot_method") ?? "grub", r.String("mach") ?? "x86",
            dtb, r.StringList("compatible") ?? [], r.String("base_name"), r.Object("context"), r.Object("params"), r.Rules());
        var extra = r.Rest();
        if (dtbs is not null)
        {
            extra["dtbs"] = new System.Text.Json.Nodes.JsonArray(dtbs.Select(d => (System.Text.Json.Nodes.JsonNode?)d).ToArray());
        }

        return platform with { Extra = extra };
    }

    public static RuntimeConfig Runtime(RawEntry raw)
    {
        var r = raw.Reader();
        var labType = r.RequiredString("lab_type");
        var rules = r.Rules();
        foreach (var text in (string[])["url", "env_file", "user", "storage_name"])
        {
            r.String(text);
        }

        foreach (var number in (string[])["priority_min", "priority_max", "max_queue_depth", "max_queue_depth_priority_factor", "poll_interval", "timeout"])
        {
            r.Int(number);
        }

        LabPriority(r);

        r.Bool("disable_queue_limit");
        r.StringList("volumes");
        var settings = raw.Reader().Rest();
        settings.Remove("lab_type");
        settings.Remove("rules");
        return new RuntimeConfig(raw.Name, labType, rules, settings);
    }

    /// <summary>A lab-wide `priority` as kernelci-core's RuntimeLAVA takes it (kernelci/kernelci-core:kernelci/config/runtime.py,
    /// PRIORITIES): an integer, or one of LAVA's level names low, medium, high (0, 50, 100 in
    /// <see cref="Runtimes.Lava.LavaPriority.Levels"/>). Upstream keeps any other string and fails at the first job;
    /// here it stops the start naming the key. Only priority takes names: upstream's priority_min/max are clamped
    /// numbers, a name there is a TypeError.</summary>
    private static void LabPriority(EntryReader r)
    {
        if (!r.Has("priority"))
        {
            return;
        }

        var text = r.String("priority");
        if (text is not null && !Runtimes.Lava.LavaPriority.Levels.ContainsKey(text) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw r.Error("priority", $"'{text}' is neither an integer nor one of low, medium, high");
        }
    }
}
