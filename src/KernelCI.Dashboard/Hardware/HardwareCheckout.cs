namespace KernelCI.Dashboard.Hardware;

internal sealed record HardwareCheckout(string Id, string Origin, string? TreeName, string? Url, string? Branch, string? Hash, string? Name);
