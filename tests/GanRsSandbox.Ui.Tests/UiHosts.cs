using System.Collections.Concurrent;
using GanRsSandbox.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GanRsSandbox.Ui.Tests;

/// <summary>
/// The real hosts for the browser tests: a silo (localhost clustering, SQLite, a temporary data directory) and the
/// web host on a real Kestrel port, with every error-level log line of both collected so a test can assert there
/// were none.
/// </summary>
public sealed class UiHosts : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("ganrs-ui-").FullName;
    private IHost? _silo;
    private WebApplicationFactory<Program>? _web;

    public ErrorLog Errors { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider SiloServices => _silo!.Services;

    public IServiceProvider WebServices => _web!.Services;

    public async Task InitializeAsync()
    {
        (_silo, var gateway) = await TestSilo.StartAsync(_data, Errors);
        var port = TestSilo.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cluster:GatewayPort", gateway.ToString());
            web.UseSetting("urls", BaseUrl);
            web.ConfigureLogging(logging => logging.AddProvider(Errors));
        });
        _web.UseKestrel(port);
        _web.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
        await TestSilo.StopAsync(_silo);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Collects error and critical log entries from every logger it is given to.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
