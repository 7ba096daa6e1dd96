namespace KernelCI.Bench.Lava;

internal sealed record LavaSettings(
    IReadOnlyList<string> Parts,
    IReadOnlyList<string> Databases,
    int Cases,
    int Sets,
    int Runs,
    int Submissions,
    int LabSubmissions,
    int LabJobs,
    string Postgres)
{
    public bool Has(string part) => Parts.Contains(part);
}
