namespace KernelCI.ServiceDefaults;

/// <summary>An account a component uses to call its peers, such as the pipeline's `pipeline` account. Each peer
/// decides what the account may do (<see cref="IServiceCredentialIssuer"/>); <paramref name="Origin"/> is the origin
/// its results carry where a peer records one (KCIDB).</summary>
public sealed record ServiceAccount(string Name, string Origin);
