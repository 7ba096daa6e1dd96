namespace KernelCI.Pipeline.Runtimes.Lava.Definition;

/// <summary>deploy.postprocess: commands run in a container over the downloaded files (fastboot's boot.img).</summary>
internal sealed record LavaPostprocess(LavaPostprocessDocker Docker);
