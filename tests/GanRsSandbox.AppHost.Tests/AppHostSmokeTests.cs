using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace GanRsSandbox.AppHost.Tests;

public sealed class AppHostSmokeTests
{
    [Fact]
    public async Task The_app_host_starts_the_silo_and_the_web_host_and_the_ui_answers()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var data = Directory.CreateTempSubdirectory("ganrs-apphost-").FullName;
        try
        {
            var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GanRsSandbox_AppHost>(
                [$"--Sandbox:DataDirectory={data}"],
                (options, _) =>
                {
                    options.DisableDashboard = true;
                    options.AllowUnsecuredTransport = true;
                },
                timeout.Token);
            await using var app = await appHost.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);

            using var http = app.CreateHttpClient("web", "http");
            var page = await http.GetAsync("/", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("GanRsSandbox", await page.Content.ReadAsStringAsync(timeout.Token));
            // The API answering from the registry grain proves the web host reached the silo.
            var datasets = await http.GetAsync("/api/datasets", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, datasets.StatusCode);
            Assert.Equal("[]", await datasets.Content.ReadAsStringAsync(timeout.Token));
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
