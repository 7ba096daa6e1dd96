namespace KernelCI.Dashboard.Http;

internal sealed record ErrorBody(string Error);
