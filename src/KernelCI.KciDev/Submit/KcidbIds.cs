using System.Security.Cryptography;
using System.Text;

namespace KernelCI.KciDev.Submit;

/// <summary>Upstream's deterministic KCIDB IDs, so the same build submitted twice (or by upstream's kci-dev) merges into
/// one object: `ORIGIN:ck-sha256(url|branch|commit|patchset_hash)` and
/// `ORIGIN:b-sha256(checkout_id|arch|config|compiler|start_time)` (kernelci/kci-dev:kcidev/libs/kcidb.py).</summary>
internal static class KcidbIds
{
    public static string Checkout(string origin, string url, string branch, string commit, string patchsetHash) =>
        $"{origin}:ck-{Sha256($"{url}|{branch}|{commit}|{patchsetHash}")}";

    public static string Build(string origin, string checkoutId, string arch, string config, string compiler, string startTime) =>
        $"{origin}:b-{Sha256($"{checkoutId}|{arch}|{config}|{compiler}|{startTime}")}";

    private static string Sha256(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
