namespace KernelCI.Maestro;

/// <summary>An expected refusal: becomes `{"detail": message}` with the status code, as upstream's HTTPException does.</summary>
internal sealed class MaestroException(int statusCode, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public static MaestroException BadRequest(string detail) => new(400, detail);

    public static MaestroException NotFound(string detail) => new(404, detail);
}
