using GanRsSandbox.Grains;
using GanRsSandbox.Shared;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.Cluster.Tests;

/// <summary>Server-side imports are off unless an administrator names a folder.</summary>
public sealed class ImportFolderTests
{
    [Fact]
    public void Without_a_folder_listing_and_resolving_are_forbidden_and_say_how_to_turn_it_on()
    {
        var folder = new ImportFolder(Options.Create(new SandboxOptions()));

        Assert.False(folder.Enabled);
        var listing = Assert.Throws<SandboxException>(folder.List);
        var resolving = Assert.Throws<SandboxException>(() => folder.Resolve("ratings.csv"));
        Assert.All(new[] { listing, resolving }, e =>
        {
            Assert.Equal((SandboxErrorKind.Forbidden, "serverPath"), (e.Kind, e.Field));
            Assert.Contains("Sandbox:ImportFolder", e.Message);
        });
    }

    [Fact]
    public void A_folder_that_does_not_exist_yet_lists_nothing()
    {
        var folder = new ImportFolder(Options.Create(new SandboxOptions { ImportFolder = Path.Combine(Path.GetTempPath(), $"ganrs-none-{Guid.NewGuid():N}") }));
        Assert.Empty(folder.List());
    }
}
