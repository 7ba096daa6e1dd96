using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>What a kbuild job builds, read from its params as upstream's KBuild does (core:kernelci/kbuild.py):
/// arch, compiler, cross_compile, defconfig (a list or `a+b`), fragments (names or inline CONFIG_ lines).</summary>
internal sealed record KbuildPlan(string Arch, string MakeArch, string SourceArch, string Image, string Compiler, string? CrossCompile,
    IReadOnlyList<string> Defconfigs, IReadOnlyList<string> Fragments, IReadOnlyList<IReadOnlyList<string>> FragmentFiles)
{
    /// <summary>The defconfigs joined with '+', then '+fragment' for each fragment, as upstream names builds.</summary>
    public string ConfigFull => string.Join('+', Defconfigs.Concat(Fragments));

    public string KernelType => Image.ToLowerInvariant();

    /// <summary>What determines the build's output besides the source (the tree's URL or name, in
    /// <paramref name="source"/>): one persistent build tree per identity (<see cref="BuildTree"/>).</summary>
    public string Identity(string source) => string.Join('\n', new[]
    {
        "source=" + source, "arch=" + Arch, "compiler=" + Compiler, "cross_compile=" + CrossCompile, "image=" + Image,
        "defconfig=" + string.Join('+', Defconfigs),
    }.Concat(FragmentFiles.Select(f => "fragment=" + string.Join(' ', f))));

    public static KbuildPlan From(JsonObject parameters, PipelineConfig config)
    {
        var arch = JobParams.String(parameters, "arch") ?? throw new InvalidJobParamsException("params.arch: required (e.g. x86_64)");
        var (makeArch, sourceArch, image) = arch switch
        {
            "x86_64" => ("x86_64", "x86", "bzImage"),
            "i386" => ("i386", "x86", "bzImage"),
            "arm64" => ("arm64", "arm64", "Image"),
            "arm" => ("arm", "arm", "zImage"),
            "riscv" => ("riscv", "riscv", "Image"),
            _ => throw new InvalidJobParamsException($"params.arch: '{arch}' is not supported (x86_64, i386, arm64, arm, riscv)"),
        };
        var defconfigs = JobParams.List(parameters, "defconfig", '+');
        if (defconfigs.Count == 0)
        {
            throw new InvalidJobParamsException("params.defconfig: required (e.g. tinyconfig or x86_64_defconfig)");
        }

        var fragments = JobParams.List(parameters, "fragments");
        var files = new List<IReadOnlyList<string>>();
        var inline = new List<string>();
        foreach (var fragment in fragments)
        {
            if (fragment.StartsWith("CONFIG_", StringComparison.Ordinal))
            {
                inline.Add(fragment);
            }
            else
            {
                files.Add(FragmentLines(fragment, parameters, config));
            }
        }

        if (inline.Count > 0)
        {
            files.Add(inline);
        }

        return new KbuildPlan(arch, makeArch, sourceArch, JobParams.String(parameters, "kernel_image") ?? image,
            JobParams.String(parameters, "compiler") ?? "gcc", JobParams.String(parameters, "cross_compile"), defconfigs, fragments, files);
    }

    private static IReadOnlyList<string> FragmentLines(string name, JsonObject parameters, PipelineConfig config)
    {
        if (parameters["fragment_configs"] is JsonObject filled && filled[name] is { } lines)
        {
            return lines switch
            {
                JsonArray array => array.Select(l => l!.ToString()).ToList(),
                _ => lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };
        }

        return config.Fragments.TryGetValue(name, out var fragment)
            ? fragment.Configs
            : throw new InvalidJobParamsException($"params.fragments: unknown fragment '{name}' (not in fragment_configs nor in the configuration)");
    }
}
