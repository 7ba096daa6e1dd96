namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>What an incident points at: an issue, and a build or a test (by index).</summary>
internal readonly record struct IncidentTarget(int Issue, bool IsBuild, long Index);
