namespace KernelCI.ServiceDefaults;

/// <summary>A component its peers in the same deployment call with a credential it issues from the data folder's
/// secrets (and its own data): Maestro, KCIDB and storage issue bearer tokens to the pipeline's service account.</summary>
public interface IServiceCredentialIssuer
{
    /// <summary>The credential <paramref name="account"/> calls this component with; the component decides the
    /// account's rights and the credential's lifetime.</summary>
    Task<string> IssueServiceCredentialAsync(ServiceAccount account, HostContext context, CancellationToken cancellationToken);
}
