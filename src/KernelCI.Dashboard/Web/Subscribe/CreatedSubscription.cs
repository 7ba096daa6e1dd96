namespace KernelCI.Dashboard.Web.Subscribe;

/// <summary>What the API answered a good submission with: the id, the address as stored (lower case), whether it is
/// waiting for the address's confirmation (`unconfirmed`) or already `active`, and what it follows.</summary>
public sealed record CreatedSubscription(string Id, string Address, string State, string Follows);
