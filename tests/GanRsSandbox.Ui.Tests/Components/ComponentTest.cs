using Bunit;
using GanRsSandbox.BlazorUi.Api;
using GanRsSandbox.BlazorUi.Features;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace GanRsSandbox.Ui.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor and the fake feature services. The context is disposed asynchronously because
/// some MudBlazor services are only IAsyncDisposable.
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    protected ComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton<IDatasetService>(Sandbox);
        Context.Services.AddSingleton<IGeneratorService>(Sandbox);
        Context.Services.AddSingleton<IModelService>(Sandbox);
        Context.Services.AddSingleton<IJobService>(Sandbox);
        Context.Services.AddSingleton<ISandboxEvents>(Sandbox);
        Context.Services.AddSingleton<IExperimentService>(Sandbox);
        Context.Services.AddSingleton(Options.Create(new ApiLimits { MaxUploadBytes = 1000 }));
        Context.Services.AddSingleton(GanRsSandbox.Ml.Catalog.EngineCatalog.Current);
    }

    protected BunitContext Context { get; } = new();

    protected FakeSandbox Sandbox { get; } = new();

    /// <summary>Selects, tooltips and snackbars render into these providers, as in the app's layout.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = null!;

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        Popovers ??= Context.Render<MudPopoverProvider>();
        Snackbars ??= Context.Render<MudSnackbarProvider>();
        return Context.Render(parameters);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
