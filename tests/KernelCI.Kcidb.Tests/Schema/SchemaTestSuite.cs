using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>
/// The official JSON Schema Test Suite's draft7 cases (`../shared/vendor/json-schema-test-suite-draft7.tar.gz`
/// beside the repository, KERNELCI_VENDOR_DIR overrides), unpacked once per test run into a temporary folder.
/// </summary>
internal static class SchemaTestSuite
{
    private static readonly Lazy<string> Draft7 = new(Unpack);

    public static string TarballPath => Path.Combine(RepositoryPaths.VendorDirectory, "json-schema-test-suite-draft7.tar.gz");

    /// <summary>The groups of one file (`type.json`, `optional/format/uri.json`): each a schema and its cases.</summary>
    public static JsonElement Groups(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Draft7.Value, file)));
        return document.RootElement.Clone();
    }

    private static string Unpack()
    {
        if (!File.Exists(TarballPath))
        {
            throw new FileNotFoundException($"the JSON Schema Test Suite is not at {TarballPath}: the tests need ../shared/vendor beside the repository (or KERNELCI_VENDOR_DIR)");
        }

        var folder = Directory.CreateTempSubdirectory("kernelci-schema-suite-").FullName;
        using (var gzip = new GZipStream(File.OpenRead(TarballPath), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, folder, overwriteFiles: false);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return Path.Combine(folder, "json-schema-test-suite", "tests", "draft7");
    }
}
