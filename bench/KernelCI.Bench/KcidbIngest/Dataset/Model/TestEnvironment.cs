namespace KernelCI.Bench.KcidbIngest.Dataset.Model;

internal sealed record TestEnvironment(string Comment, IReadOnlyList<string> Compatible, EnvironmentMisc Misc);
