using Microsoft.Extensions.Configuration;

namespace KernelCI.ServiceDefaults;

/// <summary>The deployment as a component that calls its peers sees it (<see cref="IPeerClient"/>): the configuration,
/// where each component listens on this host (base port plus its <see cref="IComponent.PortOffset"/>) and a service
/// credential for each. <paramref name="isLocal"/> says whose data this process holds: the components `serve` runs
/// here, or every one for a command run on the deployment's data folder.</summary>
public sealed class Deployment(HostContext context, IConfiguration configuration, IReadOnlyList<IComponent> components,
    Func<string, bool> isLocal, string host, int basePort)
{
    public HostContext Context { get; } = context;

    public IConfiguration Configuration { get; } = configuration;

    public bool IsLocal(string component) => isLocal(component);

    /// <summary>The component's base URL, ending in '/'.</summary>
    public Uri UrlOf(string component) => new($"http://{host}:{basePort + Find(component).PortOffset}/");

    public Task<string> IssueCredentialAsync(string component, ServiceAccount account, CancellationToken cancellationToken) =>
        Find(component) is IServiceCredentialIssuer issuer
            ? issuer.IssueServiceCredentialAsync(account, Context, cancellationToken)
            : throw new InvalidOperationException($"component {component} issues no service credentials");

    private IComponent Find(string name) =>
        components.FirstOrDefault(c => c.Name == name) ?? throw new InvalidOperationException($"no component named {name}");
}
