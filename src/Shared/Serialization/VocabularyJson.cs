namespace GanRsSandbox.Shared;

/// <summary>An engine record or enum on the cluster's wire: its JSON, by property name (<see cref="VocabularyWire{T}"/>).</summary>
[GenerateSerializer, Immutable, Alias("ganrs.VocabularyJson")]
public readonly record struct VocabularyJson([property: Id(0)] string Json);
