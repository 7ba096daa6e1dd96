namespace KernelCI.Dashboard.Web.Shared;

internal sealed record StaticAsset(string Name, string HashedName, byte[] Content, string ContentType);
