namespace KernelCI.KciDev.Config;

/// <summary>What `kci-dev config` writes: the instances upstream's template has (local, staging, production; the
/// services' addresses from kernelci/kci-dev:kcidev/_data/kci-dev.toml.example), `local` pointing at `./kernelci serve`'s
/// default ports.</summary>
internal static class ConfigTemplate
{
    public const string Text = """
        # kci-dev settings (docs/kci-dev.md, "Configure"). kci-dev reads the first of: --settings FILE (default
        # ./.kci-dev.toml), ~/.config/kci-dev/kci-dev.toml, /etc/kci-dev.toml. Pick an instance with --instance NAME.
        default_instance = "local"

        # `./kernelci serve` on this machine (base port 8000).
        [local]
        pipeline = "http://127.0.0.1:8002/"
        api = "http://127.0.0.1:8001/"
        token = "example"    # ./kernelci pipeline token EMAIL --permission checkout --permission patchset --permission testretry
        dashboard_api = "http://127.0.0.1:8000/api/"
        kcidb_rest_url = "http://127.0.0.1:8003/submit"
        kcidb_token = "your-kcidb-token-here"
        storage_url = "http://127.0.0.1:8004/"
        storage_token = "your-storage-jwt-token"

        [staging]
        pipeline = "https://staging.kernelci.org:9100/"
        api = "https://staging.kernelci.org:9000/"
        token = "example"
        dashboard_api = "https://staging.dashboard.kernelci.org/api/"
        kcidb_rest_url = "https://staging.kcidb.kernelci.org/submit"
        kcidb_token = "your-kcidb-token-here"
        storage_url = "https://files-staging.kernelci.org"
        storage_token = "your-storage-jwt-token"

        [production]
        pipeline = "https://kernelci-pipeline.westus3.cloudapp.azure.com/"
        api = "https://kernelci-api.westus3.cloudapp.azure.com/"
        token = "example"
        dashboard_api = "https://dashboard.kernelci.org/api/"
        kcidb_rest_url = "https://db.kernelci.org/submit"
        kcidb_token = "your-kcidb-token-here"
        storage_url = "https://files.kernelci.org"
        storage_token = "your-storage-jwt-token"

        """;
}
