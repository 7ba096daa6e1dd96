namespace KernelCI.Client.Maestro;

public sealed record MaestroSubscription(long Id, string Channel, string User, bool Promiscuous);
