namespace KernelCI.Bench.Pipeline;

internal sealed record PipelineSettings(IReadOnlyList<string> Parts, int Trees, int Jobs, int Platforms, string Postgres);
