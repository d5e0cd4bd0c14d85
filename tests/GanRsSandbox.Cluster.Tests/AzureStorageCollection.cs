namespace GanRsSandbox.Cluster.Tests;

/// <summary>The Azure storage tests' collection: run on their own, never beside another class.</summary>
[CollectionDefinition(AzureStorageTests.Alone, DisableParallelization = true)]
public sealed class AzureStorageCollection;
