namespace KernelCI.Storage.Auth;

/// <summary>Endpoint metadata: this endpoint asks whether a token is valid, so a refused one is its answer, not a
/// failure worth a log line.</summary>
internal sealed record AuthProbe;
