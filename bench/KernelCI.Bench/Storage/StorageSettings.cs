namespace KernelCI.Bench.Storage;

internal sealed record StorageSettings(
    int Repetitions,
    int UploadRepetitions,
    int MibRequests,
    int MibUploads,
    int SmallFiles,
    int SmallRequests,
    int GibRequests,
    int Clients,
    bool SkipGib,
    long Seed,
    bool Keep,
    string? ServerCpus,
    IReadOnlyList<string> ServerEnvironment);
