using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.Maestro.Tests;

public sealed class MaestroOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-maestro-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_value_in_the_Maestro_section_reaches_the_component()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = Build(database, ("Maestro:PatternTimeout", "00:00:07"), ("Maestro:ConcurrentNodeWrites", "3"));

        var options = app.Services.GetRequiredService<MaestroOptions>();

        Assert.Equal((TimeSpan.FromSeconds(7), 3), (options.PatternTimeout, options.ConcurrentNodeWrites));
    }

    [Fact]
    public async Task Options_given_to_the_constructor_win_over_configuration()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var given = new MaestroOptions { KeepAlive = TimeSpan.FromSeconds(3) };
        await using var app = Build(database, given, ("Maestro:KeepAlive", "00:00:09"));

        Assert.Equal(TimeSpan.FromSeconds(3), app.Services.GetRequiredService<MaestroOptions>().KeepAlive);
    }

    [Fact]
    public async Task An_invalid_value_stops_the_start_naming_its_key()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);

        var error = Assert.Throws<OptionsValidationException>(() => Build(database, ("Maestro:KeepAlive", "-00:00:01")));

        Assert.StartsWith("Maestro:KeepAlive: ", Assert.Single(error.Failures));
    }

    private WebApplication Build(TestDatabase database, params (string Key, string Value)[] settings) => Build(database, null, settings);

    private WebApplication Build(TestDatabase database, MaestroOptions? given, params (string Key, string Value)[] settings)
    {
        var context = new HostContext(_directory, database.Database, new SecretStore(_directory), TimeProvider.System);
        return ComponentApp.Build(new MaestroComponent(given), context, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        });
    }
}
