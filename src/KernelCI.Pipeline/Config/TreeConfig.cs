namespace KernelCI.Pipeline.Config;

public sealed record TreeConfig(string Name, string Url);
