namespace KernelCI.ServiceDefaults;

/// <summary>A component that calls other components of its deployment over HTTP (the pipeline calls Maestro, KCIDB and
/// storage). Before its listener is built, `serve` hands it the <see cref="Deployment"/> to find its peers' URLs and
/// credentials; it stops before them, so it does not spend its last seconds retrying stopped listeners.</summary>
public interface IPeerClient
{
    /// <summary>Reads its options and completes them from the deployment. Throws
    /// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> when its configuration cannot start it.</summary>
    Task ConnectAsync(Deployment deployment, CancellationToken cancellationToken);
}
