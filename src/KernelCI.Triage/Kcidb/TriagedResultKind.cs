namespace KernelCI.Triage.Kcidb;

/// <summary>Which KCIDB object an incident points at: build_id or test_id.</summary>
public enum TriagedResultKind
{
    Build,
    Test,
}
