namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>One request as the dashboard received it: `GET /api/tree/…/builds?origin=…`, and the body of a POST.</summary>
internal sealed record SentRequest(string Method, string PathAndQuery, string? Body);
