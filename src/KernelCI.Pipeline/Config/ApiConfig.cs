namespace KernelCI.Pipeline.Config;

public sealed record ApiConfig(string Name, string Url, string Version = "latest", int Timeout = 60);
