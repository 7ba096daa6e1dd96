using System.Collections.Concurrent;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Each project's last poll, and when a failing one is tried again: failures double the wait from the poll
/// period up to MaxBackoff. Shown on the pipeline listener's `GET /health/patchwork` (503 while a project fails),
/// without stopping anything else: every project and every other service keeps running.</summary>
public sealed class PatchworkHealth(PatchworkOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ProjectHealth> _projects = new();

    public IReadOnlyList<ProjectHealth> Projects => [.. options.Projects.Select(p => _projects.GetValueOrDefault(p.Source)
        ?? new ProjectHealth(p.Url, p.Project, "starting", null, 0, null, null))];

    public bool Due(PatchworkProject project) =>
        _projects.GetValueOrDefault(project.Source) is not { NextAttempt: { } next } || time.GetUtcNow() >= next;

    /// <summary>Records a good poll; true when the project was failing before.</summary>
    public bool Succeeded(PatchworkProject project)
    {
        var before = _projects.GetValueOrDefault(project.Source);
        _projects[project.Source] = new ProjectHealth(project.Url, project.Project, "ok", null, 0, time.GetUtcNow(), null);
        return before is { Failures: > 0 };
    }

    /// <summary>Records a failed poll and returns the wait before the next attempt.</summary>
    public (int Failures, TimeSpan Delay) Failed(PatchworkProject project, string error)
    {
        var before = _projects.GetValueOrDefault(project.Source);
        var failures = (before?.Failures ?? 0) + 1;
        var delay = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, options.PollPeriod.Ticks * (1L << Math.Min(failures - 1, 20))));
        _projects[project.Source] = new ProjectHealth(project.Url, project.Project, "failing", error, failures, before?.LastSuccess,
            time.GetUtcNow() + delay);
        return (failures, delay);
    }
}
