using System.Net;
using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Logging;
using KernelCI.Storage.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace KernelCI.Storage.Tests;

/// <summary>What a request puts in the log goes through the component's console formatter, which escapes it.</summary>
public sealed class LogEscapingTests
{
    [Fact]
    public async Task Uploader_email_with_newline_and_escape_is_logged_escaped()
    {
        var data = Directory.CreateTempSubdirectory("kernelci-storage-log-").FullName;
        var output = new StringWriter();
        await using var database = Database.OpenSqliteFile(Path.Combine(data, "unused.db"));
        var context = new HostContext(data, database, new SecretStore(data), TimeProvider.System);
        await using var app = ComponentApp.Build(new StorageComponent(new StorageOptions()), context, b =>
        {
            b.WebHost.UseTestServer();
            b.Services.AddSingleton<ILoggerProvider>(s => new FormatterProvider(
                s.GetServices<ConsoleFormatter>().Single(f => f.Name == SingleLineFormatter.FormatterName), output));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var token = StorageAuthenticator.IssueToken(context.Secrets.Get(StorageAuthenticator.SecretName), "lab\n00:00:00 info: forged\u001b[2J@x.org", null);
        using var form = new MultipartFormDataContent { { new StringContent("p"), "path" }, { new ByteArrayContent("x"u8.ToArray()), "file0", "f.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        using var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
        var log = output.ToString();
        Assert.Contains(@"for lab\n00:00:00 info: forged\x1b[2J@x.org", log, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', log);
        Directory.Delete(data, recursive: true);
    }

    private sealed class FormatterProvider(ConsoleFormatter formatter, StringWriter output) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(formatter, output, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ConsoleFormatter formatter, StringWriter output, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter1)
            {
                lock (output)
                {
                    formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter1), null, output);
                }
            }
        }
    }
}
