namespace KernelCI.Dashboard.Origins;

/// <summary>`origins/` (upstream's OriginsResponse, kernelci/dashboard:backend/kernelCI_app/typeModels/origins.py).</summary>
internal sealed record OriginsResponse(IReadOnlyList<string> CheckoutOrigins, IReadOnlyList<string> TestOrigins);
