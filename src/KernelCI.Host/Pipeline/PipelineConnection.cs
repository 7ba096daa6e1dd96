using System.CommandLine;
using KernelCI.Data;
using KernelCI.Host.Kcidb;
using KernelCI.Host.Serve;
using KernelCI.ServiceDefaults;
using KernelCI.Maestro;
using KernelCI.Pipeline;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Host.Pipeline;

/// <summary>How a pipeline command finds the other components: flags, then upstream's environment variables
/// (KCI_API_TOKEN, KCI_STORAGE_CREDENTIALS, KCIDB_REST), then the "Pipeline" section of --config, and for anything
/// still missing, the deployment in --data-dir on --base-port (its secrets and its `pipeline` user), as `serve` does.</summary>
internal sealed class PipelineConnection
{
    private readonly Option<string?> _pipelineConfig = new("--pipeline-config") { Description = "Directory of pipeline YAML files" };
    private readonly Option<string?> _config = new("--config") { Description = "JSON configuration file (section Pipeline, …)" };
    private readonly Option<string?> _api = new("--api") { Description = "Maestro API URL, e.g. http://127.0.0.1:8001/latest/" };
    private readonly Option<string?> _token = new("--token") { Description = "Maestro API token (default: $KCI_API_TOKEN)" };
    private readonly Option<string?> _storage = new("--storage") { Description = "Storage URL" };
    private readonly Option<string?> _storageToken = new("--storage-token") { Description = "Storage token (default: $KCI_STORAGE_CREDENTIALS)" };
    private readonly Option<string?> _kcidb = new("--kcidb") { Description = "KCIDB REST URL (default: from $KCIDB_REST)" };
    private readonly Option<string?> _kcidbToken = new("--kcidb-token") { Description = "KCIDB token (default: from $KCIDB_REST)" };
    private readonly Option<string> _dataDir = CommonOptions.DataDir();
    private readonly Option<string?> _database = new("--database") { Description = "The deployment's PostgreSQL connection string (default: SQLite in --data-dir)" };
    private readonly Option<int> _basePort = new("--base-port") { Description = "Base port of the deployment in --data-dir", DefaultValueFactory = _ => 8000 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _pipelineConfig, _config, _api, _token, _storage, _storageToken, _kcidb, _kcidbToken, _dataDir, _database, _basePort })
        {
            command.Options.Add(option);
        }
    }

    public string? ConfigFile(ParseResult parse) => parse.GetValue(_config);

    /// <summary>The data folder, whose secrets.json holds the labs' tokens (docs/labs.md).</summary>
    public string DataDir(ParseResult parse) => parse.GetValue(_dataDir)!;

    /// <summary>The deployment's database (--database, else SQLite in --data-dir), for services that keep state of
    /// their own (patchwork: pipeline migration 4); migrated to the pipeline's latest schema.</summary>
    public async Task<Database> OpenPipelineDatabaseAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var database = DataFolderDatabase.Open(parse.GetValue(_dataDir)!, parse.GetValue(_database));
        await Migrator.ApplyAsync(database, new PipelineComponent().Migrations, cancellationToken);
        return database;
    }

    public async Task<PipelineOptions> ResolveAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder();
        if (parse.GetValue(_config) is { } file)
        {
            configuration.AddJsonFile(Path.GetFullPath(file), optional: false);
        }

        var options = configuration.Build().GetSection("Pipeline").Get<PipelineOptions>() ?? new PipelineOptions();
        var kcidbRest = Environment.GetEnvironmentVariable("KCIDB_REST") is { Length: > 0 } rest ? KcidbEndpoint.Resolve(rest, null, out _) : null;
        options = options with
        {
            ConfigDirectory = parse.GetValue(_pipelineConfig) is { } dir ? Path.GetFullPath(dir) : options.ConfigDirectory,
            MaestroUrl = parse.GetValue(_api) ?? options.MaestroUrl,
            MaestroToken = parse.GetValue(_token) ?? Environment.GetEnvironmentVariable("KCI_API_TOKEN") ?? options.MaestroToken,
            StorageUrl = parse.GetValue(_storage) ?? options.StorageUrl,
            StorageToken = parse.GetValue(_storageToken) ?? Environment.GetEnvironmentVariable("KCI_STORAGE_CREDENTIALS") ?? options.StorageToken,
            KcidbUrl = parse.GetValue(_kcidb) ?? kcidbRest?.BaseAddress.ToString() ?? options.KcidbUrl,
            KcidbToken = parse.GetValue(_kcidbToken) ?? kcidbRest?.Token ?? options.KcidbToken,
        };
        if (options is { MaestroUrl: not null, MaestroToken: not null, StorageUrl: not null, StorageToken: not null, KcidbUrl: not null, KcidbToken: not null, WorkDirectory: not null })
        {
            return options;
        }

        var dataDir = parse.GetValue(_dataDir)!;
        await using var database = DataFolderDatabase.Open(dataDir, parse.GetValue(_database));
        await Migrator.ApplyAsync(database, MaestroMigrations.All, cancellationToken);
        var context = new HostContext(dataDir, database, new SecretStore(dataDir), TimeProvider.System);
        return await EmbeddedPipeline.CompleteAsync(options, context, "127.0.0.1", parse.GetValue(_basePort), cancellationToken);
    }
}
