using KernelCI.Bench.Storage.Cpu;

namespace KernelCI.Bench.Storage.Transfers;

/// <summary>A server under test. Downloads use <paramref name="Http"/>, which sends no credentials, so both servers get
/// the very same request; uploads to ours use <paramref name="Uploads"/>, which carries the token.</summary>
internal sealed record Endpoint(string Name, Uri BaseUri, HttpClient Http, ProcessTreeCpu Cpu, HttpClient? Uploads = null)
{
    public HttpClient UploadHttp => Uploads ?? Http;
}
