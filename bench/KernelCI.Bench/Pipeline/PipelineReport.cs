using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Pipeline;

internal sealed record PipelineReport(
    DateTimeOffset StartedAt,
    PipelineSettings Settings,
    LoopReport? Loop,
    TreesReport? Trees,
    double? SchedulerJobNodesPerSecondSlowest,
    IReadOnlyList<TargetResult> Targets);

internal sealed record LoopReport(double TotalSeconds, double BuildSeconds, double BootSeconds, double TarballSeconds, double OverheadSeconds);

internal sealed record TreesReport(int Trees, double WallSeconds, double OverheadP50Seconds, double OverheadMaxSeconds, double BootP50Seconds);
